/**
 * Indicator series over plain numbers, computed by `trading-signals`. Each function returns one
 * entry per input, `null` until the indicator has enough inputs, so index i lines up with
 * candle i.
 */

import { BollingerBands, EMA, MACD, RSI, SMA } from "trading-signals";

/** One Bollinger reading; `upper`/`lower` are `middle` +- stdDev population deviations. */
export interface Bands {
  upper: number;
  middle: number;
  lower: number;
}

export interface MacdPoint {
  macd: number;
  signal: number;
  histogram: number;
}

/** Simple moving average. */
export function smaSeries(values: readonly number[], period: number): (number | null)[] {
  const sma = new SMA(period);
  return values.map((v) => sma.add(v));
}

/**
 * Exponential moving average. trading-signals seeds with the first value where TA-Lib seeds
 * with the SMA of the first `period` values; the two agree to 1e-6 after ~12 periods.
 * `null` until `period` values were seen, like TA-Lib.
 */
export function emaSeries(values: readonly number[], period: number): (number | null)[] {
  const ema = new EMA(period);
  return values.map((v) => {
    ema.add(v);
    return ema.isStable ? ema.getResultOrThrow() : null;
  });
}

/** Wilder's RSI, seeded with the mean of the first `period` gains and losses as TA-Lib does. */
export function rsiSeries(values: readonly number[], period: number): (number | null)[] {
  const rsi = new RSI(period);
  return values.map((v) => rsi.add(v));
}

/** Bollinger bands over an SMA with population standard deviation, as TA-Lib's BBANDS. */
export function bollingerSeries(
  values: readonly number[],
  period: number,
  stdDev: number,
): (Bands | null)[] {
  const bands = new BollingerBands(period, stdDev);
  return values.map((v) => bands.add(v));
}

/**
 * MACD over EMAs seeded like emaSeries, so it matches TA-Lib's only after a warm-up of a few
 * hundred values. `null` until the slow EMA and the signal EMA have their periods of inputs.
 */
export function macdSeries(
  values: readonly number[],
  fast: number,
  slow: number,
  signal: number,
): (MacdPoint | null)[] {
  const macd = new MACD(new EMA(fast), new EMA(slow), new EMA(signal));
  const firstStable = slow + signal - 2;
  return values.map((v, i) => {
    const point = macd.add(v);
    return point && i >= firstStable ? point : null;
  });
}

/** The last entry of an indicator series, or null when it never became stable. */
export function lastOf<T>(series: readonly (T | null)[]): T | null {
  return series.length > 0 ? series[series.length - 1] : null;
}
