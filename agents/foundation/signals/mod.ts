/**
 * Turns candles, news sentiment and Fear & Greed readings into insight candidates. Pure: no I/O,
 * no clock (the caller passes `now`), same input, same output.
 *
 * @example
 * const candidates = detectInsights({ now: Date.now(), series, news, fearGreed });
 */

import { closeSeries } from "./_series.ts";
import { detectBollingerBreakout } from "./bollinger_breakout.ts";
import { detectFearGreed } from "./fear_greed.ts";
import { detectMaCross } from "./ma_cross.ts";
import { detectSentimentShift } from "./news_sentiment.ts";
import { detectPriceMoves } from "./price_move.ts";
import { detectRsiExtreme } from "./rsi_extreme.ts";
import { resolveThresholds } from "./thresholds.ts";
import { detectTopMovers } from "./top_movers.ts";
import type { AnalysisInput, InsightCandidate } from "./types.ts";
import { detectVolumeSpike } from "./volume_spike.ts";

export * from "./types.ts";
export { resolveThresholds, type ThresholdOverrides } from "./thresholds.ts";
export { MIN_ARTICLES_PER_WINDOW } from "./news_sentiment.ts";
export { FEAR_GREED_CHANGE, FEAR_GREED_HIGH, FEAR_GREED_LOW } from "./fear_greed.ts";

/**
 * Runs every detector and returns the candidates by importance, highest first (ties by
 * dedupKey, so the order never depends on input order). Throws RangeError on a bad threshold
 * or an unreadable timeframe.
 */
export function detectInsights(input: AnalysisInput): InsightCandidate[] {
  const thresholds = resolveThresholds(input.thresholds);
  const series = input.series.map((s) => closeSeries(s, input.now)).filter((s) =>
    s.candles.length > 0
  );
  const found: InsightCandidate[] = [
    ...detectPriceMoves(series, thresholds),
    ...detectTopMovers(series, thresholds),
    ...detectSentimentShift(input.news, input.now, thresholds),
    ...detectFearGreed(input.fearGreed),
  ];
  for (const s of series) {
    found.push(
      ...detectVolumeSpike(s, thresholds),
      ...detectRsiExtreme(s, thresholds),
      ...detectMaCross(s, thresholds),
      ...detectBollingerBreakout(s, thresholds),
    );
  }
  return found.sort((a, b) =>
    b.importance - a.importance || (a.dedupKey < b.dedupKey ? -1 : a.dedupKey > b.dedupKey ? 1 : 0)
  );
}
