import { hasCrossedOver, hasCrossedUnder } from "trading-signals";
import { type ClosedSeries, lastCloses, seriesKey, seriesRef } from "./_series.ts";
import { smaSeries } from "./indicators.ts";
import type { InsightCandidate, Thresholds } from "./types.ts";

/** A fast-over-slow gap of this many percent on the crossing bar earns full importance. */
const DECISIVE_GAP_PCT = 1;

/**
 * SMA(maFast) crossing SMA(maSlow) between the previous and the latest closed candle: "golden"
 * when the fast one rises above, "death" when it falls below. Only the last maSlow + 1 closes
 * matter to two SMA readings, so only those are fed in.
 */
export function detectMaCross(series: ClosedSeries, thresholds: Thresholds): InsightCandidate[] {
  const { maFast, maSlow } = thresholds;
  const { candles } = series;
  if (candles.length < maSlow + 1) return [];
  const closes = lastCloses(series, maSlow + 1);
  const fastValues = smaSeries(closes, maFast);
  const slowValues = smaSeries(closes, maSlow);
  const n = closes.length;
  const [prevFast, fast] = [fastValues[n - 2], fastValues[n - 1]];
  const [prevSlow, slow] = [slowValues[n - 2], slowValues[n - 1]];
  if (prevFast === null || fast === null || prevSlow === null || slow === null) return [];
  const golden = hasCrossedOver(prevFast, prevSlow, fast, slow);
  if (!golden && !hasCrossedUnder(prevFast, prevSlow, fast, slow)) return [];
  const cross = golden ? "golden" : "death";
  const gapPct = (Math.abs(fast - slow) / slow) * 100;
  const last = candles.length - 1;
  return [{
    type: "ma_cross",
    symbol: series.symbol,
    timeframe: series.timeframe,
    headline: `${series.symbol} ${series.timeframe} ${cross} cross: SMA${maFast} crossed ${
      golden ? "above" : "below"
    } SMA${maSlow}`,
    // Any cross is exactly at its threshold (0.5); a wide gap on the crossing bar is more telling.
    importance: Math.min(1, 0.5 + (0.5 * gapPct) / DECISIVE_GAP_PCT),
    facts: {
      cross,
      fastPeriod: maFast,
      slowPeriod: maSlow,
      fast,
      slow,
      prevFast,
      prevSlow,
      gapPct,
      close: candles[last].close,
      openTime: candles[last].openTime,
    },
    sourceRef: seriesRef(series, last - maSlow, last),
    dedupKey: seriesKey("ma_cross", series, cross),
  }];
}
