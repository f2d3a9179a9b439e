/**
 * Isolated jobs: the daemon runs them through `creator run` in a child
 * process (the real CLI against the fakes), keeps their outcomes and logs,
 * passes circuit states to the child and back, and stops it with itself.
 */
import assert from "node:assert/strict";
import { AGENTS } from "../agents/mod.ts";
import type { Context } from "../core/agent.ts";
import type { BreakerSnapshot } from "../core/breaker.ts";
import { systemClock } from "../core/clock.ts";
import { childRunner, type ChildRunnerOptions } from "../orchestrator/child.ts";
import { buildJobs, type Job } from "../orchestrator/jobs.ts";
import { createLogger, type LogRecord } from "../core/log.ts";
import { openStore, type Store } from "../storage/mod.ts";
import { testBackends } from "../storage/test_backends.ts";
import { daemonSetup, schemaUrl, spawnCreator, waitFor } from "./_daemon_helpers.ts";
import { type Harness, startHarness } from "./harness.ts";

const MAIN = new URL("../main.ts", import.meta.url).pathname;
const CREATOR = [Deno.execPath(), "run", "-A", MAIN];

interface World {
  h: Harness;
  store: Store;
  ctx: Context;
  stop: AbortController;
  /** What the daemon's logger was told, the child's relayed lines included. */
  logs: LogRecord[];
  runner(options?: Partial<ChildRunnerOptions>): ReturnType<typeof childRunner>;
}

/**
 * The fakes, and the daemon's side of things on the database at `url` (a
 * temp SQLite file unless given): a context and child runners that start the
 * real CLI. Every runner made is closed afterwards.
 */
async function withWorld(
  fn: (w: World) => Promise<void>,
  db?: { url: string; store: Store },
): Promise<void> {
  const h = await startHarness();
  const dir = await Deno.makeTempDir({ prefix: "creator-test-" });
  const url = db?.url ?? `${dir}/creator.db`;
  const store = db?.store ?? await openStore(url);
  const runners: ReturnType<typeof childRunner>[] = [];
  try {
    const logs: LogRecord[] = [];
    const stop = new AbortController();
    const ctx = h.context(store, {
      config: { ...h.config, db: url },
      clock: systemClock,
      log: createLogger([(r) => logs.push(r)], "debug"),
      signal: stop.signal,
    });
    const runner = (options: Partial<ChildRunnerOptions> = {}) => {
      const made = childRunner({ ctx, source: "live", command: CREATOR, ...options });
      runners.push(made);
      return made;
    };
    await fn({ h, store, ctx, stop, logs, runner });
  } finally {
    await Promise.all(runners.map((r) => r.close()));
    if (!db) await store.close();
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

/** Until the child has reached the exchange: its scan has started. */
function reachedExchange(h: Harness): Promise<true> {
  return waitFor(
    "the child to reach the exchange",
    () => h.binance.requests.length > 0 || undefined,
    30_000,
    20,
  );
}

const agentsOf = (outcomes: { agent: string; status: string }[]) =>
  outcomes.map((o) => [o.agent, o.status]);

testBackends(
  "an isolated scan runs in a child process: its rows reach the shared database, its outcomes and logs reach the daemon",
  async ({ open, url, schema }) => {
    const store = await open();
    try {
      const childUrl = schema ? schemaUrl(schema) : url;
      await withWorld(async ({ h, runner, logs }) => {
        const outcomes = await runner().run(await scanJob());

        assert.deepEqual(agentsOf(outcomes), [["market-scanner", "ok"], ["analysis", "ok"]]);
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
      }, { url: childUrl, store });
    } finally {
      await store.close();
    }
  },
);

Deno.test("circuit states go to the child and come back", async () => {
  await withWorld(async ({ h, ctx, runner }) => {
    const run = runner().run;
    const breakers = () => ctx.integrations.breakers();
    const job = await scanJob();
    // The exchange found down by an earlier run: the child must not call it.
    const down: BreakerSnapshot = {
      service: "exchange",
      state: "open",
      failures: 5,
      openedAt: Date.now(),
      lastError: "Binance answered 503",
    };
    ctx.integrations.restoreBreakers([down]);
    const first = await run(job);
    assert.equal(first[0].status, "failed");
    assert.match(first[0].error ?? "", /exchange/i);
    assert.equal(h.binance.requests.length, 0, "an open circuit sends nothing");
    assert.deepEqual(breakers().find((b) => b.service === "exchange"), down);

    // Closed again, and the exchange failing: the child's failure comes back.
    ctx.integrations.restoreBreakers([
      { service: "exchange", state: "closed", failures: 0, openedAt: null, lastError: null },
    ]);
    h.binance.failNext(1000, 503);
    const second = await run(job);
    assert.equal(second[0].status, "failed");
    const exchange = breakers().find((b) => b.service === "exchange");
    assert.equal(exchange?.failures, 1, "one scan, one failure after its retries");
    assert.match(exchange?.lastError ?? "", /503|unavailable/i);
  });
});

Deno.test("a child that cannot start or that fails fails every agent of its job, with the reason", async () => {
  await withWorld(async ({ runner }) => {
    const job = await scanJob();
    const missing = await runner({ command: ["/nonexistent/creator"] }).run(job);
    assert.deepEqual(agentsOf(missing), [["market-scanner", "failed"], ["analysis", "failed"]]);
    assert.match(missing[0].error!, /^could not start a child process: .*nonexistent/);

    const crashing = ["bash", "-c", "echo 'creator: database is on fire' >&2; exit 3"];
    const crashed = await runner({ command: crashing }).run(job);
    assert.deepEqual(agentsOf(crashed), [["market-scanner", "failed"], ["analysis", "failed"]]);
    assert.equal(
      crashed[0].error,
      "child process exited with code 3: creator: database is on fire",
    );
  });
});

Deno.test("whatever else the child prints on stdout, its result is read", async () => {
  await withWorld(async ({ runner }) => {
    const chatty = ["bash", "-c", 'echo "{ an SDK says hello"; exec "$@"', "_", ...CREATOR];
    const outcomes = await runner({ command: chatty }).run(await scanJob());
    assert.deepEqual(agentsOf(outcomes), [["market-scanner", "ok"], ["analysis", "ok"]]);
  });
});

Deno.test("on shutdown mid-scan the child stops between agents and the job comes back unfinished", async () => {
  await withWorld(async ({ h, store, stop, runner }) => {
    h.binance.latencyMs = 300; // a slow scan, so the stop comes in the middle of it
    const running = runner().run(await scanJob());
    await reachedExchange(h);
    stop.abort();
    const outcomes = await running;

    // The scan ended early and analysis never started: the loop hands the slot back.
    assert.deepEqual(outcomes.map((o) => o.agent), ["market-scanner"]);
    const starts = await store.db.all<{ agent: string }>(
      "SELECT agent FROM agent_logs WHERE event = 'start'",
    );
    assert.deepEqual(starts.map((r) => r.agent), ["market-scanner"]);
  });
});

Deno.test("a stop before the child could report gives the whole job back", async () => {
  await withWorld(async ({ h, stop, runner }) => {
    const job = await scanJob();
    // Started, but killed by the SIGTERM before it set up its own handling of it.
    const slowStart = ["bash", "-c", 'sleep 0.5; exec "$@"', "_", ...CREATOR];
    const starting = runner({ command: slowStart }).run(job);
    await new Promise((done) => setTimeout(done, 100));
    stop.abort();
    assert.deepEqual(await starting, []);
    // Already stopping: no child at all.
    assert.deepEqual(await runner().run(job), []);
    assert.equal(h.binance.requests.length, 0);
  });
});

Deno.test("closing the runner kills a child still running", async () => {
  await withWorld(async ({ h, runner }) => {
    h.binance.latencyMs = 300;
    const made = runner();
    const running = made.run(await scanJob());
    await reachedExchange(h);
    await made.close();
    const outcomes = await running;
    assert.equal(outcomes[0].status, "failed");
    assert.match(outcomes[0].error!, /^child process was killed by SIGKILL/);
  });
});

Deno.test("children start the way the daemon was started, Deno's flags included", async () => {
  const script = new URL("./fixtures/daemon/print_command.ts", import.meta.url).pathname;
  const flags = ["run", "--cached-only", "-A", "--v8-flags=--max-old-space-size=512"];
  const out = await new Deno.Command(Deno.execPath(), {
    // A debugger flag must not reach the children: they would wait for one.
    args: [...flags, "--inspect=127.0.0.1:0", script, "daemon"],
    stderr: "null",
  }).output();
  assert.equal(out.code, 0);
  const command = JSON.parse(new TextDecoder().decode(out.stdout));
  assert.deepEqual(command, [Deno.execPath(), ...flags, script]);
});

Deno.test("creator daemon runs the scan in a child process and leaves no files behind on SIGTERM", async () => {
  const h = await startHarness();
  const dir = await Deno.makeTempDir({ prefix: "creator-test-" });
  try {
    const env = await daemonSetup(dir, h.config, {
      schedules: { "market-scanner": "*/5 * * * *", analysis: "after:market-scanner" },
    });
    await Deno.mkdir(`${dir}/tmp`);
    env.TMPDIR = `${dir}/tmp`;
    const db = `${dir}/creator.db`;
    const daemon = spawnCreator(["--db", db, "daemon", "--source", "sample"], dir, env);
    try {
      // The first cycle runs the latest slot: the scan, in a child, then analysis there too.
      await waitFor(
        "the scan job",
        async () => {
          const store = await openStore(db, { migrate: false }).catch(() => null);
          if (!store) return undefined;
          try {
            const ends = await store.db.all<{ agent: string; status: string }>(
              // The retention job logs too; only the scan job's two agents count here.
              `SELECT agent, status FROM agent_logs WHERE event = 'end'
               AND agent IN ('market-scanner', 'analysis') ORDER BY id`,
            ).catch(() => []);
            return ends.length === 2 ? ends : undefined;
          } finally {
            await store.close();
          }
        },
        60_000,
        200,
      );
      assert.match(daemon.log(), /market-scanner \(\*\/5 \* \* \* \*, child process\)/);
      assert.match(daemon.log(), /\[market-scanner\] scanning 1 symbols on sample/);
      assert.equal(
        [...Deno.readDirSync(`${dir}/tmp`)].length,
        1,
        "the folder shared with children",
      );
    } finally {
      daemon.kill("SIGTERM");
    }
    assert.equal((await daemon.status).code, 0, daemon.log());
    assert.deepEqual([...Deno.readDirSync(`${dir}/tmp`)], [], "nothing left in the temp folder");
  } finally {
    await h.close();
    await Deno.remove(dir, { recursive: true });
  }
});
