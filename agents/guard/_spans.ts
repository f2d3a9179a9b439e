/**
 * The span of time a claim speaks of, in words ("in the last hour", "this
 * week", "today") or as a figure ("in 4h"). A change is true only over its
 * own window: "up 12.3% in 4h" is false for a 24-hour change, even when 4h is
 * the chart the insight was read on.
 */
import type { Figure } from "./_read.ts";

export interface Span {
  start: number;
  end: number;
  hours: number;
}

const LAST = String
  .raw`(?:(?:in|over|during|within|across|for|on|from)\s+)?(?:the\s+)?(?:last|past|previous|latest|prior)\s+`;
const ONE = String.raw`(?:in|over|during|within|across|for|on)\s+(?:the|a|an|one|a single)\s+`;
// An adjective that names a chart ("daily chart", "on the daily") is not a span.
const NOT_CHART = String.raw`(?!\s+(?:chart|candles?|bars?|closes?|timeframe|tf|rsi)\b)`;
const UNITS: Array<[string, string, number]> = [
  ["hour", "hourly", 1],
  ["day", "daily", 24],
  ["week", "weekly", 168],
  ["month", "monthly", 720],
  ["year", "yearly|annual", 8760],
];
const WORD_SPANS: Array<[RegExp, number]> = [
  ...UNITS.map(([unit, adjective, hours]): [RegExp, number] => [
    new RegExp(
      String
        .raw`\b(?:${LAST}|${ONE}|this\s+(?:past\s+)?)${unit}\b|\b(?:an?|one)\s+${unit}\s+(?:ago|earlier|before)\b|\b${unit}[- ]over[- ]${unit}\b|(?<!\bon the\s)\b(?:${adjective})\b${NOT_CHART}`,
      "gi",
    ),
    hours,
  ]),
  [/\b(?:today|intraday|since yesterday|on the day|d\/d)\b/gi, 24],
  [/\b(?:w\/w|wow)\b/g, 168],
  [/\b(?:ytd|year[- ]to[- ]date)\b/gi, 8760],
];

/** Every span stated in `text`: window figures not naming a chart, and spans in words. */
export function spansIn(text: string, figures: readonly Figure[]): Span[] {
  const spans: Span[] = figures.filter((f) => f.kind === "window" && !f.label)
    .map((f) => ({ start: f.start, end: f.end, hours: f.hours! }));
  for (const [re, hours] of WORD_SPANS) {
    for (const m of text.matchAll(re)) {
      spans.push({ start: m.index!, end: m.index! + m[0].length, hours });
    }
  }
  return spans;
}

/** The span nearest to [start, end) that lies inside [from, to), or null. */
export function nearestSpan(
  spans: readonly Span[],
  start: number,
  end: number,
  from: number,
  to: number,
): Span | null {
  let best: Span | null = null;
  let bestGap = Infinity;
  for (const span of spans) {
    if (span.start < from || span.end > to) continue;
    // Ties go to the span after the figure: "up 5.2% in 24h".
    const gap = span.start >= end ? span.start - end : start - span.end + 0.5;
    if (gap >= 0 && gap < bestGap) [best, bestGap] = [span, gap];
  }
  return best;
}
