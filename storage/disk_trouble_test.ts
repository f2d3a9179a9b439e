/**
 * A full disk, a read-only file system and missing permission are reported as
 * what they are, with their fix, never as a damaged database. The live cases
 * mount a tiny or read-only tmpfs in a private namespace (`unshare -rm`) and
 * are ignored, with the reason, where the system does not allow that.
 */
import assert from "node:assert/strict";
import { openStore } from "./mod.ts";
import { troubleMessage, troubleOf } from "./_sqlite_trouble.ts";

const MAIN = new URL("../main.ts", import.meta.url).pathname;

Deno.test("SQLite's and the OS's words for each cause are told apart", () => {
  assert.equal(troubleOf(new Error("database or disk is full")), "full");
  assert.equal(troubleOf(new Error("No space left on device (os error 28)")), "full");
  assert.equal(
    troubleOf(new Error("Read-only file system (os error 30): open 'x'")),
    "read-only-fs",
  );
  assert.equal(
    troubleOf(new Deno.errors.PermissionDenied("Permission denied (os error 13)")),
    "permission",
  );
  assert.equal(troubleOf(new Error("attempt to write a readonly database")), "permission");
  assert.equal(troubleOf(new Error("database disk image is malformed")), null);
  for (const t of ["full", "read-only-fs", "permission"] as const) {
    assert.doesNotMatch(troubleMessage("creator.db", t), /damaged\b(?! \()|restore a backup/);
  }
});

Deno.test("a write that fills the database's space is reported as a full disk, and nothing stored is lost", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const store = await openStore(`${dir}/creator.db`);
    await store.db.exec("CREATE TABLE filler (t TEXT NOT NULL)");
    await store.db.run("INSERT INTO filler (t) VALUES ('kept')");
    // SQLite answers exactly as on a full disk once the file may not grow.
    const [{ page_count }] = await store.db.all<{ page_count: number }>("PRAGMA page_count");
    await store.db.exec(`PRAGMA max_page_count = ${Number(page_count)}`);
    const rows = Array.from({ length: 2000 }, (_, i) => ["y".repeat(500) + i]);
    await assert.rejects(
      store.db.insertMany("filler", ["t"], rows),
      /^StorageError: Cannot write .*creator\.db: the disk holding it is full\. The database is not damaged/,
    );
    const kept = await store.db.all<{ t: string }>("SELECT t FROM filler");
    assert.deepEqual(kept.map((r) => r.t), ["kept"]);
    await store.close();
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

const canMount = await new Deno.Command("unshare", { args: ["-rm", "true"], stderr: "null" })
  .output().then((o) => o.success, () => false);
if (!canMount) console.error("unshare -rm is not allowed here: the live disk tests are ignored");

/** Runs `script` (sh) in a private mount namespace with $DENO and $MAIN set. */
async function inNamespace(script: string) {
  const { stdout, stderr } = await new Deno.Command("unshare", {
    args: ["-rm", "sh", "-c", script],
    env: { DENO: Deno.execPath(), MAIN, NO_COLOR: "1" },
  }).output();
  return new TextDecoder().decode(stdout) + new TextDecoder().decode(stderr);
}

Deno.test({
  name: "on a read-only file system status works and a write names the cause and the fix",
  ignore: !canMount,
  async fn() {
    const dir = await Deno.makeTempDir();
    try {
      const out = await inNamespace(`
        mount -t tmpfs tmpfs ${dir} -o size=4m || exit 9
        cd ${dir} && "$DENO" run -A "$MAIN" init >/dev/null 2>&1
        mount -o remount,ro ${dir}
        "$DENO" run -A "$MAIN" status >/dev/null 2>&1; echo "status=$?"
        "$DENO" run -A "$MAIN" run market-scanner --source sample 2>&1; echo "write=$?"`);
      assert.match(out, /status=0/, out);
      assert.match(
        out,
        /creator: Cannot write creator\.db: it is on a read-only file system\. Commands that only read/,
        out,
      );
      assert.match(out, /write=1/, out);
      assert.doesNotMatch(out, /damaged|restore a backup/);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test({
  name: "a full disk is reported as full, not damaged, and the database works once space is freed",
  ignore: !canMount,
  async fn() {
    const dir = await Deno.makeTempDir();
    try {
      const out = await inNamespace(`
        mount -t tmpfs tmpfs ${dir} -o size=8m || exit 9
        cd ${dir} && "$DENO" run -A "$MAIN" init >/dev/null 2>&1
        dd if=/dev/zero of=fill bs=4k count=3000 2>/dev/null
        "$DENO" run -A "$MAIN" run market-scanner --source sample 2>&1; echo "full=$?"
        rm fill
        "$DENO" run -A "$MAIN" run market-scanner --source sample 2>&1; echo "freed=$?"`);
      assert.match(
        out,
        /creator: Cannot write creator\.db: the disk holding it is full\. The database is not damaged/,
        out,
      );
      assert.match(out, /full=1/, out);
      assert.match(out, /freed=0/, out);
      assert.doesNotMatch(out, /restore a backup/);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});
