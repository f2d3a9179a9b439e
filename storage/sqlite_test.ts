import assert from "node:assert/strict";
import { openStore, StorageError } from "./mod.ts";
import { DatabaseSync } from "node:sqlite";

async function tempFile(bytes?: Uint8Array): Promise<string> {
  const path = await Deno.makeTempFile({ suffix: ".db" });
  if (bytes) await Deno.writeFile(path, bytes);
  return path;
}

Deno.test("a file that is not SQLite is refused and left byte for byte as it was", async () => {
  const bytes = new TextEncoder().encode("name,price\nBTC,94000\n".repeat(200));
  const path = await tempFile(bytes);
  await assert.rejects(openStore(path), (e: Error) => {
    assert.ok(e instanceof StorageError);
    assert.match(e.message, /is not a SQLite database.*left untouched/);
    return true;
  });
  assert.deepEqual(await Deno.readFile(path), bytes);
  await assert.rejects(Deno.stat(`${path}-wal`), Deno.errors.NotFound);
  await Deno.remove(path);
});

Deno.test("a damaged SQLite file is reported and left as it was", async () => {
  const path = await tempFile();
  await Deno.remove(path);
  const db = new DatabaseSync(path);
  db.exec("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('hello');");
  db.close();
  const bytes = await Deno.readFile(path);
  bytes.fill(0xee, 100, bytes.length); // keep the header, wreck the pages
  await Deno.writeFile(path, bytes);
  await assert.rejects(openStore(path), /damaged|another application/);
  assert.deepEqual(await Deno.readFile(path), bytes);
  await Deno.remove(path);
});

Deno.test("another application's SQLite database is refused and not migrated", async () => {
  const path = await tempFile();
  await Deno.remove(path);
  const db = new DatabaseSync(path);
  db.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('ada');");
  db.close();
  const bytes = await Deno.readFile(path);
  await assert.rejects(openStore(path), /another application \(tables: contacts\)/);
  assert.deepEqual(await Deno.readFile(path), bytes);
  await Deno.remove(path);
});

Deno.test("an unreachable Postgres gets one clear error", async () => {
  await assert.rejects(
    openStore("postgres://nobody:s3cret@127.0.0.1:1/none"),
    (e: Error) => {
      assert.ok(e instanceof StorageError);
      assert.match(
        e.message,
        /Cannot reach Postgres at postgres:\/\/nobody:\*\*\*\*@127\.0\.0\.1:1/,
      );
      assert.doesNotMatch(e.message, /s3cret/);
      return true;
    },
  );
});

Deno.test("an unknown URL scheme is a usage error naming the supported ones", async () => {
  await assert.rejects(openStore("mysql://localhost/db"), /scheme "mysql:" is not supported/);
});

Deno.test("many rows go in multi-row statements with a per-row upsert's outcome", async () => {
  const path = await tempFile();
  const store = await openStore(path);
  try {
    await store.db.exec("CREATE TABLE kv (k TEXT PRIMARY KEY, v INTEGER NOT NULL)");
    // 1,001 rows: full statements and a remainder; key 7 comes again later in the same call.
    const rows = Array.from({ length: 1001 }, (_, i) => [`k${i === 1000 ? 7 : i}`, i]);
    const upsert = "ON CONFLICT (k) DO UPDATE SET v = excluded.v";
    assert.equal(await store.db.insertMany("kv", ["k", "v"], rows, upsert), 1001);
    const [row] = await store.db.all<{ n: number; v7: number }>(
      "SELECT COUNT(*) AS n, (SELECT v FROM kv WHERE k = 'k7') AS v7 FROM kv",
    );
    assert.deepEqual({ n: Number(row.n), v7: Number(row.v7) }, { n: 1000, v7: 1000 });
    // A short row would shift every later one: refused, and nothing of the call is kept.
    await assert.rejects(
      store.db.insertMany("kv", ["k", "v"], [["a", 1], ["b"]], upsert),
      /a row of 1 values for 2 columns/,
    );
    const [{ n }] = await store.db.all<{ n: number }>("SELECT COUNT(*) AS n FROM kv");
    assert.equal(Number(n), 1000);
  } finally {
    await store.close();
    await Deno.remove(path);
  }
});
