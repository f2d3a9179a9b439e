/**
 * Template lines for the market-wide insights: top movers, news sentiment and
 * the Fear & Greed Index. Only fact values appear as numbers.
 */
import { formatDecimal, formatPct, formatPriceIn, formatSigned } from "./numbers.ts";
import {
  baseAsset,
  count,
  type Describe,
  hoursText,
  num,
  present,
  str,
} from "./_template_facts.ts";

export const topMovers: Describe = (facts) => {
  const movers = (kind: "gainer" | "loser") => {
    const found = [];
    for (let rank = 1; str(facts, `${kind}${rank}Symbol`) !== undefined; rank++) {
      const p = `${kind}${rank}`;
      const change = num(facts, `${p}ChangePct`);
      const [from, to] = [num(facts, `${p}FromClose`), num(facts, `${p}ToClose`)];
      if (change !== undefined) found.push({ symbol: str(facts, `${p}Symbol`)!, change, from, to });
    }
    return found;
  };
  const [gainers, losers] = [movers("gainer"), movers("loser")];
  const label = labeller([...gainers, ...losers].map((m) => m.symbol));
  const brief = (m: Mover) => `${label(m.symbol)} ${formatPct(m.change)}`;
  const full = (m: Mover) =>
    `${m.change >= 0 ? "🟢" : "🔴"} ${brief(m)}${
      m.from !== undefined && m.to !== undefined
        ? `: ${formatPriceIn(m.from, m.symbol)} → ${formatPriceIn(m.to, m.symbol)}`
        : ""
    }`;
  const hours = num(facts, "windowHours");
  const compared = num(facts, "symbolsCompared");
  return {
    headline: `📊 Top movers${hours === undefined ? "" : ` in ${hoursText(hours)}`}`,
    short: present([
      gainers.length > 0 && `Gainers: ${gainers.map(brief).join(", ")}`,
      losers.length > 0 && `Losers: ${losers.map(brief).join(", ")}`,
    ]),
    long: present([
      ...gainers.map(full),
      ...losers.map(full),
      compared !== undefined && `Pairs compared: ${formatDecimal(compared, 0)}`,
    ]),
    note: "Big moves draw attention; check liquidity and news before reading much into them.",
  };
};

interface Mover {
  symbol: string;
  change: number;
  from?: number;
  to?: number;
}

/** Movers read by base asset ("SOL"), unless two share one, as BTC/USDT and BTC/EUR would. */
function labeller(symbols: string[]): (symbol: string) => string {
  const bases = symbols.map(baseAsset);
  const clash = new Set(bases.filter((base, i) => bases.indexOf(base) !== i));
  return (symbol) => (clash.has(baseAsset(symbol)) ? symbol : baseAsset(symbol));
}

export const newsSentimentShift: Describe = (facts, asset) => {
  const [recent, previous, shift] = [
    num(facts, "recentMean"),
    num(facts, "previousMean"),
    num(facts, "shift"),
  ];
  const [recentCount, previousCount] = [num(facts, "recentCount"), num(facts, "previousCount")];
  const hours = num(facts, "windowHours");
  const up = str(facts, "direction") ? str(facts, "direction") === "up" : (shift ?? 0) >= 0;
  const span = hours === undefined ? "the last day" : `the last ${hoursText(hours)}`;
  const before = hours === undefined ? "the day before" : `the ${hoursText(hours)} before`;
  const mean = (value: number | undefined, n: number | undefined) =>
    value === undefined
      ? undefined
      : `${formatSigned(value)}${n === undefined ? "" : ` across ${count(n, "article")}`}`;
  return {
    headline: `📰 ${asset === "crypto" ? "Crypto news" : `News on ${asset}`} turns ${
      up ? "more positive" : "more negative"
    }${
      previous !== undefined && recent !== undefined
        ? `: sentiment ${formatSigned(previous)} → ${formatSigned(recent)}`
        : ""
    }`,
    short: present([
      recentCount !== undefined && previousCount !== undefined &&
      `Articles: ${formatDecimal(recentCount, 0)} in ${span}, ${
        formatDecimal(previousCount, 0)
      } in ${before}`,
    ]),
    long: present([
      recent !== undefined && `Mean sentiment, ${span}: ${mean(recent, recentCount)}`,
      previous !== undefined && `Mean sentiment, ${before}: ${mean(previous, previousCount)}`,
      shift !== undefined && `Shift: ${formatSigned(shift)}`,
    ]),
    note: "Headlines move sentiment faster than fundamentals; watch whether price follows.",
  };
};

export const fearGreed: Describe = (facts) => {
  const value = num(facts, "value");
  const [previous, change] = [num(facts, "previousValue"), num(facts, "change")];
  const label = str(facts, "classification");
  const moved = change !== undefined && change !== 0 &&
    `${change > 0 ? "up" : "down"} ${formatDecimal(Math.abs(change), 0)}`;
  const previousLine = previous !== undefined &&
    `Previous reading: ${formatDecimal(previous, 0)}${moved ? `, now ${moved}` : ""}`;
  return {
    headline: `${moodOf(value)} Crypto Fear & Greed Index${
      value === undefined ? "" : `: ${formatDecimal(value, 0)}`
    }${label ? ` (${label})` : ""}`,
    short: present([previousLine]),
    long: present([
      previousLine,
      change !== undefined && `Change: ${formatSigned(change, 0)} points`,
    ]),
    note: "The index gauges mood, not timing: extremes in either direction call for caution.",
  };
};

/** The index's own bands: extreme fear up to 25, fear to 50, greed to 75, extreme greed above. */
function moodOf(value: number | undefined): string {
  if (value === undefined) return "🧭";
  if (value <= 25) return "😱";
  if (value < 50) return "😟";
  return value < 75 ? "🙂" : "🤑";
}
