/**
 * The daemon loop against platforms that misbehave for a while: rate limits
 * are waited out, ambiguous 5xx answers are reconciled against the platform,
 * and each post still goes out exactly once.
 */
import assert from "node:assert/strict";
import { publishing } from "../agents/foundation/publishing.ts";
import type { Clock } from "../core/clock.ts";
import { ConfigSchema } from "../core/config_schema.ts";
import { buildJobs } from "../orchestrator/jobs.ts";
import { runDaemon } from "../orchestrator/loop.ts";
import { openStore, type Store } from "../storage/mod.ts";
import { TEST_PG_URL, testBackends } from "../storage/test_backends.ts";
import { creates, publishedRows } from "./_seed.ts";
import {
  freshSchema,
  seedMany,
  sentTexts,
  statuses,
  waitFor,
  withoutPg,
} from "./_daemon_helpers.ts";
import { type Harness, startHarness } from "./harness.ts";

const SEND_LEASE_SECONDS = 10;

/** The wall clock, which a test can move forward to let a send lease run out. */
function movableClock(): Clock & { advance(ms: number): void } {
  let skew = 0;
  return { now: () => Date.now() + skew, advance: (ms) => void (skew += ms) };
}

/**
 * Starts the daemon loop in this process, publishing every second as
 * `instance`; `stop()` ends it the way SIGTERM does and says whether it
 * reported a failure.
 */
async function startDaemon(
  h: Harness,
  store: Store,
  clock: Clock,
  options: { instance?: string; leaseMs?: number } = {},
) {
  const schedules = { publishing: "* * * * * *" };
  const config = ConfigSchema.parse({
    ...h.config,
    daemon: { ...h.config.daemon, schedules, sendLeaseSeconds: SEND_LEASE_SECONDS },
  });
  const stop = new AbortController();
  const instance = options.instance ?? "test:1:daemon";
  const ctx = h.context(store, { config, clock, signal: stop.signal, instance });
  const jobs = await buildJobs(schedules, [publishing]);
  const leaseMs = options.leaseMs ?? 10_000;
  const loop = runDaemon({ jobs, ctx, stop: stop.signal, leaseMs, tickMs: 100 });
  return {
    stop(): Promise<{ failed: boolean }> {
      stop.abort();
      return loop;
    },
  };
}

/** Runs the daemon loop while `fn` runs, then stops it. */
async function whileDaemonRuns(
  h: Harness,
  store: Store,
  clock: Clock,
  fn: () => Promise<void>,
): Promise<{ failed: boolean }> {
  const daemon = await startDaemon(h, store, clock);
  let result: { failed: boolean };
  try {
    await fn();
  } finally {
    result = await daemon.stop();
  }
  return result;
}

Deno.test({
  name: "posts held back by 429s go out once the platform recovers, each exactly once",
  ignore: withoutPg,
  async fn() {
    const h = await startHarness();
    const pg = await freshSchema();
    try {
      await seedMany(pg.store, 3);
      // Telegram refuses four tries in a row (more than one send waits out), each asking 1 s.
      h.telegram.failNext(4, 429, 1);
      h.x.failNext(1, 429, 1);
      h.discord.failNext(1, 429, 1);
      const started = Date.now();
      await whileDaemonRuns(h, pg.store, { now: Date.now }, async () => {
        await waitFor(
          "every post published",
          async () => (await statuses(pg.store)).published === 3 || undefined,
          30_000,
          100,
        );
      });
      // Every Retry-After was waited out, never skipped. The platforms' queues run side by
      // side, so Telegram's own three waits of a second (its fourth refusal defers the
      // post) bound the time from below.
      assert.ok(Date.now() - started >= 2900, `took ${Date.now() - started} ms`);
      assert.deepEqual(creates(h), { x: 2, telegram: 5, discord: 2 });
      assert.deepEqual(sentTexts(h).length, 3);
      const rows = await publishedRows(pg.store);
      assert.deepEqual(rows.map((r) => [r.platform, r.status, r.attempts]), [
        ["x", "published", 1],
        // Its first send gave up after four 429s and was deferred without using up an
        // attempt; a later run's send went out.
        ["telegram", "published", 1],
        ["discord", "published", 1],
      ]);
    } finally {
      await pg.drop();
      await h.close();
    }
  },
});

testBackends(
  "after 503s the daemon reconciles through the platform: found posts are not re-sent, lost ones go out once, unknowable ones wait for a person",
  async ({ open }) => {
    const h = await startHarness();
    const store = await open();
    const clock = movableClock();
    try {
      await seedMany(store, 3);
      h.x.failAfterStore(1, 503); // X kept the post but answered 503
      h.telegram.failAfterStore(1, 503); // so did Telegram, which cannot be asked afterwards
      h.discord.failNext(1, 503); // Discord dropped it
      await whileDaemonRuns(h, store, clock, async () => {
        await waitFor("three ambiguous sends", async () => {
          const rows = await store.db.all(
            "SELECT id FROM published_content WHERE status = 'sending' AND error IS NOT NULL",
          );
          return rows.length === 3 || undefined;
        }, 20_000);
        // Nothing is re-sent blind while the send lease runs.
        await new Promise((done) => setTimeout(done, 1500));
        assert.deepEqual(creates(h), { x: 1, telegram: 1, discord: 1 });
        clock.advance((SEND_LEASE_SECONDS + 1) * 1000);
        await waitFor("every post settled", async () => {
          const s = await statuses(store);
          return s.published === 2 && s.unknown === 1 || undefined;
        }, 20_000);
      });
      assert.deepEqual(creates(h), { x: 1, telegram: 1, discord: 2 });
      assert.equal(new Set(sentTexts(h)).size, 3);
      const rows = await publishedRows(store);
      assert.deepEqual(rows.map((r) => [r.platform, r.status, r.attempts]), [
        ["x", "published", 1],
        ["telegram", "unknown", 1],
        ["discord", "published", 2],
      ]);
      assert.equal(rows[0].externalId, h.x.posts[0].id);
    } finally {
      await store.close();
      await h.close();
    }
  },
);

Deno.test({
  name: "a send still waiting out 429s is not reconciled behind its back by another instance",
  ignore: withoutPg,
  async fn() {
    const h = await startHarness();
    const pg = await freshSchema();
    const other = await openStore(TEST_PG_URL, { schema: pg.schema });
    const clock = movableClock();
    try {
      await seedMany(pg.store, 1, ["x"]);
      // Three 429s asking a second each: the one send takes a few seconds of retries.
      h.x.failNext(3, 429, 1);
      // Job leases outlast the jump below; the send lease does not.
      const a = await startDaemon(h, pg.store, clock, {
        instance: "host-a:1:aaaa",
        leaseMs: 60_000,
      });
      await waitFor("the first try", () => creates(h).x > 0 || undefined, 10_000, 5);
      // The reservation is older than the send lease while its owner is still at it.
      clock.advance((SEND_LEASE_SECONDS + 1) * 1000);
      const b = await startDaemon(h, other, clock, { instance: "host-b:2:bbbb", leaseMs: 60_000 });
      try {
        await waitFor(
          "the post published",
          async () => (await statuses(pg.store)).published === 1 || undefined,
          15_000,
        );
        // B ran publishing several times meanwhile; give it one more chance to interfere.
        await new Promise((done) => setTimeout(done, 1500));
      } finally {
        await Promise.all([a.stop(), b.stop()]);
      }
      assert.deepEqual(creates(h).x, 4, "A's four tries, and no send from B");
      assert.equal(h.x.posts.length, 1);
      const [row] = await pg.store.db.all<Record<string, unknown>>(
        "SELECT status, attempts, reserved_by, error FROM published_content",
      );
      assert.deepEqual([row.status, Number(row.attempts), row.reserved_by, row.error], [
        "published",
        1,
        "host-a:1:aaaa",
        null,
      ]);
    } finally {
      await other.close();
      await pg.drop();
      await h.close();
    }
  },
});
