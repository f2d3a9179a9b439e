import { scaleImportance } from "./_insight.ts";
import type { FearGreedPoint, InsightCandidate } from "./types.ts";

/** At or below this the index reads extreme fear. */
export const FEAR_GREED_LOW = 25;
/** At or above this the index reads extreme greed. */
export const FEAR_GREED_HIGH = 75;
/** A move of this many points since the previous reading is news by itself. */
export const FEAR_GREED_CHANGE = 10;

const NEUTRAL = 50;

/**
 * The latest Fear & Greed reading when it is extreme (<= 25 or >= 75) or moved by 10 points or
 * more since the reading before it. `readings` are oldest first.
 */
export function detectFearGreed(readings: readonly FearGreedPoint[]): InsightCandidate[] {
  const latest = readings[readings.length - 1];
  if (latest === undefined) return [];
  const previous = readings.length > 1 ? readings[readings.length - 2] : undefined;
  const extreme = latest.value <= FEAR_GREED_LOW || latest.value >= FEAR_GREED_HIGH;
  const change = previous === undefined ? 0 : latest.value - previous.value;
  const moved = Math.abs(change) >= FEAR_GREED_CHANGE;
  if (!extreme && !moved) return [];

  const facts: Record<string, number | string> = {
    value: latest.value,
    classification: latest.classification,
    at: latest.at,
    reason: extreme && moved ? "extreme+change" : extreme ? "extreme" : "change",
  };
  let headline = `Fear & Greed at ${latest.value} (${latest.classification})`;
  if (previous !== undefined) {
    Object.assign(facts, { previousValue: previous.value, previousAt: previous.at, change });
    if (moved) {
      headline += `, ${change > 0 ? "up" : "down"} ${Math.abs(change)} from ${previous.value}`;
    }
  }
  // Extremes are measured from the neutral 50, so 0 and 100 score like a 20-point jump.
  const extremeImportance = extreme
    ? scaleImportance(latest.value - NEUTRAL, FEAR_GREED_HIGH - NEUTRAL)
    : 0;
  const changeImportance = moved ? scaleImportance(change, FEAR_GREED_CHANGE) : 0;
  return [{
    type: "fear_greed",
    symbol: null,
    timeframe: null,
    headline,
    importance: Math.max(extremeImportance, changeImportance),
    facts,
    sourceRef: `fear_greed@${previous?.at ?? latest.at}-${latest.at}`,
    dedupKey: `fear_greed:${latest.at}`,
  }];
}
