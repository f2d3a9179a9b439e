/** The shapes the signal detectors read and produce. Pure data: no I/O anywhere in signals/. */

import type { Candle } from "../../../core/vocabulary.ts";

export type { Candle };

/** One symbol's candles on one timeframe of one exchange, oldest first. */
export interface Series {
  /** Exchange id, e.g. "binance". */
  exchange: string;
  /** Unified symbol, e.g. "BTC/USDT". */
  symbol: string;
  /** Candle length as exchanges spell it: "15m", "1h", "4h", "1d", "1w". */
  timeframe: string;
  candles: Candle[];
}

/** The sentiment score of one news article, in [-1, 1]. */
export interface SentimentPoint {
  /** Epoch ms UTC the article was published. */
  at: number;
  score: number;
}

/** One Fear & Greed index reading, 0 (extreme fear) to 100 (extreme greed). */
export interface FearGreedPoint {
  value: number;
  classification: string;
  /** Epoch ms UTC of the reading. */
  at: number;
}

/** Everything one analysis run looks at. */
export interface AnalysisInput {
  /** Epoch ms UTC of the run; a candle still open at `now` is not analysed. */
  now: number;
  series: Series[];
  news: SentimentPoint[];
  /** Oldest first, newest last. */
  fearGreed: FearGreedPoint[];
  /** Overrides merged over DEFAULT_THRESHOLDS. */
  thresholds?: Partial<Thresholds>;
}

/** Every kind of insight the detectors produce, in alphabetical order. */
export const INSIGHT_TYPES = [
  "bollinger_breakout",
  "fear_greed",
  "ma_cross",
  "news_sentiment_shift",
  "price_move",
  "rsi_extreme",
  "top_movers",
  "volume_spike",
] as const;

export type InsightType = typeof INSIGHT_TYPES[number];

/** Something worth telling people, before anyone decides whether to post it. */
export interface InsightCandidate {
  type: InsightType;
  /** null for market-wide insights. */
  symbol: string | null;
  timeframe: string | null;
  /** Short human summary, e.g. "BTC/USDT up 5.2% in 24h". */
  headline: string;
  /** 0..1, comparable across types: 0.5 at the detector's threshold, 1 at twice as far. */
  importance: number;
  /** Every number the insight rests on, raw (unrounded). */
  facts: Record<string, number | string>;
  /** The data it came from, e.g. "binance:BTC/USDT:1h@1735689600000-1738364400000". */
  sourceRef: string;
  /** Same insight from the same data gives the same key, run after run. */
  dedupKey: string;
}

/** The window a price move is measured over. */
export type MoveWindow = "1h" | "4h" | "24h";

export interface Thresholds {
  /** Absolute percent change that counts as a move, per window. */
  movePct: Record<MoveWindow, number>;
  /** Latest volume over the trailing mean that counts as a spike. */
  volumeSpikeRatio: number;
  /** Bars in the trailing volume mean (the latest bar excluded). */
  volumeBaselineBars: number;
  rsiPeriod: number;
  rsiHigh: number;
  rsiLow: number;
  /** SMA periods for crosses; maFast must be shorter than maSlow. */
  maFast: number;
  maSlow: number;
  bbPeriod: number;
  bbStdDev: number;
  /** Change of mean news sentiment between the last 24h and the 24h before. */
  sentimentShift: number;
  /** How many gainers and how many losers the top-movers insight lists. */
  topMovers: number;
}

/** Defaults used where AnalysisInput.thresholds says nothing. */
export const DEFAULT_THRESHOLDS: Readonly<Thresholds> = Object.freeze({
  movePct: Object.freeze({ "1h": 2, "4h": 4, "24h": 6 }),
  volumeSpikeRatio: 3,
  volumeBaselineBars: 20,
  rsiPeriod: 14,
  rsiHigh: 70,
  rsiLow: 30,
  maFast: 20,
  maSlow: 50,
  bbPeriod: 20,
  bbStdDev: 2,
  sentimentShift: 0.3,
  topMovers: 3,
});
