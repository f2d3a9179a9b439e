import type { Agent, Context } from "../../core/agent.ts";
import { settleLimit } from "../../core/pool.ts";
import type { Exchange } from "../../integrations/exchange/mod.ts";
import { scanNews } from "./scan_news.ts";

/**
 * Prices and volume through the exchange, news through the feeds, sentiment
 * through Fear & Greed and the news itself. Every write is an upsert, so a
 * re-run adds nothing twice. A failing feed is skipped; a failing market series
 * fails the run, after the rest is stored, and never leaves half a series.
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
    const summary = `${market.symbols} symbols, ${market.candles} candles written, ` +
      `${news.articles} new articles, ${news.sentiment} sentiment points` +
      (news.skipped.length ? `; skipped: ${news.skipped.join(", ")}` : "");
    if (market.failures.length) {
      throw new Error(
        `${market.failures.length} market series failed (${market.failures.join("; ")}); ` +
          `everything else was stored (${summary})`,
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

async function scanMarket(ctx: Context) {
  const { config, store, clock, log } = ctx;
  const exchange = await ctx.integrations.exchange();
  const symbols = await chooseSymbols(ctx, exchange);
  log.info(`scanning ${symbols.length} symbols on ${exchange.id}`, {
    timeframes: config.exchange.timeframes,
  });
  const now = clock.now();
  const tickers = await exchange.tickers(symbols, { signal: ctx.signal });
  const tickersWritten = await store.marketData.upsertTickers(exchange.id, tickers);

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
  const failures: string[] = [];
  let read = tickers.length, candles = 0;
  results.forEach((r, i) => {
    if (r.status === "fulfilled") {
      read += r.value.read;
      candles += r.value.written;
    } else {
      const reason = r.reason instanceof Error ? r.reason.message : String(r.reason);
      failures.push(`${jobs[i].symbol} ${jobs[i].timeframe}: ${reason}`);
      log.error(`candles failed for ${jobs[i].symbol} ${jobs[i].timeframe}`, { error: reason });
    }
  });
  return { symbols: symbols.length, read, candles, tickers: tickersWritten, failures };
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
