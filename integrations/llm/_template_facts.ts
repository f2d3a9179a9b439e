/**
 * The shape of what the template writer says about an insight, and small
 * readers for the detectors' facts, shared by the per-type line builders.
 */
import { formatDecimal } from "./numbers.ts";
import type { DraftRequest } from "./mod.ts";

export interface InsightText {
  /** One line that states the insight's key numbers; every format shows it. */
  headline: string;
  /** A few short lines for tight formats (an X post, a chart caption). */
  short: string[];
  /** The fuller list of numbers for roomy formats (channel posts, threads). */
  long: string[];
  /** One line of context, with no numbers. */
  note: string;
}

export type Facts = DraftRequest["facts"];
export type Describe = (facts: Facts, asset: string) => InsightText;

/** A finite numeric fact, or undefined. */
export const num = (facts: Facts, key: string): number | undefined => {
  const value = facts[key];
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
};
/** A non-empty string fact, or undefined. */
export const str = (facts: Facts, key: string): string | undefined =>
  typeof facts[key] === "string" && facts[key] !== "" ? facts[key] : undefined;
/** The lines that were built; a missing fact leaves its line out. */
export const present = (lines: Array<string | false | undefined>): string[] =>
  lines.filter((line): line is string => typeof line === "string" && line !== "");
/** "1 candle", "24 candles". */
export const count = (n: number, noun: string) =>
  `${formatDecimal(n, 0)} ${noun}${n === 1 ? "" : "s"}`;
/** A window in hours as posts write it: "24h". */
export const hoursText = (hours: number) => `${formatDecimal(hours, 2)}h`;
/** "BTC/USDT" and "BTC-USDT" read as "BTC". */
export function baseAsset(symbol: string): string {
  return symbol.split(/[\/:-]/)[0];
}
