/**
 * What the exchange says is checked before it is stored: a symbol must look
 * like one, a price must be a plausible positive number, and no candle or
 * ticker may come from the future. Finiteness alone let 1e308, zero prices
 * and candles from the year 2500 through, and a stored future candle stays
 * the newest row for good.
 */
import { cleanLine } from "../../core/clean_text.ts";
import { FUTURE_SKEW_MS } from "../../core/clock.ts";
import type { Candle, Ticker } from "../../core/vocabulary.ts";

/** "BASE/QUOTE" in capitals and digits, each side 1-20 characters, as spot symbols are. */
export const SYMBOL_FORMAT = /^[A-Z0-9]{1,20}\/[A-Z0-9]{1,20}$/;
/** No spot price reaches this, even BTC in the weakest quote currencies (about 1e12). */
export const MAX_PRICE = 1e14;
/** Bitcoin's first block: nothing traded before it. */
export const EARLIEST = Date.UTC(2009, 0, 3);
/** Neighbouring closes further apart than this factor are a data fault, not a market. */
export const MAX_STEP_FACTOR = 100;

export function isSymbol(symbol: unknown): symbol is string {
  return typeof symbol === "string" && symbol.length <= 41 && SYMBOL_FORMAT.test(symbol);
}

/** A symbol fit for a log line, however long or hostile it was. */
export function showSymbol(symbol: unknown): string {
  return JSON.stringify(cleanLine(String(symbol), 40));
}

/** Why this series must not be stored, or null when it may. */
export function candleProblem(candles: readonly Candle[], now: number): string | null {
  for (const [i, c] of candles.entries()) {
    const problem = priceProblem("open", c.open) ?? priceProblem("high", c.high) ??
      priceProblem("low", c.low) ?? priceProblem("close", c.close) ??
      timeProblem(c.openTime, now);
    if (problem) return `row ${i}: ${problem}`;
    if (!(c.volume >= 0 && c.volume < 1e20)) return `row ${i}: volume ${c.volume} is implausible`;
    if (c.low > Math.min(c.open, c.close) || c.high < Math.max(c.open, c.close)) {
      return `row ${i}: open and close are not within low ${c.low} and high ${c.high}`;
    }
    const before = candles[i - 1];
    if (before && !withinStep(before.close, c.close)) {
      return `row ${i}: close ${c.close} after ${before.close} is a jump no market makes`;
    }
  }
  return null;
}

/** Why this ticker must not be stored, or null when it may. */
export function tickerProblem(t: Ticker, now: number): string | null {
  if (!isSymbol(t.symbol)) return `symbol ${showSymbol(t.symbol)} is not BASE/QUOTE`;
  const problem = priceProblem("last", t.last) ?? timeProblem(t.at, now);
  if (problem) return problem;
  if (!(t.quoteVolume >= 0 && t.quoteVolume < 1e20)) {
    return `quote volume ${t.quoteVolume} is implausible`;
  }
  // A 24h change below -100% is impossible; above +100,000% is no market.
  if (t.changePct !== null && !(t.changePct >= -100 && t.changePct <= 100_000)) {
    return `24h change ${t.changePct}% is implausible`;
  }
  return null;
}

function priceProblem(name: string, value: number): string | null {
  if (!(value > 0)) return `${name} ${value} is not a positive price`;
  if (!(value < MAX_PRICE)) return `${name} ${value} is beyond any real price`;
  return null;
}

function timeProblem(at: number, now: number): string | null {
  if (!Number.isInteger(at) || at < EARLIEST) return `time ${at} is before any trading`;
  if (at > now + FUTURE_SKEW_MS) {
    const shown = at < 8.64e15 ? new Date(at).toISOString() : String(at);
    return `time ${shown} is in the future`;
  }
  return null;
}

function withinStep(a: number, b: number): boolean {
  return b / a <= MAX_STEP_FACTOR && a / b <= MAX_STEP_FACTOR;
}
