import assert from "node:assert/strict";
import type { Store } from "./mod.ts";
import type { RetentionPolicy } from "./retention.ts";
import { testBackends } from "./test_backends.ts";

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 0, 1);
const MINUTE_KEY = { exchange: "binance", symbol: "BTC/USDT", timeframe: "1m" };
const DAILY_KEY = { exchange: "binance", symbol: "ETH/USDT", timeframe: "1d" };

const policy: RetentionPolicy = {
  candles: { "1m": 10, "1d": 30 },
  keepCandles: 50,
  tickers: 7,
  logs: 7,
  jobRuns: 7,
  postMetrics: 0,
  batchSize: 100, // small, so every table takes several batches
};

const candles = (from: number, step: number, n: number) =>
  Array.from({ length: n }, (_, i) => {
    const t = from + i * step;
    return { openTime: t, open: 1, high: 2, low: 0.5, close: 1.5, volume: 3 };
  });

/** 20 days of hourly-spaced "1m" candles, 40 daily candles, and logs, tickers and runs. */
async function seed(store: Store): Promise<void> {
  await store.marketData.upsertCandles(MINUTE_KEY, candles(NOW - 20 * DAY, DAY / 24, 480), NOW);
  await store.marketData.upsertCandles(DAILY_KEY, candles(NOW - 40 * DAY, DAY, 40), NOW);
  await store.marketData.upsertTickers(
    "binance",
    Array.from({ length: 300 }, (_, i) => ({
      symbol: "BTC/USDT",
      at: NOW - 15 * DAY + i * DAY / 20,
      last: 1,
      quoteVolume: 1,
      changePct: 0,
    })),
  );
  for (let i = 0; i < 250; i++) {
    await store.logs.append({
      runId: `r${i}`,
      agent: "analysis",
      level: "info",
      event: "log",
      message: "m",
      at: NOW - 10 * DAY + i * DAY / 25,
    });
  }
  for (const [slot, finishedDaysAgo] of [[1, 9], [2, 8], [3, 1]]) {
    await store.jobRuns.claim("scan", slot, "me", NOW - finishedDaysAgo * DAY, 1000);
    await store.jobRuns.finish("scan", slot, "me", true, null, NOW - finishedDaysAgo * DAY);
  }
  await store.jobRuns.claim("scan", 4, "me", NOW - 9 * DAY, 1000); // still running: kept
}

testBackends(
  "prune deletes only rows past their retention, in batches, and a dry run only counts them",
  async ({ open }) => {
    const store = await open();
    try {
      await seed(store);
      const before = await store.counts();
      const preview = await store.prune(policy, NOW, { dryRun: true });
      assert.deepEqual(await store.counts(), before);

      const steps = await store.prune(policy, NOW);
      assert.deepEqual(steps, preview);
      const rows = (table: string, scope?: string) =>
        steps.find((s) => s.table === table && (!scope || s.scope === scope))?.rows;
      // 1m: 10 of 20 days go (240 candles); 1d: 40 candles, but 50 are always kept.
      assert.equal(rows("market_data", "binance BTC/USDT 1m"), 240);
      assert.equal(steps.some((s) => s.scope === "binance ETH/USDT 1d"), false);
      assert.equal(rows("market_tickers"), 160); // 8 of 15 days at 20 a day
      assert.equal(rows("agent_logs"), 75); // 3 of 10 days at 25 a day
      assert.equal(rows("job_runs"), 2); // finished 9 and 8 days ago; the running one stays
      const after = await store.counts();
      assert.equal(after.market_data, before.market_data - 240);
      assert.equal(after.job_runs, 2);
      const oldest = await store.marketData.candles(MINUTE_KEY, 1000);
      assert.equal(oldest.length, 240);
      assert.ok(oldest[0].openTime >= NOW - 10 * DAY);
      assert.equal((await store.marketData.candles(DAILY_KEY, 1000)).length, 40);
      assert.deepEqual(totalRows(await store.prune(policy, NOW)), 0);
    } finally {
      await store.close();
    }
  },
);

testBackends("a retention of 0 days keeps rows forever", async ({ open }) => {
  const store = await open();
  try {
    await seed(store);
    const keepAll: RetentionPolicy = {
      ...policy,
      candles: {},
      tickers: 0,
      logs: 0,
      jobRuns: 0,
    };
    const before = await store.counts();
    assert.deepEqual(await store.prune(keepAll, NOW + 1000 * DAY), []);
    assert.deepEqual(await store.counts(), before);
  } finally {
    await store.close();
  }
});

function totalRows(steps: { rows: number }[]): number {
  return steps.reduce((a, s) => a + s.rows, 0);
}
