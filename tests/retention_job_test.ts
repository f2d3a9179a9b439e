import assert from "node:assert/strict";
import { ConfigError } from "../core/config.ts";
import { ConfigSchema } from "../core/config_schema.ts";
import { createContext } from "../core/context.ts";
import { fixedClock } from "../core/clock.ts";
import { runDaemon } from "../orchestrator/loop.ts";
import { checkedCron } from "../orchestrator/jobs.ts";
import { retentionJob } from "../orchestrator/retention.ts";
import { openStore } from "../storage/mod.ts";

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 0, 1, 4);

Deno.test('the daemon prunes on retention.schedule, and never with "off"', async () => {
  assert.equal(retentionJob(ConfigSchema.parse({ retention: { schedule: "off" } })), null);
  const dir = await Deno.makeTempDir({ prefix: "creator-retention-" });
  const config = ConfigSchema.parse({ db: `${dir}/creator.db`, retention: { logs: 7 } });
  const store = await openStore(config.db);
  try {
    for (const daysAgo of [30, 8, 1]) {
      await store.logs.append({
        runId: `r${daysAgo}`,
        agent: "analysis",
        level: "info",
        event: "log",
        message: `${daysAgo} days ago`,
        at: NOW - daysAgo * DAY,
      });
    }
    const ctx = createContext({ config, store, clock: fixedClock(NOW) });
    const job = await checkedCron(retentionJob(config)!);
    const stop = new AbortController();
    await runDaemon({ jobs: [job], ctx, stop: stop.signal, once: true, leaseMs: 60_000 });
    const left = await store.logs.query({ agent: "analysis" });
    assert.deepEqual(left.map((e) => e.message), ["1 days ago"]);
    const [run] = await store.logs.lastRuns(["retention"]);
    assert.equal(run.status, "ok");
  } finally {
    await store.close();
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a retention.schedule that is not cron is a config error naming the key", async () => {
  const config = ConfigSchema.parse({ retention: { schedule: "61 * * * *" } });
  await assert.rejects(checkedCron(retentionJob(config)!), (e: Error) => {
    assert.ok(e instanceof ConfigError);
    assert.match(e.message, /^retention.schedule = "61 \* \* \* \*"/);
    return true;
  });
});
