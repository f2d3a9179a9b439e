import { fmt, scaleImportance } from "./_insight.ts";
import { type ClosedSeries, lastCloses, seriesKey, seriesRef } from "./_series.ts";
import { lastOf, rsiSeries } from "./indicators.ts";
import type { InsightCandidate, Thresholds } from "./types.ts";

/**
 * RSI at or beyond `rsiHigh` (overbought) or `rsiLow` (oversold) on the latest closed candle.
 * Wilder's smoothing remembers every bar, so the whole series goes in, not just a tail.
 */
export function detectRsiExtreme(series: ClosedSeries, thresholds: Thresholds): InsightCandidate[] {
  const { candles } = series;
  const period = thresholds.rsiPeriod;
  if (candles.length <= period) return [];
  const rsi = lastOf(rsiSeries(lastCloses(series, candles.length), period));
  if (rsi === null) return [];
  const overbought = rsi >= thresholds.rsiHigh;
  if (!overbought && rsi > thresholds.rsiLow) return [];
  const zone = overbought ? "overbought" : "oversold";
  const threshold = overbought ? thresholds.rsiHigh : thresholds.rsiLow;
  const last = candles.length - 1;
  return [{
    type: "rsi_extreme",
    symbol: series.symbol,
    timeframe: series.timeframe,
    headline: `${series.symbol} ${series.timeframe} RSI(${period}) at ${fmt(rsi)}: ${zone}`,
    // Distances from the neutral 50, so RSI 90 is as far past 70 as RSI 10 is past 30.
    importance: scaleImportance(rsi - 50, Math.abs(threshold - 50)),
    facts: {
      rsi,
      rsiPeriod: period,
      threshold,
      zone,
      close: candles[last].close,
      openTime: candles[last].openTime,
    },
    sourceRef: seriesRef(series, 0, last),
    dedupKey: seriesKey("rsi_extreme", series, zone),
  }];
}
