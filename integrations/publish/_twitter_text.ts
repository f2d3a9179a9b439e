/**
 * The two twitter-text functions length counting and the link guard need, typed. The package is
 * CommonJS without type declarations, so its default export arrives untyped
 * and is narrowed here once.
 */
import process from "node:process";

interface ParsedTweet {
  weightedLength: number;
  valid: boolean;
}

interface UrlWithIndices {
  url: string;
  indices: [number, number];
}

interface TwitterText {
  parseTweet(text: string): ParsedTweet;
  extractUrlsWithIndices(text: string): UrlWithIndices[];
}

// twitter-text requires Node's deprecated built-in `punycode`, which prints a
// DEP0040 warning on every CLI run; silence deprecations for this one import.
const quiet = process as { noDeprecation?: boolean };
const saved = quiet.noDeprecation;
quiet.noDeprecation = true;
const loaded: { default: TwitterText } = await import("twitter-text");
quiet.noDeprecation = saved;

/** X's own length counting: emoji and CJK weigh 2, every URL 23. */
export const parseTweet = (text: string): ParsedTweet => loaded.default.parseTweet(text);

/** URLs as X would link them, with or without a scheme ("evil.com/x" counts). */
export const extractUrlsWithIndices = (text: string): UrlWithIndices[] =>
  loaded.default.extractUrlsWithIndices(text);
