/** Hand-made series for the detector tests. */

import { type ClosedSeries, closeSeries, parseTimeframe } from "./_series.ts";
import { resolveThresholds, type ThresholdOverrides } from "./thresholds.ts";
import type { Candle, InsightCandidate, Series, Thresholds } from "./types.ts";

export const HOUR = 3_600_000;
/** 2025-01-01T00:00:00Z, where every made-up series starts. */
export const T0 = Date.UTC(2025, 0, 1);

export interface SeriesOptions {
  timeframe?: string;
  symbol?: string;
  exchange?: string;
  /** One per close; 100 each when left out. */
  volumes?: number[];
  start?: number;
}

/** A series whose candle i closes at closes[i]; each opens at the previous close. */
export function makeSeries(closes: readonly number[], options: SeriesOptions = {}): Series {
  const timeframe = options.timeframe ?? "1h";
  const step = parseTimeframe(timeframe);
  const start = options.start ?? T0;
  const candles: Candle[] = closes.map((close, i) => {
    const open = i === 0 ? close : closes[i - 1];
    return {
      openTime: start + i * step,
      open,
      high: Math.max(open, close),
      low: Math.min(open, close),
      close,
      volume: options.volumes?.[i] ?? 100,
    };
  });
  return {
    exchange: options.exchange ?? "binance",
    symbol: options.symbol ?? "BTC/USDT",
    timeframe,
    candles,
  };
}

/** The same series as the detectors see it once every candle has closed. */
export function closed(closes: readonly number[], options: SeriesOptions = {}): ClosedSeries {
  return closeSeries(makeSeries(closes, options), Number.MAX_SAFE_INTEGER);
}

/** The moment the last candle of `series` closes. */
export function closeTimeOf(series: Series): number {
  const last = series.candles[series.candles.length - 1];
  return last.openTime + parseTimeframe(series.timeframe);
}

/** `n` closes from `from` to `to` in equal steps. */
export function ramp(from: number, to: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => from + ((to - from) * i) / (n - 1));
}

export function thresholds(overrides: ThresholdOverrides = {}): Thresholds {
  return resolveThresholds(overrides);
}

/** The one candidate in `found`; throws, listing the headlines, when there are more or none. */
export function only(found: InsightCandidate[]): InsightCandidate {
  if (found.length !== 1) {
    throw new Error(
      `expected exactly one candidate, got ${found.length}: ${
        found.map((c) => c.headline).join(" | ")
      }`,
    );
  }
  return found[0];
}

/** Approximate equality for floats computed along different paths. */
export function near(actual: unknown, expected: number, tolerance = 1e-9): boolean {
  return typeof actual === "number" && Math.abs(actual - expected) <= tolerance;
}

/** News turning brighter and Fear & Greed dropping into extreme fear, as of `now`. */
export function brighteningNewsAndFear(now: number) {
  return {
    news: [
      ...[30, 36, 40].map((h) => ({ at: now - h * HOUR, score: -0.2 })),
      ...[1, 5, 20].map((h) => ({ at: now - h * HOUR, score: 0.6 })),
    ],
    fearGreed: [
      { value: 50, classification: "Neutral", at: now - 24 * HOUR },
      { value: 20, classification: "Extreme Fear", at: now - HOUR },
    ],
  };
}
