/**
 * A Binance spot REST fake for the real ccxt: /api/v3/exchangeInfo, /ticker/24hr, /klines and
 * /time with Binance's field layout, error bodies `{code,msg}` and weight header.
 */
import type { Candle } from "../../core/vocabulary.ts";
import { createSampleExchange } from "../../integrations/exchange/sample.ts";
import symbolTemplate from "../fixtures/binance/exchange_info_symbol.json" with { type: "json" };

export interface FakeBinanceOptions {
  /**
   * Candles by Binance symbol ("BTCUSDT"), served for the requested interval by merging them; or a
   * count of synthetic USDT symbols ("SYN001USDT"...) added to the recorded BTCUSDT (1h, Jan 2025)
   * and LTCUSDT (15m, Nov 2020). Default: the recorded two.
   */
  symbols?: Record<string, Candle[]> | number;
  /** Extra symbols listed with status "BREAK" and a huge volume, e.g. ["LUNAUSDT"]. */
  halted?: string[];
  /** Delay before every answer. Default 0. */
  latencyMs?: number;
  /** Request weight per minute before answering 429 as Binance does. Default: unlimited. */
  weightPerMinute?: number;
}

/** Ways to corrupt /klines answers: a price "abc", a row cut short, a repeated open time. */
export type MalformedKlines = "price" | "truncated" | "duplicate";

export interface FakeBinance {
  url: string;
  requests: Array<{ method: string; path: string; body: string }>;
  latencyMs: number;
  /** When set, every /klines answer is corrupted this way (in its last rows, after good ones). */
  malformed: MalformedKlines | null;
  /** The next `n` requests get `status` with a Binance error body (and Retry-After if given). */
  failNext(n: number, status: number, retryAfterSeconds?: number): void;
  close(): Promise<void>;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Synthetic candles end here, right after the recorded BTC month. */
const SYNTHETIC_NOW = Date.UTC(2025, 1, 1);
// deno-fmt-ignore
const INTERVALS: Record<string, number> = {
  "1s": 1000, "1m": MINUTE, "3m": 3 * MINUTE, "5m": 5 * MINUTE, "15m": 15 * MINUTE,
  "30m": 30 * MINUTE, "1h": HOUR, "2h": 2 * HOUR, "4h": 4 * HOUR, "6h": 6 * HOUR, "8h": 8 * HOUR,
  "12h": 12 * HOUR, "1d": DAY, "3d": 3 * DAY, "1w": 7 * DAY, // "1M" is not served by the fake
};
const QUOTES = ["USDT", "FDUSD", "USDC", "BTC", "ETH", "BNB", "EUR", "TRY"];

interface Market {
  id: string;
  base: string;
  quote: string;
  status: "TRADING" | "BREAK";
  /** Candles at `interval` ms, oldest first, opening in [start, end). */
  candles(interval: number, start?: number, end?: number): Candle[];
}

/** Starts the fake on 127.0.0.1 on a free port. */
export async function startFakeBinance(options: FakeBinanceOptions = {}): Promise<FakeBinance> {
  const markets = new Map((await buildMarkets(options)).map((m) => [m.id, m]));
  let failures: { left: number; status: number; retryAfter?: number } = { left: 0, status: 0 };
  let weight = { minute: 0, used: 0 };
  const fake: Omit<FakeBinance, "url" | "close"> = {
    requests: [],
    latencyMs: options.latencyMs ?? 0,
    malformed: null,
    failNext(n, status, retryAfter) {
      failures = { left: n, status, retryAfter };
    },
  };

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    fake.requests.push({
      method: request.method,
      path: url.pathname + url.search,
      body: await request.text(),
    });
    if (fake.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, fake.latencyMs));
    const minute = Math.floor(Date.now() / MINUTE);
    if (weight.minute !== minute) weight = { minute, used: 0 };
    weight.used += weightOf(url);
    const headers = { "x-mbx-used-weight-1m": String(weight.used) };
    if (failures.left > 0) {
      failures.left--;
      return failure(failures.status, failures.retryAfter, headers);
    }
    if (options.weightPerMinute !== undefined && weight.used > options.weightPerMinute) {
      const wait = Math.ceil(((minute + 1) * MINUTE - Date.now()) / 1000);
      return failure(429, wait, headers, options.weightPerMinute);
    }
    const params = url.searchParams;
    const answer = route(url.pathname, params, markets, fake.malformed);
    return Response.json(answer.body, { status: answer.status, headers });
  }

  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, handle);
  return Object.assign(fake, {
    url: `http://127.0.0.1:${server.addr.port}`,
    close: () => server.shutdown(),
  });
}

type Answer = { status: number; body: unknown };
const error = (code: number, msg: string): Answer => ({ status: 400, body: { code, msg } });

function route(
  path: string,
  params: URLSearchParams,
  markets: Map<string, Market>,
  bad: MalformedKlines | null,
): Answer {
  if (path === "/api/v3/ping") return { status: 200, body: {} };
  if (path === "/api/v3/time") return { status: 200, body: { serverTime: Date.now() } };
  if (path === "/api/v3/exchangeInfo") {
    return { status: 200, body: exchangeInfo([...markets.values()]) };
  }
  if (path === "/api/v3/ticker/24hr") {
    const single = params.get("symbol");
    let ids = single === null ? [...markets.keys()] : [single];
    if (params.has("symbols")) {
      try {
        ids = JSON.parse(params.get("symbols")!);
      } catch {
        return error(-1100, "Illegal characters found in parameter 'symbols'.");
      }
    }
    if (ids.some((id) => !markets.has(id))) return error(-1121, "Invalid symbol.");
    const tickers = ids.map((id) => ticker(markets.get(id)!));
    return { status: 200, body: single === null ? tickers : tickers[0] };
  }
  if (path === "/api/v3/klines") return klines(params, markets, bad);
  return { status: 404, body: { code: -1000, msg: `The fake does not serve ${path}.` } };
}

function klines(
  params: URLSearchParams,
  markets: Map<string, Market>,
  bad: MalformedKlines | null,
): Answer {
  const market = markets.get(params.get("symbol") ?? "");
  if (market === undefined) return error(-1121, "Invalid symbol.");
  const interval = INTERVALS[params.get("interval") ?? ""];
  if (interval === undefined) return error(-1120, "Invalid interval.");
  const limit = Number(params.get("limit") ?? 500);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    return error(-1130, "Invalid data sent for a parameter.");
  }
  const start = params.has("startTime") ? Number(params.get("startTime")) : undefined;
  const end = params.has("endTime") ? Number(params.get("endTime")) + 1 : undefined;
  const inRange = market.candles(interval, start, end);
  // Binance counts `limit` from startTime when given, else back from the newest candle.
  const picked = params.has("startTime") ? inRange.slice(0, limit) : inRange.slice(-limit);
  // deno-fmt-ignore
  const rows: unknown[][] = picked.map((c) => [
    c.openTime, fixed(c.open), fixed(c.high), fixed(c.low), fixed(c.close), fixed(c.volume),
    c.openTime + interval - 1, fixed(c.close * c.volume), 1000, fixed(c.volume / 2),
    fixed((c.close * c.volume) / 2), "0",
  ]);
  const last = rows.length - 1;
  if (bad === "price" && last >= 0) rows[last][4] = "abc";
  if (bad === "truncated" && last >= 0) rows[last] = rows[last].slice(0, 3);
  if (bad === "duplicate" && last >= 1) rows[last][0] = rows[last - 1][0];
  return { status: 200, body: rows };
}

function ticker(market: Market) {
  const hourly = market.candles(HOUR);
  const closeTime = (hourly.at(-1)?.openTime ?? 0) + HOUR - 1;
  const day = hourly.filter((c) => c.openTime > closeTime - DAY);
  const open = day[0]?.open ?? 0;
  const last = day.at(-1)?.close ?? 0;
  const volume = day.reduce((sum, c) => sum + c.volume, 0);
  const quoteVolume = day.reduce((sum, c) => sum + c.close * c.volume, 0);
  const change = open === 0 ? 0 : ((last - open) / open) * 100;
  // deno-fmt-ignore
  return {
    symbol: market.id, priceChange: fixed(last - open), priceChangePercent: change.toFixed(3),
    weightedAvgPrice: fixed(volume === 0 ? 0 : quoteVolume / volume), prevClosePrice: fixed(open),
    lastPrice: fixed(last), lastQty: "0.01000000", bidPrice: fixed(last), bidQty: "1.00000000",
    askPrice: fixed(last), askQty: "1.00000000", openPrice: fixed(open),
    highPrice: fixed(Math.max(...day.map((c) => c.high))),
    lowPrice: fixed(Math.min(...day.map((c) => c.low))),
    volume: fixed(volume), quoteVolume: fixed(quoteVolume),
    openTime: closeTime + 1 - DAY, closeTime, firstId: 1, lastId: 24_000, count: 24_000,
  };
}

function exchangeInfo(markets: Market[]) {
  return {
    timezone: "UTC",
    serverTime: Date.now(),
    rateLimits: [
      { rateLimitType: "REQUEST_WEIGHT", interval: "MINUTE", intervalNum: 1, limit: 6000 },
      { rateLimitType: "ORDERS", interval: "SECOND", intervalNum: 10, limit: 100 },
      { rateLimitType: "ORDERS", interval: "DAY", intervalNum: 1, limit: 200000 },
      { rateLimitType: "RAW_REQUESTS", interval: "MINUTE", intervalNum: 5, limit: 61000 },
    ],
    exchangeFilters: [],
    symbols: markets.map((m) => ({
      ...symbolTemplate,
      symbol: m.id,
      status: m.status,
      baseAsset: m.base,
      quoteAsset: m.quote,
    })),
  };
}

async function buildMarkets(options: FakeBinanceOptions): Promise<Market[]> {
  const given = options.symbols;
  const recorded = typeof given === "object" ? given : await recordedCandles();
  const markets = Object.entries(recorded).map(([id, candles]) => recordedMarket(id, candles));
  const count = typeof given === "number" ? given : 0;
  for (let i = 1; i <= count; i++) {
    markets.push(syntheticMarket(`SYN${String(i).padStart(3, "0")}USDT`, "TRADING", i));
  }
  for (const id of options.halted ?? []) markets.push(syntheticMarket(id, "BREAK", 7, 1e6));
  return markets;
}

/** The bundled real recordings, read through the sample exchange's strict parser. */
async function recordedCandles(): Promise<Record<string, Candle[]>> {
  const sample = createSampleExchange();
  return {
    BTCUSDT: await sample.candles("BTC/USDT", "1h", 1000),
    LTCUSDT: await sample.candles("LTC/USDT", "15m", 1000),
  };
}

function recordedMarket(id: string, recorded: Candle[]): Market {
  const quote = QUOTES.find((q) => id.endsWith(q) && id.length > q.length);
  if (quote === undefined) throw new TypeError(`Cannot tell the quote asset of "${id}"`);
  const step = recorded.length > 1 ? recorded[1].openTime - recorded[0].openTime : MINUTE;
  return {
    id,
    base: id.slice(0, -quote.length),
    quote,
    status: "TRADING",
    // Intervals finer than the recording have no data, as Binance answers for an empty range.
    candles: (interval, start = -Infinity, end = Infinity) =>
      interval < step
        ? []
        : merge(recorded, interval).filter((c) => c.openTime >= start && c.openTime < end),
  };
}

function merge(candles: Candle[], interval: number): Candle[] {
  const merged: Candle[] = [];
  for (const c of candles) {
    const openTime = Math.floor(c.openTime / interval) * interval;
    const last = merged.at(-1);
    if (last?.openTime !== openTime) merged.push({ ...c, openTime });
    else {
      Object.assign(last, {
        high: Math.max(last.high, c.high),
        low: Math.min(last.low, c.low),
        close: c.close,
        volume: last.volume + c.volume,
      });
    }
  }
  return merged;
}

/** Deterministic candles before SYNTHETIC_NOW: a smooth price path and a volume level per seed. */
function syntheticMarket(
  id: string,
  status: Market["status"],
  seed: number,
  volumeScale = 10 ** (1 + (hash(seed, 2) % 500) / 100), // 10 .. 1e6 base units a minute
): Market {
  const base = 1 + (hash(seed, 1) % 5000) / 10;
  const price = (t: number) =>
    base *
    (1 + 0.05 * Math.sin(t / (7 * HOUR) + seed) + 0.02 * Math.sin(t / (41 * MINUTE) + 2 * seed));
  return {
    id,
    base: id.slice(0, -4),
    quote: "USDT",
    status,
    candles(interval, start, end = SYNTHETIC_NOW) {
      // At most 1000 candles (the klines limit): from `start` if given, else up to the newest.
      const newest = Math.floor((Math.min(end, SYNTHETIC_NOW) - 1) / interval) * interval;
      const oldest = start === undefined
        ? newest - 999 * interval
        : Math.ceil(start / interval) * interval;
      const count = Math.max(0, Math.min(1000, (newest - oldest) / interval + 1));
      return Array.from({ length: count }, (_, i) => {
        const openTime = oldest + i * interval;
        const open = price(openTime);
        const close = price(openTime + interval);
        const wick = 1 + (hash(seed, openTime) % 100) / 20_000;
        const volume = volumeScale * (interval / MINUTE) *
          (0.5 + (hash(seed, openTime + 1) % 100) / 100);
        return {
          openTime,
          open,
          high: Math.max(open, close) * wick,
          low: Math.min(open, close) / wick,
          close,
          volume,
        };
      });
    },
  };
}

/** A small integer hash (FNV-1a with a final mix) so synthetic data is the same on every run. */
function hash(a: number, b: number): number {
  let h = 2166136261;
  for (const part of [a, b % 1e9, Math.floor(b / 1e9)]) h = Math.imul(h ^ part, 16777619);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return (h ^ (h >>> 13)) >>> 0;
}

function weightOf(url: URL): number {
  if (url.pathname === "/api/v3/exchangeInfo") return 20;
  if (url.pathname !== "/api/v3/ticker/24hr") return url.pathname === "/api/v3/klines" ? 2 : 1;
  if (url.searchParams.has("symbol")) return 2;
  const count = url.searchParams.has("symbols")
    ? url.searchParams.get("symbols")!.split(",").length
    : Infinity;
  return count <= 20 ? 2 : count <= 100 ? 40 : 80;
}

function failure(
  status: number,
  retryAfter: number | undefined,
  headers: Record<string, string>,
  weightLimit = 6000,
) {
  const body = status === 429 || status === 418
    ? {
      code: -1003,
      msg:
        `Too much request weight used; current limit is ${weightLimit} request weight per 1 MINUTE.`,
    }
    : status >= 500
    ? { code: -1001, msg: "Internal error; unable to process your request. Please try again." }
    : { code: -1000, msg: "An unknown error occurred while processing the request." };
  if (retryAfter !== undefined) headers = { ...headers, "Retry-After": String(retryAfter) };
  return Response.json(body, { status, headers });
}

/** Binance sends prices and sizes as strings with 8 decimals. */
function fixed(value: number): string {
  return value.toFixed(8);
}
