import { changesBySymbol, WINDOW_MS, type WindowChange } from "./_change.ts";
import { fmt, scaleImportance } from "./_insight.ts";
import { type ClosedSeries, seriesKey, seriesRef } from "./_series.ts";
import type { InsightCandidate, MoveWindow, Thresholds } from "./types.ts";

const WINDOWS: readonly MoveWindow[] = ["1h", "4h", "24h"];

/**
 * Price moves of at least `movePct[window]` percent over 1h, 4h and 24h, each measured from the
 * latest closed candle back `window / timeframe` bars. One insight per symbol and window.
 */
export function detectPriceMoves(
  series: readonly ClosedSeries[],
  thresholds: Thresholds,
): InsightCandidate[] {
  const found: InsightCandidate[] = [];
  for (const window of WINDOWS) {
    const threshold = thresholds.movePct[window];
    for (const change of changesBySymbol(series, window)) {
      if (Math.abs(change.changePct) >= threshold) found.push(toInsight(change, threshold));
    }
  }
  return found;
}

function toInsight(change: WindowChange, thresholdPct: number): InsightCandidate {
  const { series, window, fromIndex } = change;
  const last = series.candles.length - 1;
  const direction = change.changePct >= 0 ? "up" : "down";
  return {
    type: "price_move",
    symbol: series.symbol,
    timeframe: series.timeframe,
    headline: `${series.symbol} ${direction} ${fmt(change.changePct)}% in ${window}`,
    importance: scaleImportance(change.changePct, thresholdPct),
    facts: {
      window,
      windowHours: WINDOW_MS[window] / 3_600_000,
      changePct: change.changePct,
      fromClose: change.fromClose,
      toClose: change.toClose,
      fromOpenTime: series.candles[fromIndex].openTime,
      toOpenTime: series.candles[last].openTime,
      bars: last - fromIndex,
      thresholdPct,
      direction,
    },
    sourceRef: seriesRef(series, fromIndex, last),
    dedupKey: seriesKey("price_move", series, window, direction),
  };
}
