/**
 * An insight's facts as the guard reasons about them: what each number
 * measures, for which asset, in which unit, and whether it is a past value,
 * a setting of the detector or one of its thresholds. Read from the fact keys
 * the detectors write (agents/foundation/signals/).
 */
import { isTimestampKey } from "../../integrations/llm/numbers.ts";

export type Metric =
  | "change"
  | "gap"
  | "price"
  | "level"
  | "volume"
  | "ratio"
  | "rsi"
  | "sigmas"
  | "sentiment"
  | "index"
  | "count";

export type Unit = "pct" | "money" | "plain";

export interface Fact {
  key: string;
  value: number;
  metric: Metric;
  unit: Unit;
  /** Base asset ("BTC"), or null for market-wide facts. */
  asset: string | null;
  past: boolean;
  /** A detector setting (RSI period, SMA lengths): shown only as a setting. */
  setting: boolean;
  /** A detector threshold: shown only as a level ("above 70"). */
  threshold: boolean;
  /** Its sign carries the direction (a change, a shift). */
  signed: boolean;
  /** A change of its family (changePct, shift, the index's change): direction words check its sign. */
  change: boolean;
  /** Facts whose direction one change fact tells: "price", "sentiment", "index". */
  family: string | null;
  /** Hours a change spans, for a change and the value it started from; else null. */
  span: number | null;
}

/** What the guard needs to know about the insight a draft is about. */
export interface InsightFacts {
  type: string;
  symbol: string | null;
  timeframe?: string | null;
  headline?: string;
  facts: Record<string, number | string>;
}

const SETTINGS =
  /^(rsiPeriod|fastPeriod|slowPeriod|bbPeriod|bbStdDev|baselineBars|bars|windowHours)$/;
const THRESHOLDS = /^threshold/;
const PAST = /^(from|prev|previous)|FromClose$/;

/** "BTC/USDT" -> "BTC". */
export const baseOf = (symbol: string) => symbol.split(/[\/:-]/)[0].toUpperCase();

/** Every numeric fact of `insight`, described. Timestamps are left out: posts never show them. */
export function describeFacts(insight: InsightFacts): Fact[] {
  const own = insight.symbol ? baseOf(insight.symbol) : null;
  const span = spanOf(insight);
  const out: Fact[] = [];
  for (const [key, value] of Object.entries(insight.facts)) {
    if (typeof value !== "number" || !Number.isFinite(value) || isTimestampKey(key)) continue;
    const ranked = /^(gainer|loser)(\d+)/.exec(key);
    const rankSymbol = ranked ? insight.facts[`${ranked[1]}${ranked[2]}Symbol`] : undefined;
    const asset = typeof rankSymbol === "string" ? baseOf(rankSymbol) : ranked ? null : own;
    const plain = ranked ? key.slice(ranked[0].length) : key;
    out.push({
      key,
      value,
      ...classify(plain, insight.type),
      asset: SETTINGS.test(key) || /Count$|symbolsCompared/.test(key) ? null : asset,
      past: PAST.test(plain) || /^previous/.test(key),
      setting: SETTINGS.test(key),
      threshold: THRESHOLDS.test(key),
      change: /ChangePct$|^changePct$|^shift$/.test(key) ||
        (insight.type === "fear_greed" && key === "change"),
      family: familyOf(plain),
      span: /ChangePct$|^changePct$|^shift$|FromClose$|^fromClose$|^previousValue$/.test(key) ||
          (insight.type === "fear_greed" && key === "change")
        ? span
        : null,
    });
  }
  return out;
}

function familyOf(key: string): string | null {
  if (
    /changePct$|ChangePct$|Close$|^close$|^(prev)?(fast|slow)$|^(upper|middle|lower)$/i.test(key)
  ) {
    return "price";
  }
  if (/mean$|^shift$/i.test(key)) return "sentiment";
  return /^(value|previousValue|change)$/.test(key) ? "index" : null;
}

function classify(key: string, type: string): { metric: Metric; unit: Unit; signed: boolean } {
  const k = key.toLowerCase();
  if (/changepct/.test(k)) return { metric: "change", unit: "pct", signed: true };
  if (/pct/.test(k)) {
    return { metric: /gap/.test(k) ? "gap" : "change", unit: "pct", signed: false };
  }
  if (/close$/.test(k)) return { metric: "price", unit: "money", signed: false };
  if (/^(prev)?(fast|slow)$|^(upper|middle|lower)$/.test(k)) {
    return { metric: "level", unit: "money", signed: false };
  }
  if (/volume|baselinemean/.test(k)) return { metric: "volume", unit: "plain", signed: false };
  if (/ratio/.test(k)) return { metric: "ratio", unit: "plain", signed: false };
  if (/rsi|^threshold$/.test(k) && type === "rsi_extreme") {
    return { metric: "rsi", unit: "plain", signed: false };
  }
  if (/sigmas/.test(k)) return { metric: "sigmas", unit: "plain", signed: true };
  if (/mean$|shift|^threshold$/.test(k)) {
    return { metric: "sentiment", unit: "plain", signed: true };
  }
  if (/^(value|previousvalue|change)$/.test(k)) {
    return { metric: "index", unit: "plain", signed: k === "change" };
  }
  return { metric: "count", unit: "plain", signed: false };
}

/**
 * Hours the insight's change spans: its window, or for the Fear & Greed index
 * the time between its two readings.
 */
function spanOf(insight: InsightFacts): number | null {
  const { windowHours, at, previousAt } = insight.facts;
  if (typeof windowHours === "number") return windowHours;
  if (typeof at === "number" && typeof previousAt === "number" && at > previousAt) {
    return Math.round((at - previousAt) / 3_600_000);
  }
  return null;
}

/** Every window the insight speaks of, in hours: its timeframe, its window, its headline's. */
export function windowsOf(insight: InsightFacts): Set<number> {
  const found = new Set<number>();
  const texts = [insight.timeframe ?? "", insight.headline ?? ""];
  for (const value of Object.values(insight.facts)) {
    if (typeof value === "string") texts.push(value);
  }
  for (const text of texts) {
    for (const m of text.matchAll(/(?<![\p{L}\p{N}])(\d+)\s?([mhdw])(?![\p{L}\p{N}])/giu)) {
      found.add(Number(m[1]) * HOURS[m[2].toLowerCase()]);
    }
  }
  const span = spanOf(insight);
  if (span !== null) found.add(span);
  return found;
}

export const HOURS: Record<string, number> = { m: 1 / 60, h: 1, d: 24, w: 168 };
