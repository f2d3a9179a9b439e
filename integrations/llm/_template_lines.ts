/**
 * What the template writer says about each insight type, read from the facts
 * the Analysis detectors produce (camelCase keys: `changePct`, `fromClose`,
 * `gainer1Symbol`, ...). Only fact values appear as numbers, formatted by the
 * shared formatter; timestamps never do, and notes carry no numbers at all, so
 * every template passes the number guard. This file holds the per-symbol types;
 * the market-wide ones are in _template_market.ts.
 */
import { formatCompact, formatDecimal, formatPct, formatPriceIn } from "./numbers.ts";
import type { DraftRequest } from "./mod.ts";
import {
  count,
  type Describe,
  hoursText,
  type InsightText,
  num,
  present,
  str,
} from "./_template_facts.ts";
import { fearGreed, newsSentimentShift, topMovers } from "./_template_market.ts";

export type { InsightText };

const priceMove: Describe = (facts, asset) => {
  const price = (value: number) => formatPriceIn(value, asset);
  const change = num(facts, "changePct");
  const [from, to, bars] = [num(facts, "fromClose"), num(facts, "toClose"), num(facts, "bars")];
  const hours = num(facts, "windowHours");
  const window = str(facts, "window") ?? (hours === undefined ? undefined : hoursText(hours));
  const up = change === undefined ? str(facts, "direction") !== "down" : change >= 0;
  const span = window ? ` in ${window}` : "";
  const path = from !== undefined && to !== undefined ? `: ${price(from)} → ${price(to)}` : "";
  return {
    headline: `${up ? "📈" : "📉"} ${asset} ${
      change === undefined ? (up ? "up" : "down") : formatPct(change)
    }${span}${path}`,
    short: [],
    long: present([
      from !== undefined &&
      `Close ${window ? `${window} ago` : "at the start"}: ${price(from)}`,
      to !== undefined && `Latest close: ${price(to)}`,
      change !== undefined && bars !== undefined &&
      `Change: ${formatPct(change)} over ${count(bars, "candle")}`,
    ]),
    note: up
      ? "Strong moves often get retested; watch whether volume confirms this one."
      : "Sharp drops can draw dip buyers or extend; watch how price reacts at recent support.",
  };
};

const volumeSpike: Describe = (facts, asset) => {
  const price = (value: number) => formatPriceIn(value, asset);
  const [ratio, volume, mean] = [
    num(facts, "ratio"),
    num(facts, "volume"),
    num(facts, "baselineMean"),
  ];
  const bars = num(facts, "baselineBars");
  const close = num(facts, "close");
  const average = bars === undefined ? "usual volume" : `${formatDecimal(bars, 0)}-candle average`;
  // Exchange volume is counted in the base asset (coins), not in dollars: say so.
  const unit = asset.split("/")[0];
  const vs = volume !== undefined && mean !== undefined &&
    `Volume: ${formatCompact(volume)} ${unit} vs ${formatCompact(mean)} ${unit} on average`;
  return {
    headline: `🔊 ${asset} volume spike${
      ratio === undefined ? "" : `: ${formatDecimal(ratio, 1)}x its ${average}`
    }`,
    short: present([vs]),
    long: present([
      vs,
      close !== undefined && `Close: ${price(close)}`,
    ]),
    note: "Heavy volume shows conviction or forced selling; the next candles show which.",
  };
};

const rsiExtreme: Describe = (facts, asset) => {
  const price = (value: number) => formatPriceIn(value, asset);
  const rsi = num(facts, "rsi");
  const [period, threshold, close] = [
    num(facts, "rsiPeriod"),
    num(facts, "threshold"),
    num(facts, "close"),
  ];
  const zone = str(facts, "zone");
  const hot = zone ? zone === "overbought" : (rsi ?? 50) >= 50;
  const name = `RSI${period === undefined ? "" : `(${formatDecimal(period, 0)})`}`;
  return {
    headline: `${hot ? "🔥" : "🧊"} ${asset} ${name}${
      rsi === undefined ? "" : ` at ${formatDecimal(rsi, 1)}`
    }: ${hot ? "overbought" : "oversold"}`,
    short: present([close !== undefined && `Close: ${price(close)}`]),
    long: present([
      close !== undefined && `Close: ${price(close)}`,
      threshold !== undefined &&
      `${hot ? "Overbought" : "Oversold"} level: ${formatDecimal(threshold, 2)}`,
    ]),
    note: hot
      ? "Overbought can stay overbought in a strong trend; it is a warning, not a sell signal."
      : "Oversold readings can come before a bounce, but in a downtrend they can persist.",
  };
};

const maCross: Describe = (facts, asset) => {
  const price = (value: number) => formatPriceIn(value, asset);
  const [fastPeriod, slowPeriod] = [num(facts, "fastPeriod"), num(facts, "slowPeriod")];
  const [fast, slow, close] = [num(facts, "fast"), num(facts, "slow"), num(facts, "close")];
  const [prevFast, prevSlow, gap] = [
    num(facts, "prevFast"),
    num(facts, "prevSlow"),
    num(facts, "gapPct"),
  ];
  const golden = str(facts, "cross") !== "death";
  const fastName = fastPeriod === undefined ? "the fast SMA" : `SMA${fastPeriod}`;
  const slowName = slowPeriod === undefined ? "the slow SMA" : `SMA${slowPeriod}`;
  const at = (value: number | undefined) => (value === undefined ? "" : ` (${price(value)})`);
  const gapLine = gap !== undefined &&
    `Gap between the averages: ${formatPct(gap, { signed: false })}`;
  return {
    headline: `${golden ? "✨ Golden" : "💀 Death"} cross on ${asset}: ${fastName}${
      at(fast)
    } crossed ${golden ? "above" : "below"} ${slowName}${at(slow)}`,
    short: present([close !== undefined && `Close: ${price(close)}`, gapLine]),
    long: present([
      close !== undefined && `Close: ${price(close)}`,
      gapLine,
      prevFast !== undefined && prevSlow !== undefined &&
      `A candle earlier: ${fastName} ${price(prevFast)}, ${slowName} ${price(prevSlow)}`,
    ]),
    note: `Crosses lag price; confirmation comes from price holding ${
      golden ? "above" : "below"
    } both averages.`,
  };
};

const bollingerBreakout: Describe = (facts, asset) => {
  const price = (value: number) => formatPriceIn(value, asset);
  const above = str(facts, "side") !== "below";
  const [close, middle, sigmas] = [num(facts, "close"), num(facts, "middle"), num(facts, "sigmas")];
  const [upper, lower] = [num(facts, "upper"), num(facts, "lower")];
  const [period, stdDev] = [num(facts, "bbPeriod"), num(facts, "bbStdDev")];
  const band = above ? upper : lower;
  const versus = close !== undefined && band !== undefined
    ? `: ${price(close)} vs ${price(band)}`
    : "";
  const middleLine = middle !== undefined && `Middle band: ${price(middle)}`;
  return {
    headline: `${above ? "🚀" : "⚠️"} ${asset} closed ${
      above ? "above its upper" : "below its lower"
    } Bollinger band${versus}`,
    short: present([middleLine]),
    long: present([
      upper !== undefined && lower !== undefined &&
      `Bands: upper ${price(upper)}, lower ${price(lower)}`,
      middleLine,
      sigmas !== undefined &&
      `Close: ${formatDecimal(Math.abs(sigmas), 1)} standard deviations from the middle band`,
      period !== undefined && stdDev !== undefined &&
      `Settings: ${count(period, "candle")}, ${formatDecimal(stdDev, 2)} standard deviations`,
    ]),
    note: "Band breaks mean stretched volatility: price often snaps back to the middle band, " +
      "or rides the band in a strong trend.",
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
  const describe = DESCRIBE[request.insightType];
  if (describe) return describe(request.facts, request.symbol ?? "crypto");
  return {
    headline: request.headline,
    short: [],
    long: [],
    note: "Data first: do your own research.",
  };
}
