/**
 * End to end from candles to guard-clean posts: the detectors' candidates go
 * through the template writer for every platform and format, and each draft
 * must pass checkDraft and state the insight's key numbers as the shared
 * formatter writes them.
 */
import assert from "node:assert/strict";
import { loadCandles } from "../../tests/fixtures/indicators/load.ts";
import type { Format, Platform } from "../../core/vocabulary.ts";
import { formatFact, isTimestampKey } from "../../integrations/llm/numbers.ts";
import { createTemplateWriter } from "../../integrations/llm/template.ts";
import { partLimit } from "../../integrations/publish/text_length.ts";
import { checkDraft, ensureDisclaimer } from "../guard/mod.ts";
import {
  brighteningNewsAndFear,
  HOUR,
  makeSeries,
  ramp,
  type SeriesOptions,
} from "./signals/_test_utils.ts";
import {
  type AnalysisInput,
  type Candle,
  detectInsights,
  INSIGHT_TYPES,
  type InsightCandidate,
  type InsightType,
  type Series,
} from "./signals/mod.ts";

const DISCLAIMER = "Not financial advice. 18+ only.";
const COMBOS: Array<[Platform, Format]> = [
  ["x", "single"],
  ["x", "thread"],
  ["telegram", "channel_post"],
  ["discord", "channel_post"],
];
const ALL_TYPES: readonly InsightType[] = INSIGHT_TYPES;

/** The numbers (as the shared formatter writes them) and names a reader must find in a post. */
function keyFigures(c: InsightCandidate): string[] {
  const f = (key: string) => formatFact(key, c.facts[key]);
  switch (c.type) {
    case "price_move":
      return [f("changePct"), f("fromClose"), f("toClose")];
    case "volume_spike":
      return [`${f("ratio")}x`];
    case "rsi_extreme":
      return [`RSI(${f("rsiPeriod")}) at ${f("rsi")}`];
    case "ma_cross":
      return [f("fast"), f("slow")];
    case "bollinger_breakout":
      return [f("close"), f(c.facts.side === "above" ? "upper" : "lower")];
    case "top_movers":
      return Object.keys(c.facts).filter((key) => /^(gainer|loser)\d+Symbol$/.test(key))
        .flatMap((key) => [
          String(c.facts[key]).split("/")[0],
          f(key.replace("Symbol", "ChangePct")),
        ]);
    case "news_sentiment_shift":
      return [f("previousMean"), f("recentMean")];
    case "fear_greed":
      return [f("value"), f("classification")];
  }
}

const figuresIn = (text: string) => text.match(/\d[\d,.]*/g)?.length ?? 0;

/** Every other format the writer serves: singles everywhere and chart captions. */
const OTHER_COMBOS: Array<[Platform, Format]> = [
  ["telegram", "single"],
  ["discord", "single"],
  ["x", "chart_post"],
  ["telegram", "chart_post"],
  ["discord", "chart_post"],
];

/** Writes each candidate in each of `combos` and checks every draft; returns the types seen. */
async function assertDraftsHold(
  candidates: InsightCandidate[],
  combos = COMBOS,
): Promise<Set<string>> {
  const writer = createTemplateWriter();
  for (const c of candidates) {
    const texts: Record<string, string> = {};
    for (const [platform, format] of combos) {
      const maxLength = partLimit(platform, format);
      const draft = await writer.write({
        insightType: c.type,
        symbol: c.symbol,
        headline: c.headline,
        facts: c.facts,
        platform,
        format,
        maxLength,
        disclaimer: DISCLAIMER,
      });
      const parts = ensureDisclaimer(draft.parts, DISCLAIMER, platform, { maxLength });
      const text = parts.join("\n");
      const label = `${c.headline} on ${platform} ${format}:\n${text}`;
      const verdict = checkDraft(parts, {
        platform,
        insight: c,
        disclaimer: DISCLAIMER,
        linkAllowlist: [],
        maxLength,
      });
      assert.equal(verdict.reason, null, label);
      if (format === "thread") assert.ok(parts.length >= 2 && parts.length <= 4, label);
      else assert.equal(parts.length, 1, label);
      for (const figure of keyFigures(c)) assert.ok(text.includes(figure), `${figure} in ${label}`);
      for (const [key, value] of Object.entries(c.facts)) {
        if (!isTimestampKey(key)) continue;
        assert.ok(!text.includes(String(value)), `${key} shown in ${label}`);
      }
      assert.doesNotMatch(text, /\d{4}-\d{2}-\d{2}/, label);
      texts[`${platform} ${format}`] = text;
    }
    for (const channel of ["telegram channel_post", "discord channel_post"]) {
      if (texts[channel] === undefined) continue;
      assert.ok(figuresIn(texts[channel]) >= figuresIn(texts["x single"]), texts[channel]);
    }
  }
  return new Set(candidates.map((c) => c.type));
}

/** Where every made-up series' last candle opens; it has closed by `now`. */
const LAST_OPEN = Date.UTC(2025, 0, 10, 11);
const now = LAST_OPEN + HOUR;

function ending(closes: number[], options: SeriesOptions = {}): Series {
  return makeSeries(closes, { ...options, start: LAST_OPEN - (closes.length - 1) * HOUR });
}

const calm = Array.from({ length: 59 }, (_, i) => (i % 2 === 0 ? 99 : 101));
const spike = [...Array(59).fill(100), 500];

/** A market going up everywhere (see signals/mod_test.ts for why each series fires). */
const rally = (): AnalysisInput => ({
  now,
  series: [
    ending([...calm, 110], { symbol: "BTC/USDT", volumes: spike }),
    ending(ramp(100, 130, 60), { symbol: "ETH/USDT" }),
    ending([...Array(54).fill(10), 9, 13], { symbol: "1INCH/USDT" }),
    ending(ramp(0.1, 0.09, 30), { symbol: "PEPE/USDT" }),
  ],
  ...brighteningNewsAndFear(now),
  thresholds: { maFast: 3, maSlow: 5 },
});

/** The mirror image: a drop on volume, a slide, a death cross, souring news, greed. */
const selloff = (): AnalysisInput => ({
  now,
  series: [
    ending([...calm, 90], { symbol: "BTC/USDT", volumes: spike }),
    ending(ramp(130, 100, 60), { symbol: "ETH/USDT" }),
    ending([...Array(54).fill(10), 11, 7], { symbol: "SOL/USDT" }),
    ending(ramp(2, 2.3, 30), { symbol: "1000SATS/USDT" }),
  ],
  news: [
    ...[30, 36, 40].map((h) => ({ at: now - h * HOUR, score: 0.5 })),
    ...[1, 5, 20].map((h) => ({ at: now - h * HOUR, score: -0.1 })),
  ],
  fearGreed: [{ value: 81, classification: "Extreme Greed", at: now - HOUR }],
  thresholds: { maFast: 3, maSlow: 5 },
});

Deno.test("hand-made markets give all eight insight types, each drafted clean with its numbers", async () => {
  for (const scenario of [rally(), selloff()]) {
    const seen = await assertDraftsHold(detectInsights(scenario));
    assert.deepEqual([...seen].sort(), ALL_TYPES);
  }
});

Deno.test("hand-made insights stay clean as singles and chart captions on every platform", async () => {
  for (const scenario of [rally(), selloff()]) {
    await assertDraftsHold(detectInsights(scenario), OTHER_COMBOS);
  }
});

/** LTC/USDT one-minute candles as data/sample holds them (prices as strings). */
function loadLtc(): Candle[] {
  const url = new URL("../../data/sample/LTCUSDT_1m_2020-11-08.json", import.meta.url);
  const rows: Array<Record<string, string | number>> = JSON.parse(Deno.readTextFileSync(url));
  return rows.map((row) => ({
    openTime: Number(row.openTimeInMillis),
    open: Number(row.open),
    high: Number(row.high),
    low: Number(row.low),
    close: Number(row.close),
    volume: Number(row.volume),
  }));
}

const real = (symbol: string, timeframe: string, candles: Candle[]): Series => ({
  exchange: "binance",
  symbol,
  timeframe,
  candles,
});

Deno.test("insights found on recorded Binance candles are drafted clean with their numbers", async () => {
  const found: InsightCandidate[] = [];
  const recordings: Array<[string, string, number]> = [
    ["BTCUSDT_1h_2025-01.csv", "1h", HOUR],
    ["BTCUSDT_15m_2020-01.csv", "15m", HOUR / 4],
  ];
  for (const [file, timeframe, step] of recordings) {
    const candles = loadCandles(file);
    // Every closed candle from the slow SMA's warm-up on, as a scanner running each bar would.
    for (let end = 50; end < candles.length; end++) {
      const series = real("BTC/USDT", timeframe, candles.slice(0, end + 1));
      const at = candles[end].openTime + step;
      found.push(...detectInsights({ now: at, series: [series], news: [], fearGreed: [] }));
    }
  }
  const seen = await assertDraftsHold(found);
  for (
    const type of ["price_move", "volume_spike", "rsi_extreme", "ma_cross", "bollinger_breakout"]
  ) {
    assert.ok(seen.has(type), `no ${type} in the recordings`);
  }
});

Deno.test("top movers ranked from recorded BTC and LTC candles are drafted clean", async () => {
  const btc = loadCandles("BTCUSDT_1h_2025-01.csv");
  const ltc = loadLtc();
  const at = Math.max(btc.at(-1)!.openTime + HOUR, ltc.at(-1)!.openTime + 60_000);
  const found = detectInsights({
    now: at,
    series: [real("BTC/USDT", "1h", btc), real("LTC/USDT", "1m", ltc)],
    news: [],
    fearGreed: [],
    thresholds: { topMovers: 1 },
  });
  const movers = found.filter((c) => c.type === "top_movers");
  assert.equal(movers.length, 1);
  assert.ok(Object.keys(movers[0].facts).some((key) => key.endsWith("Symbol")));
  await assertDraftsHold(found);
});
