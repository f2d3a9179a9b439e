import type { Candle, Ticker } from "../core/vocabulary.ts";
import type { Db } from "./db.ts";

export interface SeriesKey {
  exchange: string;
  symbol: string;
  timeframe: string;
}

/** The columns of one stored candle, in the order `candleRow` gives them. */
export const CANDLE_COLUMNS = [
  "exchange",
  "symbol",
  "timeframe",
  "open_time",
  "open",
  "high",
  "low",
  "close",
  "volume",
  "fetched_at",
];

// The newest candle is still open and changes until it closes; older ones only
// count as written when a value really changed, so a re-run writes nothing.
export const CANDLE_UPSERT = `ON CONFLICT (exchange, symbol, timeframe, open_time) DO UPDATE SET
  open = excluded.open, high = excluded.high, low = excluded.low, close = excluded.close,
  volume = excluded.volume, fetched_at = excluded.fetched_at
  WHERE market_data.close <> excluded.close OR market_data.volume <> excluded.volume
     OR market_data.high <> excluded.high OR market_data.low <> excluded.low`;

export function marketData(db: Db) {
  return {
    /** Inserts new candles and updates changed ones; returns how many rows changed. */
    async upsertCandles(key: SeriesKey, candles: Candle[], fetchedAt: number): Promise<number> {
      const rows = candles.map((c) => candleRow(key, c, fetchedAt));
      if (rows.length) {
        await db.run(
          `INSERT INTO market_series (exchange, symbol, timeframe) VALUES (?, ?, ?)
           ON CONFLICT (exchange, symbol, timeframe) DO NOTHING`,
          [key.exchange, key.symbol, key.timeframe],
        );
      }
      return db.insertMany("market_data", CANDLE_COLUMNS, rows, CANDLE_UPSERT);
    },

    upsertTickers(exchange: string, tickers: Ticker[]): Promise<number> {
      const rows = tickers.map((t) => [
        exchange,
        t.symbol,
        t.at,
        t.last,
        t.quoteVolume,
        t.changePct,
      ]);
      return db.insertMany(
        "market_tickers",
        ["exchange", "symbol", "at", "last", "quote_volume", "change_pct"],
        rows,
        "ON CONFLICT (exchange, symbol, at) DO NOTHING",
      );
    },

    /** Every stored series, from the small table the upsert keeps (not a scan of candles). */
    seriesKeys(): Promise<SeriesKey[]> {
      return db.all<SeriesKey>(
        `SELECT exchange, symbol, timeframe FROM market_series ORDER BY exchange, symbol, timeframe`,
      );
    },

    /** The latest `limit` candles of one series (opened at or before `until`), oldest first. */
    async candles(key: SeriesKey, limit: number, until?: number): Promise<Candle[]> {
      const rows = await db.all<Record<string, number>>(
        `SELECT open_time, open, high, low, close, volume FROM market_data
         WHERE exchange = ? AND symbol = ? AND timeframe = ? AND open_time <= ?
         ORDER BY open_time DESC LIMIT ?`,
        [key.exchange, key.symbol, key.timeframe, until ?? Number.MAX_SAFE_INTEGER, limit],
      );
      return rows.reverse().map((r) => ({
        openTime: Number(r.open_time),
        open: Number(r.open),
        high: Number(r.high),
        low: Number(r.low),
        close: Number(r.close),
        volume: Number(r.volume),
      }));
    },
  };
}

export function candleRow(key: SeriesKey, c: Candle, fetchedAt: number) {
  return [
    key.exchange,
    key.symbol,
    key.timeframe,
    c.openTime,
    c.open,
    c.high,
    c.low,
    c.close,
    c.volume,
    fetchedAt,
  ];
}

export type MarketDataRepo = ReturnType<typeof marketData>;
