import type { Agent, Context } from "../../core/agent.ts";
import { settleLimit } from "../../core/pool.ts";
import type { Exchange } from "../../integrations/exchange/mod.ts";
import { cleanLine } from "../../core/clean_text.ts";
import { CircuitOpenError, IntegrationError, NetworkError } from "../../core/errors.ts";
import { candleProblem, isSymbol, showSymbol, tickerProblem } from "./market_intake.ts";
import { scanNews } from "./scan_news.ts";

/**
 * Prices and volume through the exchange, news through the feeds, sentiment
 * through Fear & Greed and the news itself. Every write is an upsert, so a
 * re-run adds nothing twice. A failure stays with its own series or source:
 * a failing feed is skipped; a failing market series fails the run, after the
 * rest (news included) is stored, and never leaves half a series. Data that
 * fails the intake checks (market_intake.ts) is refused with a log line and
 * not stored; refusing is not a failure.
 */
export const marketScanner: Agent = {
  name: "market-scanner",
  phase: "foundation",
  description: "Scans exchange prices and volume (ccxt), news feeds and market sentiment.",
  async run(ctx) {
    // News and sentiment come from other services than the exchange: fetched
    // while the market scan waits on the exchange's rate limit, not after it.
    const [marketRun, newsRun] = await Promise.allSettled([scanMarket(ctx), scanNews(ctx)]);
    if (marketRun.status === "rejected") throw marketRun.reason;
    if (newsRun.status === "rejected") throw newsRun.reason;
    const market = marketRun.value, news = newsRun.value;
    const refused = market.refused.length ? `; refused: ${market.refused.join(", ")}` : "";
    const summary = `${market.symbols} symbols, ${market.candles} candles written, ` +
      `${news.articles} new articles, ${news.sentiment} sentiment points` +
      (news.skippedText ? `; skipped: ${news.skippedText}` : "") + refused;
    if (market.down) throw new Error(`${market.down}; the rest was stored (${summary})`);
    if (market.failures.length) {
      throw new Error(
        `${market.failures.length} market series failed (${market.failures.join("; ")}); ` +
          `the rest was stored (${summary})`,
      );
    }
    return {
      read: market.read + news.read,
      written: market.candles + market.tickers + news.articles + news.sentiment,
      summary,
      details: { ...market, news },
    };
  },
};

interface MarketScan {
  symbols: number;
  read: number;
  candles: number;
  tickers: number;
  /** What could not be fetched: these fail the run. */
  failures: string[];
  /** What was fetched and refused by the intake checks. */
  refused: string[];
  /** Why the exchange was left alone for this run: it could not be reached, or kept failing. */
  down?: string;
}

async function scanMarket(ctx: Context): Promise<MarketScan> {
  const scan: MarketScan = {
    symbols: 0,
    read: 0,
    candles: 0,
    tickers: 0,
    failures: [],
    refused: [],
  };
  const fail = (what: string, error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    scan.failures.push(`${what}: ${reason}`);
    ctx.log.error(`market data failed for ${what}`, { error: reason });
  };
  const exchange = await ctx.integrations.exchange();
  let symbols: string[];
  try {
    symbols = checkSymbols(ctx, await chooseSymbols(ctx, exchange), scan);
  } catch (error) {
    if (isDown(error)) return { ...scan, down: (error as Error).message };
    fail("symbol list", error);
    return scan;
  }
  scan.symbols = symbols.length;
  ctx.log.info(`scanning ${symbols.length} symbols on ${exchange.id}`, {
    timeframes: ctx.config.exchange.timeframes,
  });
  try {
    await scanTickers(ctx, exchange, symbols, scan);
  } catch (error) {
    // An exchange that is down is not asked again for every series: one scan, one failure.
    if (isDown(error)) return { ...scan, down: (error as Error).message };
    fail("tickers", error);
  }
  await scanCandles(ctx, exchange, symbols, scan, fail);
  return scan;
}

/**
 * The exchange cannot be reached, its circuit is open, or it answers 429 or a
 * 5xx after the retries. A 502 is left out: it is also what a malformed
 * answer is reported as, and that stays with the tickers.
 */
function isDown(error: unknown): boolean {
  if (error instanceof NetworkError || error instanceof CircuitOpenError) return true;
  return error instanceof IntegrationError && error.transient && error.status !== 502;
}

/** Symbols that are not BASE/QUOTE (SQL, megabytes of text) never reach storage or a post. */
function checkSymbols(ctx: Context, symbols: string[], scan: MarketScan): string[] {
  const bad = symbols.filter((s) => !isSymbol(s));
  if (bad.length) {
    const shown = bad.slice(0, 3).map(showSymbol).join(", ") + (bad.length > 3 ? ", ..." : "");
    ctx.log.warn(`refused ${bad.length} symbols that are not BASE/QUOTE: ${shown}`);
    scan.refused.push(`${bad.length} malformed symbols`);
  }
  return [...new Set(symbols.filter(isSymbol))];
}

async function scanTickers(ctx: Context, exchange: Exchange, symbols: string[], scan: MarketScan) {
  const now = ctx.clock.now();
  const tickers = await exchange.tickers(symbols, { signal: ctx.signal });
  scan.read += tickers.length;
  const fit = tickers.filter((t) => {
    const problem = symbols.includes(t.symbol) ? tickerProblem(t, now) : "not asked for";
    if (problem) {
      ctx.log.warn(`refused the ticker of ${showSymbol(t.symbol)}: ${problem}`);
      scan.refused.push(`ticker ${cleanLine(t.symbol, 40)}`);
    }
    return !problem;
  });
  const missing = symbols.filter((s) => !tickers.some((t) => t.symbol === s));
  if (missing.length) ctx.log.warn(`no usable ticker for ${missing.join(", ")}`);
  scan.tickers = await ctx.store.marketData.upsertTickers(exchange.id, fit);
}

async function scanCandles(
  ctx: Context,
  exchange: Exchange,
  symbols: string[],
  scan: MarketScan,
  fail: (what: string, error: unknown) => void,
) {
  const { config, store, clock, log } = ctx;
  const now = clock.now();
  const jobs = symbols.flatMap((symbol) =>
    config.exchange.timeframes.map((timeframe) => ({ symbol, timeframe }))
  );
  const bar = ctx.progress.start("candles", jobs.length);
  const results = await settleLimit(
    jobs,
    config.exchange.concurrency,
    async ({ symbol, timeframe }) => {
      try {
        const candles = await exchange.candles(symbol, timeframe, config.exchange.candles, {
          signal: ctx.signal,
        });
        const problem = candleProblem(candles, now);
        if (problem) {
          log.warn(`refused the ${symbol} ${timeframe} series: ${problem}`);
          scan.refused.push(`${symbol} ${timeframe}`);
          return { read: candles.length, written: 0 };
        }
        const key = { exchange: exchange.id, symbol, timeframe };
        // The repositories of `tx`, not `store`: on Postgres only they run on the
        // transaction's connection (others would wait for a pool slot it holds).
        const written = await store.transaction((tx) =>
          tx.marketData.upsertCandles(key, candles, now)
        );
        return { read: candles.length, written };
      } finally {
        bar.tick();
      }
    },
  );
  bar.done();
  results.forEach((r, i) => {
    if (r.status === "fulfilled") {
      scan.read += r.value.read;
      scan.candles += r.value.written;
    } else fail(`${jobs[i].symbol} ${jobs[i].timeframe}`, r.reason);
  });
}

/** The configured list, or the top N by quote volume; the sample has its own symbols. */
function chooseSymbols(ctx: Context, exchange: Exchange): Promise<string[]> {
  const { topN, quote, symbols } = ctx.config.exchange;
  if (ctx.integrations.source === "sample") {
    return exchange.topSymbols(100, quote, { signal: ctx.signal });
  }
  if (topN > 0) return exchange.topSymbols(topN, quote, { signal: ctx.signal });
  return Promise.resolve(symbols);
}
