/**
 * Commands that only read the store never make one: a --db typo gets an error
 * that points at `creator init`, not a new empty store that reads as healthy.
 */
import assert from "node:assert/strict";
import { creator, withTempDir } from "./cli.ts";

const READERS = [
  ["doctor"],
  ["report"],
  ["report", "--html", "r.html"],
  ["learn"],
  ["learn", "--explain"],
  ["ab", "list"],
  ["ab", "show", "threads"],
  ["prune", "--dry-run"],
  ["preview", "--out", "p.html"],
];

Deno.test("read-only commands on a mistyped --db exit 2, point at init and create nothing", async () => {
  await withTempDir(async (cwd) => {
    for (const args of READERS) {
      const r = await creator(["--db", "crator.db", ...args], { cwd });
      const what = args.join(" ");
      assert.equal(r.code, 2, `${what}: ${r.stderr}`);
      assert.equal(
        r.stderr.split("\n")[0],
        "creator: No database at crator.db (from --db). Run `creator init` to create one, " +
          "or point --db at an existing store.",
        what,
      );
      assert.equal(r.stdout, "", what);
    }
    assert.deepEqual([...Deno.readDirSync(cwd)], [], "no store and no page was made");
  });
});

Deno.test("the same commands run on a store that exists, and the learning switch needs none", async () => {
  await withTempDir(async (cwd) => {
    const freeze = await creator(["learn", "--freeze"], { cwd });
    assert.equal(freeze.code, 0, freeze.stderr);
    assert.match(freeze.stdout, /learning frozen/);
    for (const args of READERS.filter((a) => a[1] !== "show")) {
      const r = await creator(args, { cwd });
      assert.equal(r.code, 0, `${args.join(" ")}: ${r.stderr}`);
    }
    const doctor = await creator(["doctor"], { cwd });
    assert.match(doctor.stdout, /integrity: ok/);
  });
});
