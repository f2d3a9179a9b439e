import { getAverage } from "trading-signals";
import { fmt, fmtSigned, scaleImportance } from "./_insight.ts";
import type { InsightCandidate, SentimentPoint, Thresholds } from "./types.ts";

/** Below this many articles in either window a mean is one loud headline, not a mood. */
export const MIN_ARTICLES_PER_WINDOW = 3;

const DAY_MS = 86_400_000;

/**
 * A shift of at least `sentimentShift` between the mean article sentiment of the last 24h,
 * (now - 24h, now], and of the 24h before it. Articles dated after `now` are ignored.
 */
export function detectSentimentShift(
  news: readonly SentimentPoint[],
  now: number,
  thresholds: Thresholds,
): InsightCandidate[] {
  const recent = news.filter((p) => p.at > now - DAY_MS && p.at <= now);
  const previous = news.filter((p) => p.at > now - 2 * DAY_MS && p.at <= now - DAY_MS);
  if (recent.length < MIN_ARTICLES_PER_WINDOW || previous.length < MIN_ARTICLES_PER_WINDOW) {
    return [];
  }
  const recentMean = getAverage(recent.map((p) => p.score));
  const previousMean = getAverage(previous.map((p) => p.score));
  const shift = recentMean - previousMean;
  if (!(Math.abs(shift) >= thresholds.sentimentShift)) return [];
  const direction = shift > 0 ? "up" : "down";
  const times = [...recent, ...previous].map((p) => p.at);
  const latest = Math.max(...recent.map((p) => p.at));
  return [{
    type: "news_sentiment_shift",
    symbol: null,
    timeframe: null,
    headline: `News sentiment ${direction} ${fmt(shift, 2)} in 24h: ${
      fmtSigned(recentMean, 2)
    } vs ${fmtSigned(previousMean, 2)} the day before`,
    importance: scaleImportance(shift, thresholds.sentimentShift),
    facts: {
      shift,
      direction,
      recentMean,
      previousMean,
      recentCount: recent.length,
      previousCount: previous.length,
      windowHours: 24,
      threshold: thresholds.sentimentShift,
    },
    sourceRef: `news:${times.length} articles@${Math.min(...times)}-${Math.max(...times)}`,
    // Keyed on the newest article, not on `now`: re-running later over the same articles
    // gives the same key.
    dedupKey: `news_sentiment_shift:${latest}:${direction}`,
  }];
}
