import { fmt, scaleImportance } from "./_insight.ts";
import { type ClosedSeries, seriesKey, seriesRef } from "./_series.ts";
import { lastOf, smaSeries } from "./indicators.ts";
import type { InsightCandidate, Thresholds } from "./types.ts";

/**
 * The latest closed candle's volume at `volumeSpikeRatio` times or more the mean of the
 * `volumeBaselineBars` candles before it. The latest bar stays out of its own baseline, or a
 * spike would dampen itself.
 */
export function detectVolumeSpike(
  series: ClosedSeries,
  thresholds: Thresholds,
): InsightCandidate[] {
  const { candles } = series;
  const bars = thresholds.volumeBaselineBars;
  const last = candles.length - 1;
  if (last < bars) return [];
  const baselineVolumes = candles.slice(last - bars, last).map((c) => c.volume);
  const baselineMean = lastOf(smaSeries(baselineVolumes, bars));
  const volume = candles[last].volume;
  if (baselineMean === null || !(baselineMean > 0)) return [];
  const ratio = volume / baselineMean;
  if (!(ratio >= thresholds.volumeSpikeRatio)) return [];
  return [{
    type: "volume_spike",
    symbol: series.symbol,
    timeframe: series.timeframe,
    headline: `${series.symbol} ${series.timeframe} volume ${fmt(ratio)}x its ${bars}-bar average`,
    importance: scaleImportance(ratio, thresholds.volumeSpikeRatio),
    facts: {
      volume,
      baselineMean,
      ratio,
      baselineBars: bars,
      thresholdRatio: thresholds.volumeSpikeRatio,
      close: candles[last].close,
      openTime: candles[last].openTime,
    },
    sourceRef: seriesRef(series, last - bars, last),
    dedupKey: seriesKey("volume_spike", series),
  }];
}
