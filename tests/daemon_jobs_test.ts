/**
 * The daemon's parts without child processes: schedules into jobs, cron
 * slots, claims and leases in job_runs on both backends, one `--once` pass of
 * the loop, and /healthz and /metrics.
 */
import assert from "node:assert/strict";
import { AGENTS } from "../agents/mod.ts";
import { notBuilt } from "../agents/not_built.ts";
import type { Agent, Context } from "../core/agent.ts";
import { type Clock, fixedClock } from "../core/clock.ts";
import { ConfigError } from "../core/config.ts";
import { ConfigSchema } from "../core/config_schema.ts";
import { createContext } from "../core/context.ts";
import { serveHealth } from "../orchestrator/health.ts";
import { buildJobs, type Job, latestSlot, nextSlot } from "../orchestrator/jobs.ts";
import { runDaemon } from "../orchestrator/loop.ts";
import { createMetrics } from "../orchestrator/metrics.ts";
import type { Store } from "../storage/mod.ts";
import { testBackends } from "../storage/test_backends.ts";

const T = Date.UTC(2025, 1, 1, 12, 7, 30);
const LEASE = 60_000;

function agent(name: string, run: () => Promise<void> = () => Promise.resolve()): Agent {
  return {
    name,
    phase: "foundation",
    description: name,
    async run() {
      await run();
      return { read: 0, written: 0, summary: "done" };
    },
  };
}

function context(store: Store, clock: Clock, instance = "host:1:test"): Context {
  return createContext({ config: ConfigSchema.parse({}), store, clock, instance });
}

Deno.test("the shipped schedules become six jobs, with the scan chain in one", async () => {
  const { schedules, isolate } = ConfigSchema.parse({}).daemon;
  const jobs = await buildJobs(schedules, AGENTS, isolate);
  const shape = (j: Job) => [j.name, j.cron, j.agents.map((a) => a.name), j.concurrent, j.isolated];
  assert.deepEqual(jobs.map(shape), [
    // ccxt is loaded by the scan alone: its job runs in a child process that gives it back.
    [
      "market-scanner",
      "*/5 * * * *",
      ["market-scanner", "analysis", "content-strategist", "ab-testing", "content-repurposing"],
      false,
      true,
    ],
    ["content-creation", "* * * * *", ["content-creation", "image-generation"], false, false],
    // Posts are reserved one by one, so every instance may run publishing at once.
    ["publishing", "* * * * *", ["publishing"], true, false],
    // Intake and metrics are claimed per slot: one instance reads, the others skip.
    ["engagement", "*/5 * * * *", ["engagement"], false, false],
    ["analytics", "*/15 * * * *", ["analytics"], false, false],
    ["feedback-loop", "7 * * * *", ["feedback-loop"], false, false],
  ]);
});

Deno.test("daemon.isolate must name agents", async () => {
  await assert.rejects(
    buildJobs({ publishing: "* * * * *" }, AGENTS, ["market-scaner"]),
    (e) => {
      assert.ok(e instanceof ConfigError);
      assert.match(e.message, /^daemon\.isolate: unknown agent "market-scaner"/);
      return true;
    },
  );
});

Deno.test("bad schedules are config errors that name the key", async () => {
  const cases: [Record<string, string>, RegExp][] = [
    [{ "market-scaner": "* * * * *" }, /unknown agent "market-scaner"/],
    [{ analysis: "after:market-scanner" }, /"market-scanner" has no schedule to follow/],
    [{ publishing: "61 * * * *" }, /daemon\.schedules\.publishing = "61 \* \* \* \*"/],
  ];
  for (const [schedules, message] of cases) {
    await assert.rejects(buildJobs(schedules, AGENTS), (e) => {
      assert.ok(e instanceof ConfigError);
      assert.match(e.message, message);
      return true;
    });
  }
});

Deno.test("a cron's latest slot includes now, and its next one is strictly after", async () => {
  const five = Date.UTC(2025, 1, 1, 12, 5);
  assert.equal(await latestSlot("*/5 * * * *", T), five);
  assert.equal(await latestSlot("*/5 * * * *", five), five);
  assert.equal(await nextSlot("*/5 * * * *", five), five + 5 * 60_000);
  assert.equal(await latestSlot("* * * * * *", T + 400), T);
});

testBackends(
  "a slot is claimed once, renewed by its owner, and taken over only after its lease",
  async ({ open }) => {
    const store = await open();
    try {
      const runs = store.jobRuns;
      const slot = T - 30_000;
      assert.equal(await runs.claim("publishing", slot, "a", T, LEASE), "claimed");
      assert.equal(await runs.claim("publishing", slot, "b", T + 1000, LEASE), "taken");
      assert.equal(await runs.holdsLease("a", T + 1000), true);
      assert.equal(await runs.heartbeat("publishing", slot, "a", T + 2 * LEASE), true);
      // Renewed: still A's a full lease after the first one would have run out.
      assert.equal(await runs.claim("publishing", slot, "b", T + LEASE + 1, LEASE), "taken");
      assert.equal(await runs.holdsLease("a", T + 2 * LEASE + 1), false, "A stopped renewing");
      assert.equal(await runs.claim("publishing", slot, "b", T + 2 * LEASE + 1, LEASE), "takeover");
      assert.equal(await runs.heartbeat("publishing", slot, "a", T + 3 * LEASE), false);
      await runs.finish("publishing", slot, "a", false, "late", T + 2 * LEASE + 2);
      await runs.finish("publishing", slot, "b", true, null, T + 2 * LEASE + 3);
      assert.equal(await runs.lastFinished(), T + 2 * LEASE + 3);
      assert.equal(
        await runs.holdsLease("b", T + 2 * LEASE + 3),
        false,
        "finished runs hold nothing",
      );
      // A finished slot is never run again, by anyone.
      assert.equal(await runs.claim("publishing", slot, "c", T + 9 * LEASE, LEASE), "taken");

      assert.equal(await runs.claim("scan", slot, "a", T, LEASE), "claimed");
      await runs.release("scan", slot, "a");
      assert.equal(await runs.claim("scan", slot, "b", T + 1, LEASE), "takeover");
    } finally {
      await store.close();
    }
  },
);

testBackends(
  "one --once pass runs each due job once, reports a failed agent, and a second pass finds nothing to do",
  async ({ open }) => {
    const store = await open();
    try {
      const ran: string[] = [];
      const ok = agent("ok-agent", () => Promise.resolve(void ran.push("ok-agent")));
      const broken = agent("broken-agent", () => {
        ran.push("broken-agent");
        return Promise.reject(new Error("exchange unreachable"));
      });
      const jobs = await buildJobs({ "ok-agent": "*/5 * * * *", "broken-agent": "* * * * *" }, [
        ok,
        broken,
      ]);
      const ctx = context(store, fixedClock(T));
      const stop = new AbortController().signal;
      const first = await runDaemon({ jobs, ctx, stop, once: true, leaseMs: LEASE });
      assert.deepEqual([first.failed, ran], [true, ["ok-agent", "broken-agent"]]);
      const rows = await store.db.all<{ job: string; status: string; error: string | null }>(
        "SELECT job, status, error FROM job_runs ORDER BY job",
      );
      assert.deepEqual(rows.map((r) => [r.job, r.status, r.error]), [
        ["broken-agent", "failed", "broken-agent: exchange unreachable"],
        ["ok-agent", "ok", null],
      ]);
      const again = await runDaemon({
        jobs,
        ctx: context(store, fixedClock(T + 1000), "host:2:other"),
        stop,
        once: true,
        leaseMs: LEASE,
      });
      assert.deepEqual([again.failed, ran.length], [false, 2]);
    } finally {
      await store.close();
    }
  },
);

testBackends(
  "/healthz gives a first cycle time, is healthy after one, and /metrics counts runs by agent and outcome",
  async ({ open }) => {
    const store = await open();
    let now = T - 2 * 60_000;
    const ctx = context(store, { now: () => now });
    const metrics = createMetrics(ctx);
    const server = await serveHealth({
      port: 0,
      hostname: "127.0.0.1",
      ctx,
      metrics,
      staleAfterMs: 5 * 60_000,
    });
    try {
      const get = async (path: string) => {
        const res = await fetch(`http://127.0.0.1:${server.port}${path}`);
        return { status: res.status, text: await res.text() };
      };
      const starting = await get("/healthz");
      assert.equal(starting.status, 200, "no cycle yet, but just started");
      assert.equal(JSON.parse(starting.text).lastCycleAt, null);
      now += 6 * 60_000;
      const stuck = await get("/healthz");
      assert.equal(stuck.status, 503, "no cycle long after the start");
      assert.equal(JSON.parse(stuck.text).database.ok, true);
      now = T;

      const jobs = await buildJobs({ "ok-agent": "* * * * *" }, [agent("ok-agent")]);
      const stop = new AbortController().signal;
      await runDaemon({ jobs, ctx, stop, once: true, leaseMs: LEASE, hooks: metrics.hooks });
      const after = await get("/healthz");
      assert.equal(after.status, 200);
      assert.deepEqual(JSON.parse(after.text), {
        status: "ok",
        ok: true,
        instance: "host:1:test",
        database: { ok: true },
        startedAt: new Date(T - 2 * 60_000).toISOString(),
        lastCycleAt: new Date(T).toISOString(),
        lastSuccessfulRunAt: new Date(T).toISOString(),
        openCircuits: [],
        failingAgents: [],
      });
      const scrape = await get("/metrics");
      assert.match(scrape.text, /creator_agent_runs_total\{agent="ok-agent",status="ok"\} 1/);
      assert.match(scrape.text, /creator_posts_waiting 0/);
      assert.equal((await get("/nope")).status, 404);
    } finally {
      await server.close();
      await store.close();
    }
  },
);

Deno.test("scheduling an agent that is not built is a config error at start, naming the key", async () => {
  const unbuilt = notBuilt("ab-testing", "learning", "not yet");
  await assert.rejects(
    buildJobs({ "ab-testing": "* * * * *" }, [unbuilt]),
    (e: unknown) =>
      e instanceof ConfigError &&
      /daemon\.schedules\.ab-testing: the ab-testing agent is not built yet/.test(e.message),
  );
});

testBackends(
  "/healthz says degraded and names the agent once it failed its last 3 runs; /livez stays 200",
  async ({ open }) => {
    const store = await open();
    let now = T;
    const ctx = context(store, { now: () => now });
    const metrics = createMetrics(ctx);
    const server = await serveHealth({ port: 0, hostname: "127.0.0.1", ctx, metrics });
    const get = async (path: string) => {
      const res = await fetch(`http://127.0.0.1:${server.port}${path}`);
      return { status: res.status, body: await res.json() };
    };
    try {
      const jobs = await buildJobs({ flaky: "* * * * *" }, [
        agent("flaky", () => Promise.reject(new Error("Cannot reach binance"))),
      ]);
      const stop = new AbortController().signal;
      for (let i = 0; i < 3; i++) {
        if (i === 2) assert.equal((await get("/healthz")).status, 200, "two failures are not yet");
        await runDaemon({ jobs, ctx, stop, once: true, leaseMs: LEASE, hooks: metrics.hooks });
        now += 60_000;
      }
      const degraded = await get("/healthz");
      assert.equal(degraded.status, 503);
      assert.equal(degraded.body.status, "degraded");
      assert.deepEqual(degraded.body.failingAgents, [{
        agent: "flaky",
        failures: 3,
        since: new Date(T).toISOString(),
        lastError: "Cannot reach binance",
      }]);
      assert.equal((await get("/livez")).status, 200);
    } finally {
      await server.close();
      await store.close();
    }
  },
);
