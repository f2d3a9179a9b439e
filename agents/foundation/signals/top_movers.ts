import { changesBySymbol, type WindowChange } from "./_change.ts";
import { fmtSigned, scaleImportance } from "./_insight.ts";
import type { ClosedSeries } from "./_series.ts";
import type { InsightCandidate, Thresholds } from "./types.ts";

/** Fewer symbols than this make a ranking that says nothing a price move would not. */
const MIN_SYMBOLS = 2;

/**
 * One market-wide insight naming the `topMovers` biggest 24h gainers and losers across all
 * symbols. Its importance follows the largest listed move against the 24h move threshold.
 */
export function detectTopMovers(
  series: readonly ClosedSeries[],
  thresholds: Thresholds,
): InsightCandidate[] {
  const changes = changesBySymbol(series, "24h");
  if (changes.length < MIN_SYMBOLS) return [];
  // Symbol then exchange break ties, so input order never changes the ranking.
  const ranked = [...changes].sort((a, b) =>
    b.changePct - a.changePct || compare(a.series.symbol, b.series.symbol) ||
    compare(a.series.exchange, b.series.exchange)
  );
  const n = thresholds.topMovers;
  const gainers = ranked.filter((c) => c.changePct > 0).slice(0, n);
  const losers = ranked.filter((c) => c.changePct < 0).reverse().slice(0, n);
  if (gainers.length + losers.length === 0) return [];

  const facts: Record<string, number | string> = {
    windowHours: 24,
    symbolsCompared: changes.length,
    thresholdPct: thresholds.movePct["24h"],
  };
  addRanks(facts, "gainer", gainers);
  addRanks(facts, "loser", losers);
  const listed = [...gainers, ...losers];
  const largest = Math.max(...listed.map((c) => Math.abs(c.changePct)));
  const fromTimes = listed.map((c) => c.series.candles[c.fromIndex].openTime);
  const toTimes = listed.map((c) => c.series.candles[c.series.candles.length - 1].openTime);
  const exchanges = [...new Set(listed.map((c) => c.series.exchange))].sort().join(",");
  const latest = Math.max(...toTimes);
  return [{
    type: "top_movers",
    symbol: null,
    timeframe: null,
    headline: `Top movers in 24h: ${
      [describe("up", gainers), describe("down", losers)].filter((s) => s !== "").join("; ")
    }`,
    importance: scaleImportance(largest, thresholds.movePct["24h"]),
    facts,
    sourceRef: `${exchanges}:${changes.length} symbols:24h@${Math.min(...fromTimes)}-${latest}`,
    dedupKey: `top_movers:24h:${latest}`,
  }];
}

function addRanks(
  facts: Record<string, number | string>,
  prefix: string,
  changes: WindowChange[],
): void {
  changes.forEach((c, i) => {
    const p = `${prefix}${i + 1}`;
    facts[`${p}Symbol`] = c.series.symbol;
    facts[`${p}ChangePct`] = c.changePct;
    facts[`${p}FromClose`] = c.fromClose;
    facts[`${p}ToClose`] = c.toClose;
  });
}

function describe(label: string, changes: WindowChange[]): string {
  if (changes.length === 0) return "";
  return `${label} ${
    changes.map((c) => `${c.series.symbol} ${fmtSigned(c.changePct)}%`).join(", ")
  }`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
