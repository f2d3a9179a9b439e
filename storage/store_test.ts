import assert from "node:assert/strict";
import { testBackends } from "./test_backends.ts";

const candle = (t: number, close: number) => ({
  openTime: t,
  open: close - 1,
  high: close + 2,
  low: close - 2,
  close,
  volume: 10 + t / 1000,
});

testBackends("candles are upserted by key so a re-run adds nothing twice", async ({ open }) => {
  const store = await open();
  try {
    const key = { exchange: "binance", symbol: "BTC/USDT", timeframe: "1h" };
    const batch = [candle(0, 100), candle(3_600_000, 101), candle(7_200_000, 102)];
    assert.equal(await store.marketData.upsertCandles(key, batch, 1), 3);
    assert.equal(await store.marketData.upsertCandles(key, batch, 2), 0);
    // The open candle changed: only it is rewritten.
    const moved = [...batch.slice(0, 2), candle(7_200_000, 105)];
    assert.equal(await store.marketData.upsertCandles(key, moved, 3), 1);
    const stored = await store.marketData.candles(key, 10);
    assert.deepEqual(stored.map((c) => c.close), [100, 101, 105]);
    assert.equal(stored[1].openTime, 3_600_000);
    assert.deepEqual(await store.marketData.seriesKeys(), [key]);
  } finally {
    await store.close();
  }
});

testBackends("news articles are deduplicated by URL", async ({ open }) => {
  const store = await open();
  try {
    const a = {
      url: "https://example.com/a",
      title: "Bitcoin rallies",
      summary: "",
      source: "Example",
      publishedAt: 1_000,
      sentiment: 0.5,
    };
    assert.equal(
      await store.news.insertArticles([a, { ...a, url: "https://example.com/b" }], 5),
      2,
    );
    assert.equal(await store.news.insertArticles([{ ...a, title: "changed" }], 6), 0);
    const points = await store.news.sentimentSince(0);
    assert.deepEqual(points, [{ at: 1_000, score: 0.5 }, { at: 1_000, score: 0.5 }]);
  } finally {
    await store.close();
  }
});

testBackends("a post is reserved by exactly one caller", async ({ open }) => {
  const store = await open();
  try {
    await store.insights.add([{
      dedupKey: "k1",
      type: "price_move",
      symbol: "BTC/USDT",
      timeframe: "1h",
      headline: "BTC up",
      importance: 0.9,
      facts: { change_pct: 5.2 },
      sourceRef: "test",
    }], 10);
    const [insight] = await store.insights.unplanned(0, 10);
    assert.equal(insight.facts.change_pct, 5.2);
    await store.plans.add({
      insightId: insight.id,
      platform: "x",
      format: "single",
      scheduledAt: 20,
      priority: 1,
    }, 10);
    const [{ plan }] = await store.plans.awaitingDraft(10);
    await store.drafts.add({
      planId: plan.id,
      attempt: 1,
      writer: "template",
      parts: ["BTC up 5.2%"],
      status: "accepted",
      reason: null,
    }, 11);
    await store.plans.setStatus(plan.id, "drafted");
    assert.equal((await store.posts.pending(19)).length, 0, "not due yet");
    const [pending] = await store.posts.pending(20);
    assert.deepEqual(pending.parts, ["BTC up 5.2%"]);

    const claims = await Promise.all([
      store.posts.reserve(pending, "a", 30),
      store.posts.reserve(pending, "b", 30),
    ]);
    assert.equal(claims.filter((c) => c !== null).length, 1);
    assert.equal((await store.posts.pending(100)).length, 0);

    const id = claims.find((c) => c !== null)!;
    await store.posts.markFailed(id, "refused");
    assert.equal((await store.posts.pending(100)).length, 1, "a refused post may be retried");
    assert.equal(await store.posts.reserve(pending, "c", 40), id);
    await store.posts.markPublished(id, { platform: "x", externalId: "123", partIds: ["123"] }, 41);
    assert.equal(await store.posts.reserve(pending, "d", 50), null);
    assert.deepEqual(await store.posts.countByStatus(), { published: 1 });
  } finally {
    await store.close();
  }
});

testBackends("a bulk upsert of many candles is all-or-nothing and idempotent", async ({ open }) => {
  const store = await open();
  try {
    const key = { exchange: "binance", symbol: "ETH/USDT", timeframe: "1m" };
    const many = Array.from({ length: 12_000 }, (_, i) => candle(i * 60_000, 3000 + (i % 50)));
    assert.equal(await store.marketData.upsertCandles(key, many, 1), 12_000);
    assert.equal(await store.marketData.upsertCandles(key, many, 2), 0);
    many[11_999] = candle(11_999 * 60_000, 1);
    assert.equal(await store.marketData.upsertCandles(key, many, 3), 1);
    const last = await store.marketData.candles(key, 2);
    assert.deepEqual(last.map((c) => c.close), [3048, 1]);
    // A row that breaks a constraint takes the whole batch with it.
    const broken = [...many.slice(0, 6_000), { ...candle(0, 5), open: null as unknown as number }];
    await assert.rejects(store.marketData.upsertCandles({ ...key, symbol: "SOL/USDT" }, broken, 4));
    assert.equal((await store.marketData.candles({ ...key, symbol: "SOL/USDT" }, 10)).length, 0);
  } finally {
    await store.close();
  }
});
