/** The market-data port MarketScanner reads through. Prices are floats as exchanges give them. */

/** One OHLCV candle; `openTime` is epoch milliseconds UTC. */
export interface Candle {
  openTime: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

/** A 24h ticker for one symbol, e.g. "BTC/USDT". */
export interface Ticker {
  symbol: string;
  last: number;
  /** 24h volume in the quote currency. */
  quoteVolume: number;
  /** 24h change in percent, when the exchange reports it. */
  changePct: number | null;
  /** Epoch ms of the exchange's snapshot. */
  at: number;
}

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
