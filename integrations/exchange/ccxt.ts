import type { Exchange as CcxtClient, OHLCV, Ticker as CcxtTicker } from "ccxt";
import { IntegrationError, NetworkError, parseRetryAfter } from "../../core/errors.ts";
import { networkReason } from "../../core/network_reason.ts";
import { maskUrlsIn } from "../../core/mask_url.ts";
import { type RetryOptions, withRetry } from "../../core/retry.ts";
import type { CallOptions, Exchange } from "./mod.ts";
import type { Candle, Ticker } from "../../core/vocabulary.ts";

export interface CcxtExchangeOptions {
  /** Any ccxt exchange id: "binance", "kraken", "okx", "coinbase"... */
  exchangeId: string;
  /** Origin (plus optional path prefix) every API URL is rewritten to, e.g. a local fake. */
  baseUrl?: string;
  /** Per-request timeout. Default: ccxt's 10 s. */
  timeoutMs?: number;
  /** ccxt's own request throttle. Default true. */
  enableRateLimit?: boolean;
  /** Milliseconds the throttle keeps between requests. Default: the exchange's own figure. */
  rateLimitMs?: number;
  /** How transient failures (429, 5xx, network) are retried. Default: withRetry's 4 attempts. */
  retry?: Omit<RetryOptions, "signal">;
}

type Ccxt = typeof import("ccxt");
/** What the HTTP layer told us about a failed answer, found again from the error ccxt throws. */
type Answer = { status: number; retryAfterMs?: number };

/** An Exchange backed by ccxt; the SDK is loaded only when this is called. */
export async function createCcxtExchange(options: CcxtExchangeOptions): Promise<Exchange> {
  const ccxt: Ccxt = await import("ccxt");
  const id = options.exchangeId;
  const classes: Record<string, new (config: object) => CcxtClient> = ccxt.exchanges;
  if (!Object.hasOwn(classes, id)) {
    throw new RangeError(
      `Unknown exchange id "${id}": any ccxt exchange id works, e.g. binance, kraken, okx, ` +
        `coinbase, bybit (${Object.keys(classes).length} in all)`,
    );
  }
  const client = new classes[id]({
    enableRateLimit: options.enableRateLimit ?? true,
    ...(options.timeoutMs === undefined ? {} : { timeout: options.timeoutMs }),
    ...(options.rateLimitMs === undefined ? {} : { rateLimit: options.rateLimitMs }),
  });
  onlySpotMarkets(client);
  if (options.baseUrl !== undefined) {
    client.urls.api = rewriteOrigins(client.urls.api, options.baseUrl);
  }
  const answers = recordFailedAnswers(client);
  keepBadTickersApart(client);

  let markets: Promise<unknown> | undefined;
  // ccxt keeps a failed loadMarkets promise forever; reload on the next call instead.
  const loadMarkets = () =>
    markets ??= client.loadMarkets(true).catch((error) => {
      markets = undefined;
      throw error;
    });

  const call = <T>(request: () => Promise<T>, opts?: CallOptions): Promise<T> => {
    const signal = opts?.signal;
    // Markets first; a caller who gave up meanwhile gets no further request sent.
    const attempt = () =>
      loadMarkets().then(() => {
        signal?.throwIfAborted();
        return request();
      });
    return withRetry(async () => {
      try {
        return await untilAborted(attempt, signal);
      } catch (error) {
        throw toPortError(ccxt, id, error, answers);
      }
    }, { ...options.retry, signal });
  };

  const malformed = (what: string, symbol: string) => (problem: string) =>
    new IntegrationError(id, 502, `malformed ${what} response for ${symbol}: ${problem}`);

  return {
    id,
    async topSymbols(n, quote, opts) {
      checkCount("n", n);
      const all = await call(() => client.fetchTickers(), opts);
      // A malformed ticker only drops its own symbol from the ranking.
      const ranked = Object.values(all).filter((t) => {
        const market = t.symbol ? client.markets?.[t.symbol] : undefined;
        return market?.spot === true && market.active !== false &&
          market.quote === quote.toUpperCase();
      }).flatMap((t) => attempt(() => toTicker(t, malformed("tickers", t.symbol!))));
      return ranked.sort((a, b) => b.quoteVolume - a.quoteVolume).slice(0, n).map((t) => t.symbol);
    },
    async tickers(symbols, opts) {
      if (symbols.length === 0) return [];
      const found = await call(() => client.fetchTickers(symbols), opts);
      // One bad or missing ticker stays with its symbol; only an answer with
      // nothing usable fails, naming the first problem.
      const problems: Error[] = [];
      const good = symbols.flatMap((symbol) =>
        attempt(() => {
          const problem = malformed("tickers", symbol);
          if (found?.[symbol] === undefined) throw problem("the symbol is missing");
          return toTicker(found[symbol], problem);
        }, problems)
      );
      if (good.length === 0) throw problems[0];
      return good;
    },
    async candles(symbol, timeframe, limit, opts) {
      checkCount("limit", limit);
      const known = Object.keys(client.timeframes ?? {});
      if (known.length > 0 && !known.includes(timeframe)) {
        throw new RangeError(
          `Timeframe "${timeframe}" is not offered by ${id}: use ${known.join(", ")}`,
        );
      }
      const rows = await call(() => client.fetchOHLCV(symbol, timeframe, undefined, limit), opts);
      return toCandles(rows, malformed("klines", symbol)).slice(-limit);
    },
    async close() {
      await client.close();
    },
  };
}

/** Our port is spot only; asking for nothing else keeps market loading to one request. */
function onlySpotMarkets(client: CcxtClient): void {
  const current: unknown = client.options.fetchMarkets;
  if (Array.isArray(current) && current.includes("spot")) client.options.fetchMarkets = ["spot"];
  const types: unknown = (current as { types?: unknown } | undefined)?.types;
  if (Array.isArray(types) && types.includes("spot")) {
    client.options.fetchMarkets = { ...(current as object), types: ["spot"] };
  }
}

/** Swaps scheme and host of every URL string for `baseUrl`, keeping the path: "/api/v3" stays. */
function rewriteOrigins<T>(value: T, baseUrl: string): T {
  const base = baseUrl.replace(/\/+$/, "");
  if (typeof value === "string") {
    return value.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, base) as T;
  }
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value).map(([k, v]) => [k, rewriteOrigins(v, baseUrl)]);
  return Object.fromEntries(entries) as T;
}

/**
 * ccxt parses all tickers of an answer in one loop, so one it cannot parse
 * (a price "NaN" throws from its big-number maths) would fail them all. A
 * ticker that throws comes back empty instead, and toTicker refuses just it.
 */
function keepBadTickersApart(client: CcxtClient): void {
  const parse = client.parseTicker.bind(client);
  client.parseTicker = (raw: Record<string, unknown>, market?: Parameters<typeof parse>[1]) => {
    try {
      return parse(raw, market);
    } catch {
      const id = typeof raw?.symbol === "string" ? raw.symbol : undefined;
      let symbol = market?.symbol;
      try {
        symbol ??= client.safeSymbol(id);
      } catch { /* no symbol: the ticker is dropped with the others ccxt cannot place */ }
      return { symbol, info: raw } as ReturnType<typeof parse>;
    }
  };
}

/**
 * ccxt's errors carry neither the HTTP status nor Retry-After, so the response handler of this
 * one client is wrapped to remember both for the error it throws.
 */
function recordFailedAnswers(client: CcxtClient): WeakMap<object, Answer> {
  const answers = new WeakMap<object, Answer>();
  const handle = client.handleRestResponse.bind(client);
  client.handleRestResponse = async (...args: Parameters<CcxtClient["handleRestResponse"]>) => {
    try {
      return await handle(...args);
    } catch (error) {
      const { status, headers } = args[0] as { status: number; headers: Headers };
      const retryAfter = headers?.get?.("retry-after");
      if (error instanceof Object) {
        answers.set(error, { status, retryAfterMs: parseRetryAfter(retryAfter) });
      }
      throw error;
    }
  };
  return answers;
}

function toPortError(ccxt: Ccxt, id: string, error: unknown, answers: WeakMap<object, Answer>) {
  if (!(error instanceof ccxt.BaseError)) return error;
  const answer = answers.get(error);
  // ccxt quotes the request URL, with any credentials of the base URL in it.
  const text = maskUrlsIn(error.message);
  const message = text.length > 300 ? `${text.slice(0, 300)}…` : text;
  if (error instanceof ccxt.RateLimitExceeded || error instanceof ccxt.DDoSProtection) {
    return new IntegrationError(id, 429, message, answer?.retryAfterMs);
  }
  if (error instanceof ccxt.BadSymbol) {
    return new RangeError(`${message}: use a symbol the exchange lists, like "BTC/USDT"`);
  }
  if (error instanceof ccxt.BadResponse) return new IntegrationError(id, 502, message);
  if (answer !== undefined) {
    return new IntegrationError(id, answer.status, message, answer.retryAfterMs);
  }
  if (error instanceof ccxt.ExchangeNotAvailable) return new IntegrationError(id, 503, message);
  if (error instanceof ccxt.NetworkError) {
    // Why in a few words; the request's URL stays in the cause, for the base URL's origin.
    return new NetworkError(id, networkReason(error) ?? message, { cause: error });
  }
  if (error instanceof ccxt.BadRequest) return new IntegrationError(id, 400, message);
  return new IntegrationError(id, error instanceof ccxt.OperationFailed ? 503 : 400, message);
}

function toTicker(t: CcxtTicker, malformed: (problem: string) => Error): Ticker {
  const last = t.last ?? t.close;
  // ccxt derives quoteVolume from baseVolume * vwap where it can; some exchanges give neither.
  const quoteVolume = t.quoteVolume ??
    (t.baseVolume != null && last != null ? t.baseVolume * last : undefined);
  for (const [name, value] of [["last", last], ["quoteVolume", quoteVolume]] as const) {
    if (!isFiniteNumber(value)) throw malformed(`${name} is ${value}`);
  }
  if (t.percentage != null && !isFiniteNumber(t.percentage)) {
    throw malformed(`percentage is ${t.percentage}`);
  }
  return {
    symbol: t.symbol!,
    last: last!,
    quoteVolume: quoteVolume!,
    changePct: t.percentage ?? null,
    at: t.timestamp ?? Date.now(),
  };
}

/** Checks every row, so a bad one fails the whole answer instead of returning part of it. */
function toCandles(rows: OHLCV[], malformed: (problem: string) => Error): Candle[] {
  if (!Array.isArray(rows)) throw malformed(`got ${typeof rows}, not a list`);
  return rows.map((row, i) => {
    const fields = Array.isArray(row) ? row : [];
    const names = ["openTime", "open", "high", "low", "close", "volume"];
    names.forEach((name, j) => {
      if (!isFiniteNumber(fields[j])) throw malformed(`row ${i}: ${name} is ${fields[j]}`);
    });
    const [openTime, open, high, low, close, volume] = fields as number[];
    if (high < low) throw malformed(`row ${i}: high ${high} is below low ${low}`);
    if (volume < 0) throw malformed(`row ${i}: volume ${volume} is negative`);
    if (i > 0 && openTime <= (rows[i - 1][0] as number)) {
      throw malformed(`row ${i}: open time ${openTime} does not increase`);
    }
    return { openTime, open, high, low, close, volume };
  });
}

/** [value], or [] when making it threw (the error is kept in `problems`). */
function attempt<T>(make: () => T, problems: Error[] = []): T[] {
  try {
    return [make()];
  } catch (error) {
    problems.push(error as Error);
    return [];
  }
}

/** ccxt takes no AbortSignal: stop waiting on abort and let a request in flight end unobserved. */
function untilAborted<T>(start: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  signal?.throwIfAborted();
  const promise = start();
  if (signal === undefined) return promise;
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

function checkCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`${name} must be a positive integer, got ${value}`);
  }
}
