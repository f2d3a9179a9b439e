/**
 * What the chart of an insight shows: the candles up to the insight's last
 * one, the insight's own marks, and text whose numbers are formatted exactly
 * as the posts format them, so the number guard can check both the same way.
 */
import type { Candle } from "../../core/vocabulary.ts";
import type { ChartSpec, Overlay } from "../../integrations/charts/mod.ts";
import {
  formatCompact,
  formatDecimal,
  formatPct,
  formatPriceIn,
} from "../../integrations/llm/numbers.ts";
import type { Insight } from "../../storage/insights.ts";
import { bollingerSeries, rsiSeries, smaSeries } from "../foundation/signals/indicators.ts";

/** Candles drawn: enough to see the move, few enough to tell the candles apart. */
export const VISIBLE_CANDLES = 60;
/** Extra history loaded before the visible candles, so the averages are stable from the first. */
export const WARMUP_CANDLES = 60;

export interface ChartPlan {
  spec: ChartSpec;
  /** What the image shows, e.g. "candles+bands". */
  kind: string;
  alt: string;
}

type Facts = Insight["facts"];
const num = (facts: Facts, key: string) => {
  const v = facts[key];
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
};

/** The epoch ms of the insight's last candle: charts end there, whatever the render time. */
export function lastCandleTime(insight: Insight): number | undefined {
  return num(insight.facts, "openTime") ?? num(insight.facts, "toOpenTime");
}

/** "binance" from "binance:BTC/USDT:1h@…". */
export function exchangeOf(insight: Insight): string {
  return insight.sourceRef.split(":")[0];
}

/**
 * The chart for `insight` over `history` (oldest first, ending at its last candle), or the
 * reason there is none. The returned spec's text is what the number guard checks.
 */
export function planChart(insight: Insight, history: Candle[]): ChartPlan | { skip: string } {
  const last = lastCandleTime(insight);
  if (!insight.symbol || !insight.timeframe || last === undefined) {
    return { skip: "the insight names no series and candle" };
  }
  if (history.at(-1)?.openTime !== last) return { skip: "its candles are not stored" };
  const from = Math.max(0, history.length - VISIBLE_CANDLES);
  const visible = history.slice(from);
  const symbol = insight.symbol;
  const units = { price: (v: number) => formatPriceIn(v, symbol), base: symbol.split("/")[0] };
  const marks = MARKS[insight.type]?.(insight.facts, history.map((c) => c.close), from, units);
  if (!marks) return { skip: `no chart for ${insight.type} insights` };
  const footer = `${exchangeOf(insight)} · last candle ${utcTime(last)} UTC`;
  const spec: ChartSpec = {
    title: `${insight.symbol} · ${insight.timeframe}`,
    subtitle: marks.subtitle,
    footer,
    candles: visible,
    overlays: marks.overlays ?? [],
    levels: marks.levels ?? [],
    highlight: visible.length - 1,
    ...(marks.panel ? { panel: marks.panel } : {}),
  };
  return { spec, kind: marks.kind, alt: altText(spec) };
}

/** Alt text that says what is drawn and states the insight's numbers. */
function altText(spec: ChartSpec): string {
  const extras = [
    ...spec.overlays.map((o) => o.label),
    ...spec.levels.map((l) => l.label),
    ...(spec.panel ? [`${spec.panel.label} panel`] : []),
  ];
  return `Candlestick chart of ${spec.title.replace(" · ", " on ")} candles with volume` +
    `${extras.length ? `, showing ${extras.join(", ")}` : ""}. ${spec.subtitle}. ` +
    `Source: ${spec.footer}.`;
}

interface Marks {
  kind: string;
  subtitle: string;
  overlays?: Overlay[];
  levels?: ChartSpec["levels"];
  panel?: ChartSpec["panel"];
}

/** The pair's units: its prices are in the quote currency, its volume in the base asset. */
interface Units {
  price(value: number): string;
  base: string;
}

type MarkBuilder = (
  facts: Facts,
  closes: number[],
  from: number,
  units: Units,
) => Marks | undefined;

const MARKS: Record<string, MarkBuilder> = {
  price_move(facts, _closes, _from, { price }) {
    const [change, fromClose, toClose] = [
      num(facts, "changePct"),
      num(facts, "fromClose"),
      num(facts, "toClose"),
    ];
    const hours = num(facts, "windowHours");
    if (change === undefined || fromClose === undefined || toClose === undefined) return;
    const span = hours === undefined ? "" : ` in ${formatDecimal(hours, 2)}h`;
    return {
      kind: "candles+move",
      subtitle: `${formatPct(change)}${span}: ` +
        `${price(fromClose)} → ${price(toClose)}`,
      // Worded as a past close, as the guard requires of a value that is not the latest.
      levels: hours === undefined ? [] : [{
        label: `close ${formatDecimal(hours, 2)}h ago: ${price(fromClose)}`,
        value: fromClose,
      }],
    };
  },
  volume_spike(facts, _closes, _from, { base }) {
    const [ratio, volume, mean] = [
      num(facts, "ratio"),
      num(facts, "volume"),
      num(facts, "baselineMean"),
    ];
    const bars = num(facts, "baselineBars");
    if (ratio === undefined || volume === undefined || mean === undefined) return;
    const average = bars === undefined ? "average" : `${formatDecimal(bars, 0)}-candle average`;
    return {
      kind: "candles+volume-spike",
      subtitle: `Volume ${formatDecimal(ratio, 1)}x its ${average}: ` +
        `${formatCompact(volume)} ${base} vs ${formatCompact(mean)} ${base}`,
    };
  },
  rsi_extreme(facts, closes, from) {
    const [rsi, period, threshold] = [
      num(facts, "rsi"),
      num(facts, "rsiPeriod"),
      num(facts, "threshold"),
    ];
    if (rsi === undefined || period === undefined || threshold === undefined) return;
    const hot = facts.zone === "overbought";
    const name = `RSI(${formatDecimal(period, 0)})`;
    return {
      kind: "candles+rsi",
      subtitle: `${name} at ${formatDecimal(rsi, 1)}: ${hot ? "overbought" : "oversold"}`,
      panel: {
        label: name,
        values: rsiSeries(closes, period).slice(from),
        lines: [threshold],
        min: 0,
        max: 100,
      },
    };
  },
  ma_cross(facts, closes, from, { price }) {
    const [fastPeriod, slowPeriod] = [num(facts, "fastPeriod"), num(facts, "slowPeriod")];
    const [fast, slow] = [num(facts, "fast"), num(facts, "slow")];
    if (!fastPeriod || !slowPeriod || fast === undefined || slow === undefined) return;
    const golden = facts.cross !== "death";
    const [fastName, slowName] = [`SMA${fastPeriod}`, `SMA${slowPeriod}`];
    return {
      kind: "candles+averages",
      subtitle: `${golden ? "Golden" : "Death"} cross: ${fastName} (${price(fast)}) ` +
        `crossed ${golden ? "above" : "below"} ${slowName} (${price(slow)})`,
      overlays: [
        { label: fastName, values: smaSeries(closes, fastPeriod).slice(from), style: "line" },
        { label: slowName, values: smaSeries(closes, slowPeriod).slice(from), style: "line" },
      ],
    };
  },
  bollinger_breakout(facts, closes, from, { price }) {
    const [close, upper, lower] = [num(facts, "close"), num(facts, "upper"), num(facts, "lower")];
    const [period, stdDev] = [num(facts, "bbPeriod"), num(facts, "bbStdDev")];
    if (close === undefined || upper === undefined || lower === undefined) return;
    if (!period || !stdDev) return;
    const above = facts.side !== "below";
    const band = above ? upper : lower;
    const bands = bollingerSeries(closes, period, stdDev).slice(from);
    const line = (pick: "upper" | "middle" | "lower") => bands.map((b) => b?.[pick] ?? null);
    return {
      kind: "candles+bands",
      subtitle: `Closed ${above ? "above its upper" : "below its lower"} Bollinger band: ` +
        `${price(close)} vs ${price(band)}`,
      overlays: [
        { label: "upper band", values: line("upper"), style: "band" },
        { label: "middle band", values: line("middle"), style: "line" },
        { label: "lower band", values: line("lower"), style: "band" },
      ],
      levels: [{ label: `${above ? "upper" : "lower"} band ${price(band)}`, value: band }],
    };
  },
};

const MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(" ");

/** "27 Jan 2025 14:00": a time a reader takes in at a glance. */
export function utcTime(ms: number): string {
  const d = new Date(ms);
  const hh = String(d.getUTCHours()).padStart(2, "0");
  const mm = String(d.getUTCMinutes()).padStart(2, "0");
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${hh}:${mm}`;
}
