import type { Candle, Series } from "./types.ts";

/** A series cut to its closed candles, with its timeframe in milliseconds. */
export interface ClosedSeries {
  exchange: string;
  symbol: string;
  timeframe: string;
  timeframeMs: number;
  /** Closed candles only, oldest first. */
  candles: Candle[];
}

const UNIT_MS: Record<string, number> = {
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/** "15m" -> 900000. Months ("1M") are not fixed-length and are refused. */
export function parseTimeframe(timeframe: string): number {
  const match = /^(\d+)([mhdw])$/.exec(timeframe);
  const count = match ? Number(match[1]) : 0;
  if (!match || count < 1) {
    throw new RangeError(
      `Cannot read timeframe "${timeframe}": expected a count and one of m, h, d, w (e.g. "15m")`,
    );
  }
  return count * UNIT_MS[match[2]];
}

/**
 * Drops the candle still open at `now`. Exchanges return it as the last one, and its volume and
 * close would change under us, so every detector reads closed candles only.
 */
export function closeSeries(series: Series, now: number): ClosedSeries {
  const timeframeMs = parseTimeframe(series.timeframe);
  const { candles } = series;
  const last = candles[candles.length - 1];
  const isOpen = last !== undefined && last.openTime + timeframeMs > now;
  return {
    exchange: series.exchange,
    symbol: series.symbol,
    timeframe: series.timeframe,
    timeframeMs,
    candles: isOpen ? candles.slice(0, -1) : candles,
  };
}

/** "binance:BTC/USDT:1h@<first openTime>-<last openTime>" for candles[from..to] inclusive. */
export function seriesRef(series: ClosedSeries, from: number, to: number): string {
  const { candles } = series;
  return `${series.exchange}:${series.symbol}:${series.timeframe}@${candles[from].openTime}-${
    candles[to].openTime
  }`;
}

/** "type:exchange:symbol:timeframe:<latest openTime>[:qualifier...]". */
export function seriesKey(type: string, series: ClosedSeries, ...qualifiers: string[]): string {
  const latest = series.candles[series.candles.length - 1];
  return [type, series.exchange, series.symbol, series.timeframe, latest.openTime, ...qualifiers]
    .join(":");
}

/** The closes of the last `count` candles (all of them when fewer). */
export function lastCloses(series: ClosedSeries, count: number): number[] {
  const { candles } = series;
  const start = Math.max(0, candles.length - count);
  const closes = new Array<number>(candles.length - start);
  for (let i = start; i < candles.length; i++) closes[i - start] = candles[i].close;
  return closes;
}
