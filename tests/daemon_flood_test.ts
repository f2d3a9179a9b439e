/**
 * About 1,000 idle connections used to crash the daemon: its health server
 * died on "Too many open files" and took the process with it. Here the daemon
 * runs allowed only 256 open files, and 1,000 idle connections come at once.
 */
import { baseEnv } from "./cli.ts";
import assert from "node:assert/strict";
import { spawnCreator, waitFor } from "./_daemon_helpers.ts";

Deno.test("1,000 idle connections neither crash the daemon nor stop its health server", async () => {
  const dir = await Deno.makeTempDir({ prefix: "creator-flood-" });
  await Deno.writeTextFile(
    `${dir}/creator.yaml`,
    "daemon:\n  schedules: { publishing: '* * * * * *' }\n  isolate: []\n",
  );
  const child = spawnCreator(["daemon", "--port", "0"], dir, baseEnv(), { openFiles: 256 });
  const flood: Deno.Conn[] = [];
  try {
    const port = await waitFor(
      "the health server",
      () => /health on http:\/\/127\.0\.0\.1:(\d+)/.exec(child.log())?.[1],
      20_000,
    );
    for (let i = 0; i < 1000; i++) {
      flood.push(await Deno.connect({ hostname: "127.0.0.1", port: Number(port) }));
    }
    await new Promise((done) => setTimeout(done, 1500));
    for (const conn of flood.splice(0)) conn.close();
    const res = await waitFor("/healthz after the flood", async () => {
      const r = await fetch(`http://127.0.0.1:${port}/healthz`);
      const body = await r.json().catch(() => undefined);
      return body?.instance ? { status: r.status, body } : undefined;
    }, 10_000);
    assert.equal(res.body.database.ok, true);
    assert.doesNotMatch(child.log(), /Uncaught|error:/);
    const told = child.log().match(/accept failed/g)?.length ?? 0;
    assert.ok(told < 100, `${told} log lines about accept errors`);
    child.kill("SIGTERM");
    assert.equal((await child.status).code, 0, child.log());
  } finally {
    for (const conn of flood) conn.close();
    child.kill("SIGKILL");
    await child.status;
    await Deno.remove(dir, { recursive: true });
  }
});
