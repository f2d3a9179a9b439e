/** The market-data port MarketScanner reads through. Prices are floats as exchanges give them. */
import type { Candle, Ticker } from "../../core/vocabulary.ts";

export interface CallOptions {
  signal?: AbortSignal;
}

export interface Exchange {
  /** The ccxt exchange id ("binance") or "sample". */
  readonly id: string;
  /** The `n` most traded spot symbols quoted in `quote`, by 24h quote volume. */
  topSymbols(n: number, quote: string, opts?: CallOptions): Promise<string[]>;
  tickers(symbols: string[], opts?: CallOptions): Promise<Ticker[]>;
  /** The latest `limit` closed-or-open candles, oldest first. */
  candles(symbol: string, timeframe: string, limit: number, opts?: CallOptions): Promise<Candle[]>;
  close?(): Promise<void>;
}
