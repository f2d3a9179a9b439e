/**
 * How long a post is in each platform's own counting, and how long it may be.
 * Writers size their drafts with it, the guards check them with it, and the
 * publishers' limits are the same numbers.
 */
import type { Format, Platform } from "../../core/vocabulary.ts";
import { extractUrlsWithIndices, parseTweet } from "./_twitter_text.ts";

/** The links X finds in a text (bare domains included), each of which counts 23 there. */
export { extractUrlsWithIndices };

/** Longest single post per platform, in that platform's counting. */
export const PLATFORM_LIMITS: Readonly<Record<Platform, number>> = Object.freeze({
  x: 280,
  telegram: 4096,
  discord: 2000,
});

/** Telegram allows only 1,024 characters in a photo caption. */
export const TELEGRAM_CAPTION_LIMIT = 1024;

/** The limit for one part of a post in `format` on `platform` (a chart post is a captioned image). */
export function partLimit(platform: Platform, format: Format): number {
  if (platform === "telegram" && format === "chart_post") return TELEGRAM_CAPTION_LIMIT;
  return PLATFORM_LIMITS[platform];
}

/**
 * Length as the platform counts it. X: twitter-text's weighted length (emoji
 * and CJK 2, any URL 23). Telegram: UTF-16 code units, which is what it counts
 * for plain text. Discord: Unicode code points.
 */
export function weightedLength(text: string, platform: Platform): number {
  switch (platform) {
    case "x":
      return parseTweet(text).weightedLength;
    case "telegram":
      return text.length;
    case "discord":
      return [...text].length;
  }
}
