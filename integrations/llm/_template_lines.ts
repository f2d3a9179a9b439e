/**
 * What the template writer says about each insight type: a headline, detail
 * lines and a closing note. Only fact values appear as numbers, formatted by
 * the shared formatter, and notes carry no numbers at all (no "above 70"),
 * so every template passes the number guard.
 */
import {
  formatCompact,
  formatDecimal,
  formatPct,
  formatPrice,
} from "../../agents/foundation/numbers.ts";
import type { DraftRequest } from "./mod.ts";

export interface InsightText {
  headline: string;
  details: string[];
  note: string;
}

type Facts = DraftRequest["facts"];
type Describe = (facts: Facts, asset: string) => InsightText;

const num = (facts: Facts, key: string): number | undefined =>
  typeof facts[key] === "number" ? facts[key] : undefined;
const str = (facts: Facts, key: string): string | undefined =>
  facts[key] === undefined ? undefined : String(facts[key]);
const present = (lines: Array<string | false | undefined>): string[] =>
  lines.filter((line): line is string => typeof line === "string" && line !== "");

const priceMove: Describe = (facts, asset) => {
  const change = num(facts, "change_pct") ?? 0;
  const from = num(facts, "price_from");
  const to = num(facts, "price_to");
  const window = str(facts, "window");
  const up = change >= 0;
  return {
    headline: `${up ? "📈" : "📉"} ${asset} is ${up ? "up" : "down"} ${
      formatPct(change, { signed: false })
    }${window ? ` in ${window}` : ""}`,
    details: present([
      from !== undefined && to !== undefined && `Price: ${formatPrice(from)} → ${formatPrice(to)}`,
    ]),
    note: up
      ? "Strong moves often get retested; watch whether volume confirms this one."
      : "Sharp drops can draw dip buyers or extend; watch how price reacts at recent support.",
  };
};

const volumeSpike: Describe = (facts, asset) => {
  const ratio = num(facts, "ratio");
  const volume = num(facts, "volume");
  const baseline = num(facts, "baseline_volume");
  const window = str(facts, "window");
  return {
    headline: `🔊 ${asset} volume spike${
      ratio === undefined ? "" : `: ${formatDecimal(ratio, 1)}x the usual`
    }${window ? ` ${window} volume` : ""}`,
    details: present([
      volume !== undefined && baseline !== undefined &&
      `Volume: ${formatCompact(volume)} vs a baseline of ${formatCompact(baseline)}`,
    ]),
    note: "Heavy volume shows conviction or forced selling; the next candles show which.",
  };
};

const rsiExtreme: Describe = (facts, asset) => {
  const rsi = num(facts, "rsi") ?? 50;
  const period = num(facts, "period");
  const timeframe = str(facts, "timeframe");
  const price = num(facts, "price");
  const hot = rsi >= 50;
  return {
    headline: `${hot ? "🔥" : "🧊"} ${asset} RSI${period ? `(${period})` : ""} at ${
      formatDecimal(rsi, 1)
    }${timeframe ? ` on the ${timeframe} chart` : ""}: ${hot ? "overbought" : "oversold"}`,
    details: present([price !== undefined && `Price: ${formatPrice(price)}`]),
    note: hot
      ? "Overbought can stay overbought in a strong trend; it is a warning, not a sell signal."
      : "Oversold readings can come before a bounce, but in a downtrend they can persist.",
  };
};

const maCross: Describe = (facts, asset) => {
  const fast = num(facts, "fast_period");
  const slow = num(facts, "slow_period");
  const fastMa = num(facts, "fast_ma");
  const slowMa = num(facts, "slow_ma");
  const price = num(facts, "price");
  const golden = str(facts, "direction") !== "death";
  const [name, side] = golden ? ["✨ Golden cross", "above"] : ["💀 Death cross", "below"];
  return {
    headline: `${name} on ${asset}: the ${fast ?? "fast"}-period MA crossed ${side} the ${
      slow ?? "slow"
    }-period MA`,
    details: present([
      fastMa !== undefined && `${fast ?? "Fast"} MA: ${formatPrice(fastMa)}`,
      slowMa !== undefined && `${slow ?? "Slow"} MA: ${formatPrice(slowMa)}`,
      price !== undefined && `Price: ${formatPrice(price)}`,
    ]),
    note: `Crosses lag price; confirmation comes from price holding ${side} both averages.`,
  };
};

const bollingerBreakout: Describe = (facts, asset) => {
  const above = str(facts, "side") !== "below";
  const price = num(facts, "price");
  const band = num(facts, above ? "upper" : "lower");
  const middle = num(facts, "middle");
  return {
    headline: above
      ? `🚀 ${asset} breaks above its upper Bollinger Band`
      : `⚠️ ${asset} drops below its lower Bollinger Band`,
    details: present([
      price !== undefined && band !== undefined &&
      `Price: ${formatPrice(price)} vs ${above ? "upper" : "lower"} band ${formatPrice(band)}`,
      middle !== undefined && `Middle band: ${formatPrice(middle)}`,
    ]),
    note: "Band breaks mean stretched volatility: price often snaps back to the middle band, " +
      "or rides the band in a strong trend.",
  };
};

const topMovers: Describe = (facts) => {
  const movers = (kind: string) =>
    [1, 2, 3].flatMap((rank) => {
      const symbol = str(facts, `${kind}_${rank}_symbol`);
      const change = num(facts, `${kind}_${rank}_change_pct`);
      return symbol && change !== undefined ? [`${baseAsset(symbol)} ${formatPct(change)}`] : [];
    });
  const gainers = movers("gainer");
  const losers = movers("loser");
  return {
    headline: "📊 Top movers",
    details: present([
      gainers.length > 0 && `Gainers: ${gainers.join(", ")}`,
      losers.length > 0 && `Losers: ${losers.join(", ")}`,
    ]),
    note: "Big moves draw attention; check liquidity and news before reading much into them.",
  };
};

const newsSentimentShift: Describe = (facts, asset) => {
  const now = num(facts, "sentiment_now") ?? 0;
  const before = num(facts, "sentiment_before") ?? 0;
  const articles = num(facts, "articles");
  const headline = str(facts, "top_headline");
  return {
    headline: `📰 News sentiment on ${asset} turns ${
      now >= before ? "more positive" : "more negative"
    }`,
    details: present([
      `Sentiment score: ${formatDecimal(before, 2)} → ${formatDecimal(now, 2)}${
        articles === undefined ? "" : ` across ${formatDecimal(articles, 0)} articles`
      }`,
      headline && `Top headline: "${headline}"`,
    ]),
    note: "Headlines move sentiment faster than fundamentals; watch whether price follows.",
  };
};

const fearGreed: Describe = (facts) => {
  const value = num(facts, "value") ?? 50;
  const previous = num(facts, "previous_value");
  const label = str(facts, "classification");
  const mood = value < 25 ? "😱" : value < 50 ? "😟" : value < 75 ? "🙂" : "🤑";
  return {
    headline: `${mood} Crypto Fear & Greed Index: ${formatDecimal(value, 0)}${
      label ? ` (${label})` : ""
    }`,
    details: present([previous !== undefined && `Previous: ${formatDecimal(previous, 0)}`]),
    note: "The index gauges mood, not timing: extremes in either direction call for caution.",
  };
};

const DESCRIBE: Record<string, Describe> = {
  price_move: priceMove,
  volume_spike: volumeSpike,
  rsi_extreme: rsiExtreme,
  ma_cross: maCross,
  bollinger_breakout: bollingerBreakout,
  top_movers: topMovers,
  news_sentiment_shift: newsSentimentShift,
  fear_greed: fearGreed,
};

/** The text blocks for one insight; an unknown type falls back to its headline. */
export function describeInsight(request: DraftRequest): InsightText {
  const symbol = request.symbol ?? str(request.facts, "symbol");
  const asset = symbol ? baseAsset(symbol) : "crypto";
  const describe = DESCRIBE[request.insightType];
  if (describe) return describe(request.facts, asset);
  return { headline: request.headline, details: [], note: "Data first: do your own research." };
}

/** "BTC/USDT" and "BTC-USDT" read as "BTC". */
export function baseAsset(symbol: string): string {
  return symbol.split(/[\/:-]/)[0];
}
