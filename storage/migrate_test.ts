import assert from "node:assert/strict";
import { StorageError } from "./db.ts";
import { loadMigrations, migrate, migrationStatus } from "./migrate.ts";
import { describeSchema } from "./schema.ts";
import { pgReachable, TEST_PG_URL, testBackends } from "./test_backends.ts";
import { openStore } from "./mod.ts";

testBackends("migrate applies every step once and reports none pending", async ({ open }) => {
  const store = await open({ migrate: false });
  try {
    const before = await migrationStatus(store.db);
    assert.ok(before.length > 0 && before.every((m) => m.appliedAt === null));
    const applied = await migrate(store.db);
    assert.equal(applied.length, before.length);
    assert.deepEqual(await migrate(store.db), []);
    const after = await migrationStatus(store.db);
    assert.ok(after.every((m) => m.appliedAt !== null && !m.modified));
  } finally {
    await store.close();
  }
});

testBackends("two processes migrating at once apply each step exactly once", async (t) => {
  const [a, b] = [await t.open({ migrate: false }), await t.open({ migrate: false })];
  try {
    const [ra, rb] = await Promise.all([migrate(a.db), migrate(b.db)]);
    const total = (await loadMigrations()).length;
    assert.equal(ra.length + rb.length, total);
    const rows = await a.db.all("SELECT version FROM schema_migrations");
    assert.equal(rows.length, total);
  } finally {
    await a.close();
    await b.close();
  }
});

testBackends("a migration that fails halfway is rolled back and the db stays usable", async (t) => {
  const dir = await Deno.makeTempDir();
  await Deno.writeTextFile(`${dir}/0001_ok.sql`, "CREATE TABLE kept (id INTEGER NOT NULL);");
  await Deno.writeTextFile(
    `${dir}/0002_broken.sql`,
    "CREATE TABLE half (id INTEGER NOT NULL);\nINSERT INTO no_such_table VALUES (1);",
  );
  const url = new URL(`file://${dir}/`);
  const store = await t.open({ migrate: false });
  try {
    await assert.rejects(migrate(store.db, url), (e: Error) => {
      assert.ok(e instanceof StorageError);
      assert.match(e.message, /0002_broken failed and was rolled back/);
      return true;
    });
    const status = await migrationStatus(store.db, url);
    assert.deepEqual(status.map((s) => s.appliedAt !== null), [true, false]);
    await store.db.run("INSERT INTO kept (id) VALUES (1)");
    await assert.rejects(store.db.all("SELECT * FROM half"), /half/);
  } finally {
    await store.close();
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test({
  name: "migrate builds the same schema on SQLite and on Postgres",
  ignore: !pgReachable && Deno.env.get("CREATOR_REQUIRE_PG") !== "1",
  async fn() {
    const dir = await Deno.makeTempDir();
    const schema = `creator_cmp_${crypto.randomUUID().slice(0, 8)}`;
    const lite = await openStore(`${dir}/a.db`);
    const pg = await openStore(TEST_PG_URL, { schema });
    try {
      const [a, b] = [await describeSchema(lite.db), await describeSchema(pg.db)];
      assert.ok(Object.keys(a).includes("published_content"));
      assert.deepEqual(a, b);
    } finally {
      await pg.db.exec(`DROP SCHEMA "${schema}" CASCADE`);
      await lite.close();
      await pg.close();
      await Deno.remove(dir, { recursive: true });
    }
  },
});

testBackends("a store already up to date still takes a migration added later", async (t) => {
  const dir = await Deno.makeTempDir();
  const url = new URL(`file://${dir}/`);
  const store = await t.open({ migrate: false });
  try {
    await Deno.writeTextFile(`${dir}/0001_first.sql`, "CREATE TABLE first_t (id INTEGER);");
    assert.deepEqual((await migrate(store.db, url)).map((m) => m.version), [1]);
    assert.deepEqual(await migrate(store.db, url), []);
    await Deno.writeTextFile(`${dir}/0002_second.sql`, "CREATE TABLE second_t (id INTEGER);");
    assert.deepEqual((await migrate(store.db, url)).map((m) => m.version), [2]);
    await store.db.run("INSERT INTO second_t (id) VALUES (1)");
    // Two files of one version are refused even when nothing is pending.
    await Deno.writeTextFile(`${dir}/0002_again.sql`, "SELECT 1;");
    await assert.rejects(migrate(store.db, url), /share version 2/);
  } finally {
    await store.close();
    await Deno.remove(dir, { recursive: true });
  }
});
