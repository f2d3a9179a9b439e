/**
 * Isolated jobs: the daemon runs them through `creator run` in a child
 * process (the real CLI against the fakes), keeps their outcomes and logs, and
 * passes circuit states to the child and back.
 */
import assert from "node:assert/strict";
import { AGENTS } from "../agents/mod.ts";
import type { BreakerSnapshot } from "../core/breaker.ts";
import { systemClock } from "../core/clock.ts";
import { childRunner } from "../core/daemon/child.ts";
import { buildJobs, type Job } from "../core/daemon/jobs.ts";
import { createLogger, type LogRecord } from "../core/log.ts";
import { openStore } from "../storage/mod.ts";
import { testBackends } from "../storage/test_backends.ts";
import { daemonSetup, schemaUrl } from "./_daemon_helpers.ts";
import { type Harness, startHarness } from "./harness.ts";
import type { Store } from "../storage/mod.ts";

const MAIN = new URL("../main.ts", import.meta.url).pathname;

interface World {
  h: Harness;
  store: Store;
  /** The daemon's side: a runner for isolated jobs and what its logger was told. */
  run(job: Job): ReturnType<ReturnType<typeof childRunner>>;
  logs: LogRecord[];
  breakers(): BreakerSnapshot[];
  restore(snapshots: BreakerSnapshot[]): void;
}

/** The fakes, a creator.yaml pointing at them, and a child runner on the database at `url`. */
async function withChildRunner(
  url: string,
  store: Store,
  fn: (w: World) => Promise<void>,
): Promise<void> {
  const h = await startHarness();
  const dir = await Deno.makeTempDir({ prefix: "creator-isolation-" });
  try {
    await daemonSetup(dir, h.config, { schedules: h.config.daemon.schedules });
    const logs: LogRecord[] = [];
    const ctx = h.context(store, {
      config: { ...h.config, db: url },
      clock: systemClock,
      log: createLogger([(r) => logs.push(r)], "debug"),
    });
    const run = childRunner({
      ctx,
      source: "live",
      configPath: `${dir}/creator.yaml`,
      stateFile: `${dir}/circuits.json`,
      command: [Deno.execPath(), "run", "-A", MAIN],
    });
    await fn({
      h,
      store,
      run,
      logs,
      breakers: () => ctx.integrations.breakers(),
      restore: (s) => ctx.integrations.restoreBreakers(s),
    });
  } finally {
    await h.close();
    await Deno.remove(dir, { recursive: true });
  }
}

async function scanJob(): Promise<Job> {
  const [job] = await buildJobs(
    { "market-scanner": "*/5 * * * *", analysis: "after:market-scanner" },
    AGENTS,
    ["market-scanner"],
  );
  assert.ok(job.isolated);
  return job;
}

testBackends(
  "an isolated scan runs in a child process: its rows reach the shared database, its outcomes and logs reach the daemon",
  async ({ open, url, schema }) => {
    const store = await open();
    try {
      const childUrl = schema ? schemaUrl(schema) : url;
      await withChildRunner(childUrl, store, async ({ h, run, logs }) => {
        const outcomes = await run(await scanJob());

        assert.deepEqual(
          outcomes.map((o) => [o.agent, o.status, o.error]),
          [["market-scanner", "ok", undefined], ["analysis", "ok", undefined]],
        );
        assert.ok(h.binance.requests.some((r) => r.path.startsWith("/api/v3/klines")));
        const [candles] = await store.db.all<{ n: number }>(
          "SELECT COUNT(*) AS n FROM market_data",
        );
        assert.ok(Number(candles.n) > 0, "the child's candles are in the daemon's database");
        const runs = await store.db.all<{ agent: string }>(
          "SELECT agent FROM agent_logs WHERE event = 'end' ORDER BY id",
        );
        assert.deepEqual(runs.map((r) => r.agent), ["market-scanner", "analysis"]);
        // The child's log lines come through the daemon's logger, fields intact.
        const scanning = logs.find((r) => r.message.startsWith("scanning"));
        assert.equal(scanning?.fields.agent, "market-scanner");
      });
    } finally {
      await store.close();
    }
  },
);

Deno.test("circuit states go to the child and come back", async () => {
  const dir = await Deno.makeTempDir({ prefix: "creator-test-" });
  const url = `${dir}/creator.db`;
  const store = await openStore(url);
  try {
    await withChildRunner(url, store, async ({ h, run, breakers, restore }) => {
      const job = await scanJob();
      // The exchange found down by an earlier run: the child must not call it.
      const openedAt = Date.now();
      restore([{
        service: "exchange",
        state: "open",
        failures: 5,
        openedAt,
        lastError: "Binance answered 503",
      }]);
      const first = await run(job);
      assert.equal(first[0].status, "failed");
      assert.match(first[0].error ?? "", /exchange/i);
      assert.equal(h.binance.requests.length, 0, "an open circuit sends nothing");
      assert.deepEqual(breakers().find((b) => b.service === "exchange"), {
        service: "exchange",
        state: "open",
        failures: 5,
        openedAt,
        lastError: "Binance answered 503",
      });

      // Closed again, and the exchange failing: the child's failure comes back.
      restore([{
        service: "exchange",
        state: "closed",
        failures: 0,
        openedAt: null,
        lastError: null,
      }]);
      h.binance.failNext(1000, 503);
      const second = await run(job);
      assert.equal(second[0].status, "failed");
      const exchange = breakers().find((b) => b.service === "exchange");
      assert.equal(exchange?.failures, 1, "one scan, one failure after its retries");
      assert.match(exchange?.lastError ?? "", /503|unavailable/i);
    });
  } finally {
    await store.close();
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a child that cannot start fails every agent of its job with the reason", async () => {
  const dir = await Deno.makeTempDir({ prefix: "creator-test-" });
  const url = `${dir}/creator.db`;
  const store = await openStore(url);
  const h = await startHarness();
  try {
    const ctx = h.context(store, { config: { ...h.config, db: url } });
    const run = childRunner({
      ctx,
      source: "live",
      configPath: `${dir}/missing.yaml`,
      stateFile: `${dir}/circuits.json`,
      command: [Deno.execPath(), "run", "-A", MAIN],
    });
    const outcomes = await run(await scanJob());
    assert.deepEqual(outcomes.map((o) => [o.agent, o.status]), [
      ["market-scanner", "failed"],
      ["analysis", "failed"],
    ]);
    assert.match(outcomes[0].error!, /^child process exited with code 2: .*missing\.yaml/);
  } finally {
    await h.close();
    await store.close();
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("on shutdown the child is told to stop and its job comes back unfinished", async () => {
  const dir = await Deno.makeTempDir({ prefix: "creator-test-" });
  const url = `${dir}/creator.db`;
  const store = await openStore(url);
  const h = await startHarness();
  try {
    await daemonSetup(dir, h.config, { schedules: h.config.daemon.schedules });
    h.binance.latencyMs = 300; // a slow scan, so the stop comes in the middle of it
    const stop = new AbortController();
    const ctx = h.context(store, { config: { ...h.config, db: url }, signal: stop.signal });
    const run = childRunner({
      ctx,
      source: "live",
      configPath: `${dir}/creator.yaml`,
      stateFile: `${dir}/circuits.json`,
      command: [Deno.execPath(), "run", "-A", MAIN],
    });
    const job = await scanJob();
    const running = run(job);
    await waitForRequest(h);
    stop.abort();
    const outcomes = await running;

    // The scan ended early and analysis never started: the loop hands the slot back.
    assert.deepEqual(outcomes.map((o) => o.agent), ["market-scanner"]);
    const starts = await store.db.all<{ agent: string }>(
      "SELECT agent FROM agent_logs WHERE event = 'start'",
    );
    assert.deepEqual(starts.map((r) => r.agent), ["market-scanner"]);
  } finally {
    await h.close();
    await store.close();
    await Deno.remove(dir, { recursive: true });
  }
});

/** Until the child has reached the exchange: it has started its scan. */
async function waitForRequest(h: Harness): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (h.binance.requests.length === 0) {
    if (Date.now() > deadline) throw new Error("the child never reached the exchange");
    await new Promise((done) => setTimeout(done, 20));
  }
}

Deno.test("children start the way the daemon was started, Deno's flags included", async () => {
  const script = new URL("./fixtures/daemon/print_command.ts", import.meta.url).pathname;
  const flags = ["run", "--cached-only", "-A", "--v8-flags=--max-old-space-size=512"];
  const out = await new Deno.Command(Deno.execPath(), { args: [...flags, script, "daemon"] })
    .output();
  assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
  const command = JSON.parse(new TextDecoder().decode(out.stdout));
  assert.deepEqual(command, [Deno.execPath(), ...flags, script]);
});
