/**
 * The least time Phase 1 can take against fakes that each answer after a fixed latency, from
 * first principles, with everything that may overlap overlapped: ccxt's request throttle for
 * the exchange (news and sentiment alongside it), plus the slowest draft, plus the slowest
 * platform's posts one after another.
 */

/** What one Phase 1 run asked of the fakes, in the order they received it. */
export interface Phase1Trace {
  latencyMs: number;
  /** `exchange.concurrency`: candle requests in flight at once. */
  concurrency: number;
  /** Path and query of every exchange request, in arrival order. */
  exchangePaths: string[];
  /** Feed and NewsAPI requests (fetched together, up to NEWS_CONCURRENCY at a time). */
  newsRequests: number;
  fearGreedRequests: number;
  /** Messages API calls: one per draft attempt. */
  llmRequests: number;
  /** Drafts written; with one call each, the slowest draft is one latency. */
  drafts: number;
  /** Requests that create a post or a thread part, per platform (in order within each). */
  publishRequests: Record<string, number>;
}

export interface StageBound {
  /** The agent the time belongs to. */
  agent: string;
  ms: number;
  how: string;
}

export interface Phase1Bound {
  totalMs: number;
  stages: StageBound[];
  /** ccxt's `rateLimit` for binance: milliseconds per unit of request cost. */
  rateLimitMs: number;
  algorithm: string;
  /** The same floor with ccxt's throttle as written: idle time earns no tokens. */
  ccxtFloorMs: number;
  /** ccxt's cost of each exchange request, in trace order. */
  costs: number[];
}

/** scan_news.ts fetches at most this many sources at once. */
const NEWS_CONCURRENCY = 4;

type CostTable = Record<string, object>;

/**
 * ccxt's leaky bucket (capacity 1, refill 1/rateLimit per ms) lets a request through when the
 * balance is >= 0 and then debits its cost, so after a request of cost c the next one waits
 * c * rateLimit ms. Requests before the first candle request are serial (markets, then tickers):
 * each gap is max(latency, c * rateLimit). Candle requests overlap up to `concurrency`, so
 * consecutive ones are max(c * rateLimit, latency / concurrency) apart, and the last adds one
 * latency.
 */
export async function phase1Bound(trace: Phase1Trace): Promise<Phase1Bound> {
  const ccxt = await import("ccxt");
  const client = new ccxt.binance({ enableRateLimit: true });
  const rateLimitMs = client.rateLimit;
  if (typeof rateLimitMs !== "number") throw new TypeError("ccxt binance has no rateLimit");
  const table = (client.api as Record<string, Record<string, CostTable>>).public.get;
  const costs = trace.exchangePaths.map((path) => {
    const url = new URL(path, "http://exchange.invalid");
    const endpoint = url.pathname.replace(/^\/api\/v3\//, "");
    const params = Object.fromEntries(url.searchParams);
    return client.calculateRateLimiterCost(
      "public",
      "GET",
      endpoint,
      params,
      table[endpoint] ?? {},
    );
  });
  await client.close();

  const L = trace.latencyMs;
  const firstCandle = trace.exchangePaths.findIndex((p) => p.startsWith("/api/v3/klines"));
  const serial = costs.slice(0, firstCandle < 0 ? costs.length : firstCandle);
  const parallel = firstCandle < 0 ? [] : costs.slice(firstCandle);
  const candleGaps = parallel.slice(0, -1).map((c) =>
    Math.max(c * rateLimitMs, L / trace.concurrency)
  );
  const tail = parallel.length ? L : 0;
  const exchange = sum(serial.map((c) => Math.max(L, c * rateLimitMs))) + sum(candleGaps) + tail;
  const ccxtExchange = sum(serial.map((c) => L + c * rateLimitMs)) + sum(candleGaps) + tail;
  const news = Math.ceil(trace.newsRequests / NEWS_CONCURRENCY) * L + trace.fearGreedRequests * L;
  // Each draft's attempts follow one another; drafts themselves may all overlap.
  const chain = trace.drafts ? Math.ceil(trace.llmRequests / trace.drafts) : 0;
  const [slowest, posts] = Object.entries(trace.publishRequests)
    .reduce((a, b) => (b[1] > a[1] ? b : a), ["none", 0]);

  const stages: StageBound[] = [
    {
      agent: "market-scanner",
      ms: Math.max(exchange, news),
      how: `exchange ${Math.round(exchange)} ms (${serial.length} serial requests of cost ` +
        `${serial.join(", ")}; ${parallel.length} candle requests of cost ` +
        `${[...new Set(parallel)].join("/")} at max(${rateLimitMs} ms x cost, ${L} ms / ` +
        `${trace.concurrency})), news ${news} ms alongside it (${trace.newsRequests} sources ` +
        `${NEWS_CONCURRENCY} at a time, then ${trace.fearGreedRequests} Fear & Greed)`,
    },
    { agent: "analysis", ms: 0, how: "no I/O but the store" },
    { agent: "content-strategist", ms: 0, how: "no I/O but the store" },
    {
      agent: "content-creation",
      ms: chain * L,
      how: `the slowest of ${trace.drafts} drafts: ${chain} Messages call(s) x ${L} ms ` +
        `(${trace.llmRequests} calls in all)`,
    },
    {
      agent: "publishing",
      ms: posts * L,
      how: `the slowest platform, ${slowest}: ${posts} post/part creations in order x ${L} ms`,
    },
  ];
  const totalMs = sum(stages.map((s) => s.ms));
  return {
    totalMs,
    stages,
    rateLimitMs,
    algorithm: String(client.tokenBucket?.algorithm ?? "leakyBucket"),
    ccxtFloorMs: totalMs - Math.max(exchange, news) + Math.max(ccxtExchange, news),
    costs,
  };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
