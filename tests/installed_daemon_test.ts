/**
 * The installed `creator` hands signals to the daemon itself: a supervisor's
 * SIGTERM sent to the command it started stops the daemon cleanly, and no
 * process is left running behind it.
 */
import assert from "node:assert/strict";
import { withTempDir } from "./cli.ts";
import { installInto } from "./_install.ts";

/** Processes whose working folder is `dir` (Linux /proc): what would outlive the command. */
function runningIn(dir: string): number[] {
  const found: number[] = [];
  for (const entry of Deno.readDirSync("/proc")) {
    if (!/^\d+$/.test(entry.name)) continue;
    try {
      if (Deno.readLinkSync(`/proc/${entry.name}/cwd`) === dir) found.push(Number(entry.name));
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return found;
}

/** Reads `stream` into `seen` until `pattern` shows up (or the stream ends). */
async function readUntil(stream: ReadableStream<Uint8Array>, seen: string[], pattern: RegExp) {
  const reader = stream.pipeThrough(new TextDecoderStream()).getReader();
  while (!pattern.test(seen.join(""))) {
    const { value, done } = await reader.read();
    if (done) break;
    seen.push(value);
  }
  return reader;
}

/** `promise`, or a rejection after `ms`. */
function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no end within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

Deno.test({
  name: "SIGTERM to the installed creator stops its daemon, and nothing is left running",
  ignore: Deno.build.os !== "linux",
  async fn() {
    await withTempDir(async (home) => {
      const installed = await installInto(home);

      const elsewhere = await Deno.realPath(await Deno.makeTempDir({ dir: home }));
      // One job, not due for months: the daemon starts, waits, and has nothing in flight.
      await Deno.writeTextFile(
        `${elsewhere}/creator.yaml`,
        'daemon:\n  schedules:\n    performance-analytics: "0 0 1 1 *"\n  isolate: []\n',
      );
      const child = new Deno.Command(installed, {
        args: ["daemon", "--source", "sample"],
        cwd: elsewhere,
        env: { HOME: home, PATH: "/usr/bin:/bin", NO_COLOR: "1" },
        clearEnv: true,
        stdin: "null",
        stdout: "null",
        stderr: "piped",
      }).spawn();
      const log: string[] = [];
      const reader = await readUntil(child.stderr, log, /info +daemon \S+ on sqlite:/);
      assert.match(log.join(""), /daemon \S+ on sqlite:creator\.db/);

      child.kill("SIGTERM");
      const rest = (async () => {
        for (let r = await reader.read(); !r.done; r = await reader.read()) log.push(r.value);
      })();
      // Bounded: a daemon orphaned behind a wrapper would hold stderr open for ever.
      const code = await within(20_000, child.status.then((s) => s.code));
      await within(5_000, rest).catch(() => reader.cancel());
      const left = runningIn(elsewhere);
      for (const pid of left) Deno.kill(pid, "SIGKILL");
      assert.equal(code, 0, log.join(""));
      assert.match(log.join(""), /info +daemon stopped/);
      assert.deepEqual(left, [], "no daemon left behind the command");
    });
  },
});
