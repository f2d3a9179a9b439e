import { scaleImportance } from "./_insight.ts";
import { type ClosedSeries, lastCloses, seriesKey, seriesRef } from "./_series.ts";
import { bollingerSeries, lastOf } from "./indicators.ts";
import type { InsightCandidate, Thresholds } from "./types.ts";

/**
 * The latest closed candle closing above the upper or below the lower Bollinger band, the bands
 * including that close as TA-Lib's BBANDS does. Only the last bbPeriod closes are needed.
 */
export function detectBollingerBreakout(
  series: ClosedSeries,
  thresholds: Thresholds,
): InsightCandidate[] {
  const { bbPeriod, bbStdDev } = thresholds;
  const { candles } = series;
  if (candles.length < bbPeriod) return [];
  const bands = lastOf(bollingerSeries(lastCloses(series, bbPeriod), bbPeriod, bbStdDev));
  if (bands === null) return [];
  const last = candles.length - 1;
  const close = candles[last].close;
  const side = close > bands.upper ? "above" : close < bands.lower ? "below" : null;
  if (side === null) return [];
  const sigma = (bands.upper - bands.middle) / bbStdDev;
  // How many standard deviations from the middle band; the band itself is bbStdDev away.
  const sigmas = (close - bands.middle) / sigma;
  return [{
    type: "bollinger_breakout",
    symbol: series.symbol,
    timeframe: series.timeframe,
    headline: `${series.symbol} ${series.timeframe} closed ${side} its ${
      side === "above" ? "upper" : "lower"
    } Bollinger band (${bbPeriod}, ${bbStdDev})`,
    importance: scaleImportance(sigmas, bbStdDev),
    facts: {
      side,
      close,
      upper: bands.upper,
      middle: bands.middle,
      lower: bands.lower,
      sigmas,
      bbPeriod,
      bbStdDev,
      openTime: candles[last].openTime,
    },
    sourceRef: seriesRef(series, last - bbPeriod + 1, last),
    dedupKey: seriesKey("bollinger_breakout", series, side),
  }];
}
