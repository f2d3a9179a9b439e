import assert from "node:assert/strict";
import { loadCandles, loadReference } from "../../../tests/fixtures/indicators/load.ts";
import { HOUR, makeSeries, ramp, type SeriesOptions } from "./_test_utils.ts";
import {
  type AnalysisInput,
  detectInsights,
  INSIGHT_TYPES,
  type InsightCandidate,
  type Series,
} from "./mod.ts";

/** Where every scenario series' last candle opens; it has closed by `now`. */
const LAST_OPEN = Date.UTC(2025, 0, 10, 11);
const now = LAST_OPEN + HOUR;

/** An hourly series whose last candle opens at LAST_OPEN. */
function ending(closes: number[], options: SeriesOptions = {}): Series {
  return makeSeries(closes, { ...options, start: LAST_OPEN - (closes.length - 1) * HOUR });
}

const calm = Array.from({ length: 59 }, (_, i) => (i % 2 === 0 ? 99 : 101));

/** A market in which every detector has something to say. */
function scenario(): AnalysisInput {
  return {
    now,
    series: [
      // A jump on 5x volume out of a calm range: price move, volume spike, Bollinger breakout.
      ending([...calm, 110], { symbol: "BTC/USDT", volumes: [...Array(59).fill(100), 500] }),
      // A steady climb: RSI 100 and a 24h move.
      ending(ramp(100, 130, 60), { symbol: "ETH/USDT" }),
      // SMA3 rises through SMA5 on the last bar (see ma_cross_test.ts).
      ending([...Array(50).fill(10), 10, 10, 10, 10, 9, 13], { symbol: "SOL/USDT" }),
      ending(ramp(100, 90, 30), { symbol: "DOGE/USDT" }),
    ],
    news: [
      ...[30, 36, 40].map((h) => ({ at: now - h * HOUR, score: 0 })),
      ...[1, 5, 20].map((h) => ({ at: now - h * HOUR, score: 0.6 })),
    ],
    fearGreed: [
      { value: 50, classification: "Neutral", at: now - 24 * HOUR },
      { value: 20, classification: "Extreme Fear", at: now - HOUR },
    ],
    thresholds: { maFast: 3, maSlow: 5 },
  };
}

/** The same scenario one hour later, every series with one more (unchanged) candle. */
function anHourLater(input: AnalysisInput): AnalysisInput {
  return {
    ...input,
    now: input.now + HOUR,
    series: input.series.map((s) => {
      const last = s.candles[s.candles.length - 1];
      return { ...s, candles: [...s.candles, { ...last, openTime: last.openTime + HOUR }] };
    }),
  };
}

const candleBased = (c: InsightCandidate) => c.symbol !== null || c.type === "top_movers";

Deno.test("detectInsights runs every detector and ranks candidates by importance", () => {
  const found = detectInsights(scenario());
  const types = new Set(found.map((c) => c.type));
  assert.deepEqual([...types].sort(), [...INSIGHT_TYPES]);
  for (let i = 1; i < found.length; i++) {
    assert.ok(found[i - 1].importance >= found[i].importance, `rank ${i}`);
  }
});

Deno.test("every candidate has an importance within 0..1 and only finite numeric facts", () => {
  for (const c of detectInsights(scenario())) {
    assert.ok(c.importance >= 0 && c.importance <= 1, c.headline);
    for (const [key, value] of Object.entries(c.facts)) {
      assert.ok(typeof value === "string" || Number.isFinite(value), `${c.headline}: ${key}`);
    }
  }
});

Deno.test("the same input gives identical output, whatever order the series come in", () => {
  const input = scenario();
  const first = detectInsights(input);
  assert.deepEqual(detectInsights(scenario()), first);
  assert.deepEqual(detectInsights({ ...input, series: [...input.series].reverse() }), first);
});

Deno.test("dedupKeys are unique, survive a later run on the same candles, and change with a new candle", () => {
  const found = detectInsights(scenario());
  const keys = found.map((c) => c.dedupKey);
  assert.equal(new Set(keys).size, keys.length);
  // Half an hour on, no new candle has closed: the same keys.
  const later = detectInsights({ ...scenario(), now: now + HOUR / 2 });
  assert.deepEqual(later.map((c) => c.dedupKey).sort(), [...keys].sort());
  // An hour on, every series has a new closing candle: no candle-based key repeats.
  const next = new Set(
    detectInsights(anHourLater(scenario())).filter(candleBased).map((c) => c.dedupKey),
  );
  assert.ok(next.size > 0);
  for (const c of found.filter(candleBased)) assert.ok(!next.has(c.dedupKey), c.dedupKey);
});

Deno.test("facts carry every number the headline shows", () => {
  for (const c of detectInsights(scenario())) {
    const text = c.headline
      .replace(/[A-Z]+\/[A-Z]+/g, " ")
      .replace(c.timeframe ? ` ${c.timeframe} ` : "\u0000", " ");
    const numbers = text.match(/\d+(\.\d+)?/g) ?? [];
    assert.ok(numbers.length > 0, c.headline);
    for (const shown of numbers) {
      const digits = shown.split(".")[1]?.length ?? 0;
      const backed = Object.values(c.facts).some((v) =>
        typeof v === "number" && Math.abs(v).toFixed(digits) === shown
      );
      assert.ok(backed, `"${shown}" in "${c.headline}" is in no fact`);
    }
  }
});

Deno.test("a candle still open at now is left out of the analysis", () => {
  // The 5x-volume candle opened at LAST_OPEN; at LAST_OPEN + 30 min it has not closed.
  const input = { ...scenario(), now: LAST_OPEN + HOUR / 2 };
  const spikes = detectInsights(input).filter((c) => c.type === "volume_spike");
  assert.deepEqual(spikes, []);
  assert.equal(detectInsights(scenario()).filter((c) => c.type === "volume_spike").length, 1);
});

Deno.test("detectInsights refuses an unreadable timeframe or threshold with a RangeError", () => {
  const badSeries = { ...scenario(), series: [ending([1, 2], { timeframe: "1h" })] };
  badSeries.series[0].timeframe = "1M";
  assert.throws(() => detectInsights(badSeries), RangeError);
  assert.throws(() => detectInsights({ ...scenario(), thresholds: { maFast: 60 } }), RangeError);
});

Deno.test("nothing in, nothing out", () => {
  assert.deepEqual(detectInsights({ now, series: [], news: [], fearGreed: [] }), []);
  const empty = { exchange: "binance", symbol: "BTC/USDT", timeframe: "1h", candles: [] };
  assert.deepEqual(detectInsights({ now, series: [empty], news: [], fearGreed: [] }), []);
});

Deno.test("on real hourly BTC, RSI and Bollinger insights appear exactly where the talipp reference says", () => {
  const candles = loadCandles("BTCUSDT_1h_2025-01.csv");
  const rsi = new Map(
    loadReference("reference_btcusdt1h/rsi-14-close.csv").map((
      r,
    ) => [r.openTime, r.values.expected]),
  );
  const bands = new Map(
    loadReference("reference_btcusdt1h/bb-20-2-close.csv").map((r) => [r.openTime, r.values]),
  );
  const seen = { rsi: 0, bollinger: 0 };
  for (let end = 20; end < candles.length; end++) {
    const { openTime, close } = candles[end];
    const series = {
      exchange: "binance",
      symbol: "BTC/USDT",
      timeframe: "1h",
      candles: candles.slice(0, end + 1),
    };
    const found = detectInsights({
      now: openTime + HOUR,
      series: [series],
      news: [],
      fearGreed: [],
    });
    const has = (type: string) => found.some((c) => c.type === type);
    const r = rsi.get(openTime)!;
    const b = bands.get(openTime)!;
    assert.equal(has("rsi_extreme"), r >= 70 || r <= 30, `RSI ${r} at bar ${end}`);
    assert.equal(
      has("bollinger_breakout"),
      close > b.upper || close < b.lower,
      `bands at bar ${end}`,
    );
    seen.rsi += Number(has("rsi_extreme"));
    seen.bollinger += Number(has("bollinger_breakout"));
  }
  assert.ok(seen.rsi >= 10 && seen.bollinger >= 10, JSON.stringify(seen));
});
