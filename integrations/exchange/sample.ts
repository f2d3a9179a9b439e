import type { CallOptions, Exchange } from "./mod.ts";
import type { Candle, Ticker } from "../../core/vocabulary.ts";

/** The bundled recordings; see data/sample/README.md for where they come from. */
const DATA_DIR = new URL("../../data/sample/", import.meta.url);
const MINUTE = 60_000;
const TIMEFRAMES: Record<string, number> = { "15m": 15 * MINUTE, "1h": 60 * MINUTE };
const DAY = 24 * 60 * MINUTE;

export interface SampleExchangeOptions {
  /** Folder holding the sample files. Default: the project's data/sample/. */
  dir?: string;
  /** Epoch ms the sample pretends it is: only candles closed by then are served. Default: all. */
  now?: number;
}

type Series = Map<string, Candle[]>; // keyed "BTC/USDT 1h"

/**
 * The moment the demo replays: 2025-01-27 01:00 UTC, as BTC broke down in the
 * "DeepSeek" sell-off: a volume spike, RSI near 15, a lower-band breakout and a
 * death cross, all in real recorded candles.
 */
export const SAMPLE_REPLAY_AT = Date.parse("2025-01-27T01:00:00Z");

/**
 * An exchange that replays real recorded Binance candles: BTC/USDT and LTC/USDT in 15m and 1h.
 * Needs no network and no key, so demos and tests behave the same everywhere.
 */
export function createSampleExchange(options: SampleExchangeOptions = {}): Exchange {
  const file = (name: string) =>
    options.dir === undefined
      ? new URL(name, DATA_DIR)
      : `${options.dir.replace(/\/$/, "")}/${name}`;
  const now = options.now ?? Infinity;
  let loading: Promise<Series> | undefined;
  const series = () => loading ??= loadSeries(file);

  async function visible(symbol: string, timeframe: string): Promise<Candle[]> {
    const all = await series();
    if (!symbolsOf(all).includes(symbol)) {
      throw new RangeError(
        `Unknown symbol "${symbol}": the sample has ${symbolsOf(all).join(", ")}`,
      );
    }
    const step = TIMEFRAMES[timeframe];
    const candles = all.get(`${symbol} ${timeframe}`);
    if (step === undefined || candles === undefined) {
      throw new RangeError(
        `Timeframe "${timeframe}" is not in the sample: it has ${
          Object.keys(TIMEFRAMES).join(", ")
        }`,
      );
    }
    return candles.filter((candle) => candle.openTime + step <= now);
  }

  async function ticker(symbol: string): Promise<Ticker | undefined> {
    // The 1h series of BTC is the most recent recording, so tickers come from the 1h candles.
    const candles = await visible(symbol, "1h");
    const last = candles.at(-1);
    if (last === undefined) return undefined;
    const closedAt = last.openTime + TIMEFRAMES["1h"];
    const day = candles.filter((candle) => candle.openTime >= closedAt - DAY);
    const open = day[0].open;
    return {
      symbol,
      last: last.close,
      quoteVolume: day.reduce((sum, candle) => sum + candle.close * candle.volume, 0),
      changePct: ((last.close - open) / open) * 100,
      at: closedAt,
    };
  }

  return {
    id: "sample",
    async topSymbols(n: number, quote: string, opts?: CallOptions) {
      checkCount("n", n);
      opts?.signal?.throwIfAborted();
      const quoted = symbolsOf(await series()).filter((symbol) => symbol.endsWith(`/${quote}`));
      // A recording that ended long before `now` is not "trading" then.
      const found = (await Promise.all(quoted.map(ticker)))
        .filter((t) => t !== undefined && (now === Infinity || now - t.at < DAY));
      return found.sort((a, b) => b!.quoteVolume - a!.quoteVolume).slice(0, n).map((t) =>
        t!.symbol
      );
    },
    async tickers(wanted: string[], opts?: CallOptions) {
      opts?.signal?.throwIfAborted();
      return await Promise.all(wanted.map(async (symbol) => {
        const found = await ticker(symbol);
        if (found) return found;
        throw new RangeError(`The sample has no ${symbol} candles closed before ${iso(now)}`);
      }));
    },
    async candles(symbol: string, timeframe: string, limit: number, opts?: CallOptions) {
      checkCount("limit", limit);
      opts?.signal?.throwIfAborted();
      return (await visible(symbol, timeframe)).slice(-limit).map((candle) => ({ ...candle }));
    },
  };
}

async function loadSeries(file: (name: string) => string | URL): Promise<Series> {
  const read = async (name: string) => ({ name, text: await Deno.readTextFile(file(name)) });
  const [btc1h, btc15m, ltc1m] = await Promise.all([
    read("BTCUSDT_1h_2025-01.csv"),
    read("BTCUSDT_15m_2020-01.csv"),
    read("LTCUSDT_1m_2020-11-08.json"),
  ]);
  const ltc = parseMinuteJson(ltc1m.text, ltc1m.name);
  return new Map([
    ["BTC/USDT 1h", parseCsv(btc1h.text, btc1h.name, "open_time", microsToMs)],
    ["BTC/USDT 15m", parseCsv(btc15m.text, btc15m.name, "time", utcDateTimeToMs)],
    ["LTC/USDT 15m", aggregate(ltc, MINUTE, TIMEFRAMES["15m"])],
    ["LTC/USDT 1h", aggregate(ltc, MINUTE, TIMEFRAMES["1h"])],
  ]);
}

/** Reads `<time>,open,high,low,close,volume` rows; any bad row stops the load with its line. */
function parseCsv(text: string, name: string, timeColumn: string, toMs: (s: string) => number) {
  const lines = text.split("\n");
  const header = `${timeColumn},open,high,low,close,volume`;
  if (lines[0].trim() !== header) {
    throw new SyntaxError(`${name}:1: expected header "${header}", found "${lines[0]}"`);
  }
  const candles: Candle[] = [];
  lines.slice(1).forEach((line, i) => {
    if (line.trim() === "") return;
    const where = `${name}:${i + 2}`;
    const fields = line.trim().split(",");
    if (fields.length !== 6) {
      throw new SyntaxError(`${where}: expected 6 fields, found ${fields.length}`);
    }
    const [open, high, low, close, volume] = fields.slice(1).map((f) => decimal(f, where));
    const openTime = toMs(fields[0]);
    if (!Number.isFinite(openTime)) throw new SyntaxError(`${where}: bad time "${fields[0]}"`);
    candles.push(checked({ openTime, open, high, low, close, volume }, candles.at(-1), where));
  });
  return candles;
}

/** Reads the LTC recording: a JSON array of one-minute candles with prices as strings. */
function parseMinuteJson(text: string, name: string): Candle[] {
  const rows: unknown = JSON.parse(text);
  if (!Array.isArray(rows)) throw new SyntaxError(`${name}: expected a JSON array of candles`);
  const candles: Candle[] = [];
  rows.forEach((row: Record<string, unknown>, i) => {
    const where = `${name}: entry ${i}`;
    if (row?.sizeInMillis !== MINUTE || typeof row.openTimeInMillis !== "number") {
      throw new SyntaxError(`${where}: expected a one-minute candle with openTimeInMillis`);
    }
    const [open, high, low, close, volume] = ["open", "high", "low", "close", "volume"]
      .map((key) => decimal(row[key], `${where} ${key}`));
    const candle = { openTime: row.openTimeInMillis, open, high, low, close, volume };
    candles.push(checked(candle, candles.at(-1), where));
  });
  return candles;
}

/** Merges candles into longer ones, dropping buckets the recording only partly covers. */
function aggregate(candles: Candle[], fromMs: number, toMs: number): Candle[] {
  const buckets = new Map<number, Candle[]>();
  for (const candle of candles) {
    const start = Math.floor(candle.openTime / toMs) * toMs;
    const bucket = buckets.get(start) ?? [];
    bucket.push(candle);
    buckets.set(start, bucket);
  }
  return [...buckets].filter(([, part]) => part.length === toMs / fromMs).map((
    [openTime, part],
  ) => ({
    openTime,
    open: part[0].open,
    high: Math.max(...part.map((c) => c.high)),
    low: Math.min(...part.map((c) => c.low)),
    close: part[part.length - 1].close,
    volume: part.reduce((sum, c) => sum + c.volume, 0),
  }));
}

function symbolsOf(series: Series): string[] {
  return [...new Set([...series.keys()].map((key) => key.split(" ")[0]))];
}

function checked(candle: Candle, previous: Candle | undefined, where: string): Candle {
  if (candle.high < candle.low) throw new SyntaxError(`${where}: high is below low`);
  if (previous && candle.openTime <= previous.openTime) {
    throw new SyntaxError(`${where}: open time does not increase`);
  }
  return candle;
}

function decimal(value: unknown, where: string): number {
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
  if (!Number.isFinite(number)) throw new SyntaxError(`${where}: "${value}" is not a number`);
  return number;
}

function microsToMs(value: string): number {
  // Binance's newer dumps give open_time in microseconds; a millisecond value here is a bad row.
  const micros = /^\d{16}$/.test(value) ? Number(value) : NaN;
  return micros % 1000 === 0 ? micros / 1000 : NaN;
}

function utcDateTimeToMs(value: string): number {
  return /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(value)
    ? Date.parse(`${value.replace(" ", "T")}Z`)
    : NaN;
}

function checkCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`${name} must be a positive integer, got ${value}`);
  }
}

function iso(ms: number): string {
  return Number.isFinite(ms) ? new Date(ms).toISOString() : "now";
}
