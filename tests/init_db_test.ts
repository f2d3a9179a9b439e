/**
 * `creator init --db` leaves creator.yaml naming the store it made, so the next
 * command opens that store: a kept file has its `db:` line set, and a URL is
 * recorded without its password, which comes from the environment instead.
 */
import assert from "node:assert/strict";
import { pgReachable } from "../storage/test_backends.ts";
import { creator, withTempDir } from "./cli.ts";
import { freshSchema } from "./_daemon_helpers.ts";

Deno.test("init --db on a kept creator.yaml sets its db line, and the next command opens it", async () => {
  await withTempDir(async (cwd) => {
    assert.equal((await creator(["init"], { cwd })).code, 0);
    const first = await creator(["--db", "other.db", "init"], { cwd });
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /^kept creator\.yaml/m);
    assert.match(first.stdout, /^set db in creator\.yaml to other\.db \(it named creator\.db\)$/m);
    const yaml = await Deno.readTextFile(`${cwd}/creator.yaml`);
    assert.match(yaml, /^db: "other\.db"$/m);
    assert.match(yaml, /^# Database: a SQLite file/m, "the rest of the file is as it was");
    const status = await creator(["status"], { cwd });
    assert.equal(status.code, 0, status.stderr);
    assert.match(status.stdout, /^database: sqlite:other\.db$/m);

    const again = await creator(["--db", "other.db", "init"], { cwd });
    assert.equal(again.code, 0, again.stderr);
    assert.doesNotMatch(again.stdout, /set db/, "a file that names the store is left alone");

    await Deno.writeTextFile(`${cwd}/creator.yaml`, "logLevel: warn\n");
    const none = await creator(["--db", "third.db", "init"], { cwd });
    assert.match(none.stdout, /set db in creator\.yaml to third\.db \(it named nothing, so/);
    assert.equal(
      await Deno.readTextFile(`${cwd}/creator.yaml`),
      'db: "third.db"\nlogLevel: warn\n',
    );
    for (const line of (first.stdout + none.stdout).split("\n")) assert.ok(line.length <= 80, line);
  });
});

Deno.test("init writes the config file CREATOR_CONFIG names, which the next command reads", async () => {
  await withTempDir(async (cwd) => {
    await Deno.mkdir(`${cwd}/conf`);
    const env = { CREATOR_CONFIG: `${cwd}/conf/other.yaml` };
    const made = await creator(["--db", "named.db", "init"], { cwd, env });
    assert.equal(made.code, 0, made.stderr);
    assert.match(await Deno.readTextFile(`${cwd}/conf/other.yaml`), /^db: "named\.db"$/m);
    await assert.rejects(Deno.stat(`${cwd}/creator.yaml`), Deno.errors.NotFound);
    const status = await creator(["status"], { cwd, env });
    assert.equal(status.code, 0, status.stderr);
    assert.match(status.stdout, /^database: sqlite:named\.db$/m);
  });
});

Deno.test({
  name: "init --db with a password records the URL without it; PGPASSWORD gives it back",
  ignore: !pgReachable && Deno.env.get("CREATOR_REQUIRE_PG") !== "1",
  async fn() {
    const pg = await freshSchema();
    try {
      await withTempDir(async (cwd) => {
        const url = new URL(pg.url);
        url.password = "s3cret";
        const r = await creator(["--db", url.toString(), "init"], { cwd });
        assert.equal(r.code, 0, r.stderr);
        assert.doesNotMatch(r.stdout + r.stderr, /s3cret/);
        assert.match(r.stdout, /the password: PGPASSWORD, or the whole URL as DATABASE_URL/);
        for (const line of r.stdout.split("\n")) assert.ok(line.length <= 80, line);
        const yaml = await Deno.readTextFile(`${cwd}/creator.yaml`);
        assert.doesNotMatch(yaml, /s3cret/);
        assert.ok(yaml.includes(`db: ${JSON.stringify(pg.url)}  # the password: PGPASSWORD`));

        const status = await creator(["status"], { cwd, env: { PGPASSWORD: "s3cret" } });
        assert.equal(status.code, 0, status.stderr);
        assert.match(
          status.stdout,
          new RegExp(`^database: postgres://postgres@.*${pg.schema}`, "m"),
        );
      });
    } finally {
      await pg.drop();
    }
  },
});
