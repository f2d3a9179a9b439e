/**
 * Paths a person can get wrong (a missing folder, a file the OS will not let
 * us make) get one line naming the path, the flag and the fix, and exit 2,
 * before any work is done: never a raw OS error, a stack or a late failure.
 */
import assert from "node:assert/strict";
import { creator, withTempDir } from "./cli.ts";

/** The run failed as bad input with exactly `line` on stderr. */
function refused(r: { code: number; stdout: string; stderr: string }, line: string) {
  assert.equal(r.code, 2, r.stderr);
  assert.equal(r.stderr, `creator: ${line}\n`);
  assert.equal(r.stdout, "");
}

Deno.test("files to write into a missing folder are refused before the command runs", async () => {
  await withTempDir(async (cwd) => {
    refused(
      await creator(["scan", "--source", "sample", "--breaker-state", "no/dir/b.json"], { cwd }),
      "Cannot write circuit states to no/dir/b.json: the folder no/dir does not exist; " +
        "create it, or change --breaker-state.",
    );
    const started = Date.now();
    refused(
      await creator(["demo", "--out", "no/dir/x.html"], { cwd }),
      "Cannot write the preview to no/dir/x.html: the folder no/dir does not exist; " +
        "create it, or change --out.",
    );
    assert.ok(Date.now() - started < 5000, "the demo did not run first");
    assert.deepEqual([...Deno.readDirSync(cwd)], [], "no store, no demo folder");

    assert.equal((await creator(["init"], { cwd })).code, 0);
    refused(
      await creator(["report", "--html", "no/dir/r.html"], { cwd }),
      "Cannot write the report to no/dir/r.html: the folder no/dir does not exist; " +
        "create it, or change --html.",
    );
    refused(
      await creator(["report", "--html", "."], { cwd }),
      "Cannot write the report to .: it is a folder; name a file in it (--html).",
    );
  });
});

Deno.test("a missing --config file is named with its flag and the command that writes one", async () => {
  await withTempDir(async (cwd) => {
    refused(
      await creator(["--config", "nofile.yaml", "status"], { cwd }),
      "Cannot read config file nofile.yaml: no such file (--config); " +
        "`creator --config nofile.yaml init` writes one.",
    );
    refused(
      await creator(["status"], { cwd, env: { CREATOR_CONFIG: "other.yaml" } }),
      "Cannot read config file other.yaml: no such file (CREATOR_CONFIG); " +
        "`creator --config other.yaml init` writes one.",
    );
    const init = await creator(["--config", "nofile.yaml", "init"], { cwd });
    assert.equal(init.code, 0, init.stderr);
    assert.match(init.stdout, /^wrote nofile\.yaml$/m);
    assert.equal((await creator(["--config", "nofile.yaml", "status"], { cwd })).code, 0);
  });
});

Deno.test({
  name: "init --db in a folder that takes no new files names the folder, exit 2",
  // /proc exists and refuses new files whoever runs the test, root included.
  ignore: Deno.build.os !== "linux",
  async fn() {
    await withTempDir(async (cwd) => {
      refused(
        await creator(["--db", "/proc/creator.db", "init"], { cwd }),
        "Cannot create the database /proc/creator.db (from --db): the folder /proc takes no " +
          "new files (the file system refuses them); point --db at a folder you can write.",
      );
      assert.deepEqual([...Deno.readDirSync(cwd)], [], "init wrote nothing");
    });
  },
});
