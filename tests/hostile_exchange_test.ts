/**
 * A hostile exchange through the real ccxt: symbols carrying SQL or a
 * megabyte of text, prices of 1e308 and zero, candles from the year 2500 and
 * tickers that are NaN or missing. Nothing of it is stored, each problem stays
 * with its own series, and news is scanned all the same.
 */
import assert from "node:assert/strict";
import { marketScanner } from "../agents/foundation/market_scanner.ts";
import { ConfigSchema } from "../core/config_schema.ts";
import { createLogger, type LogRecord } from "../core/log.ts";
import { runAgent } from "../core/runner.ts";
import type { Store } from "../storage/mod.ts";
import { testBackends } from "../storage/test_backends.ts";
import { type Rewrite, startRewritingFront } from "./_rewriting_front.ts";
import { type Harness, withHarness } from "./harness.ts";

const SQL_BASE = "X'); DROP TABLE market_data;--";
const HUGE_BASE = "A".repeat(256 * 1024);

async function scanThrough(h: Harness, store: Store, rewrite: Rewrite, exchange = {}) {
  const front = startRewritingFront(h.binance.url, rewrite);
  const lines: LogRecord[] = [];
  try {
    const config = ConfigSchema.parse({
      ...h.config,
      exchange: { ...h.config.exchange, ...exchange },
      baseUrls: { ...h.config.baseUrls, exchange: front.url },
    });
    const ctx = h.context(store, { config, log: createLogger([(r) => lines.push(r)], "debug") });
    const outcome = await runAgent(marketScanner, ctx);
    return { outcome, log: lines.map((r) => `${r.level} ${r.message}`) };
  } finally {
    await front.close();
  }
}

async function stored(store: Store, table: string) {
  const rows = await store.db.all<{ symbol: string; n: number }>(
    `SELECT symbol, COUNT(*) AS n FROM ${table} GROUP BY symbol ORDER BY symbol`,
  );
  return Object.fromEntries(rows.map((r) => [r.symbol, Number(r.n)]));
}

/** Lists hostile symbols first, with the most volume, so top-N picks them. */
const hostileListing: Rewrite = (path, _params, body) => {
  if (path === "/api/v3/exchangeInfo") {
    const info = body as { symbols: Record<string, unknown>[] };
    const template = info.symbols[0];
    for (const base of [SQL_BASE, HUGE_BASE]) {
      info.symbols.push({ ...template, symbol: `${base}USDT`, baseAsset: base });
    }
  }
  if (path === "/api/v3/ticker/24hr" && Array.isArray(body)) {
    const template = body[0] as Record<string, unknown>;
    for (const base of [SQL_BASE, HUGE_BASE]) {
      body.push({ ...template, symbol: `${base}USDT`, quoteVolume: "999999999999" });
    }
  }
  return body;
};

/** BTC's candles end in the year 2500; one LTC close is 1e308. */
const hostileNumbers: Rewrite = (path, params, body) => {
  if (path === "/api/v3/klines" && Array.isArray(body)) {
    const rows = body as unknown[][];
    if (params.get("symbol") === "BTCUSDT") rows[rows.length - 1][0] = Date.UTC(2500, 0, 1);
    if (params.get("symbol") === "LTCUSDT") rows[rows.length - 1][4] = "1e308";
  }
  return hostileListing(path, params, body);
};

testBackends(
  "hostile symbols and implausible numbers are refused with a log line and nothing of them is stored",
  ({ open }) =>
    withHarness(open, async (h, store) => {
      const { outcome, log } = await scanThrough(h, store, hostileNumbers, { topN: 4 });
      assert.equal(outcome.status, "ok", outcome.error ?? "");
      const shown = log.join("\n");
      assert.ok(log.includes("info scanning 2 symbols on binance"), shown);
      assert.ok(
        log.some((l) => l.startsWith("warn refused 2 symbols that are not BASE/QUOTE: ")),
        shown,
      );
      assert.ok(log.every((l) => l.length < 400), "no line echoes a huge symbol");
      assert.ok(
        log.some((l) =>
          /^warn refused the BTC\/USDT 1h series: row \d+: time 2500-01-01T00:00:00\.000Z is in the future$/
            .test(l)
        ),
        shown,
      );
      assert.ok(
        log.some((l) =>
          /^warn refused the LTC\/USDT 1h series: row \d+: close 1e\+308 is beyond any real price$/
            .test(l)
        ),
        shown,
      );
      assert.deepEqual(await stored(store, "market_data"), {});
      assert.deepEqual(await stored(store, "market_tickers"), { "BTC/USDT": 1, "LTC/USDT": 1 });
      const articles = await store.db.all("SELECT url FROM news_articles");
      assert.ok(articles.length > 0, "news is scanned whatever the exchange said");
    }),
);

testBackends(
  "a NaN ticker drops only its own ticker: the other ticker and every series are stored",
  ({ open }) =>
    withHarness(open, async (h, store) => {
      const { outcome, log } = await scanThrough(h, store, (path, _params, body) => {
        if (path === "/api/v3/ticker/24hr" && Array.isArray(body)) {
          for (const t of body as Record<string, unknown>[]) {
            if (t.symbol === "BTCUSDT") t.lastPrice = "NaN";
          }
        }
        return body;
      });
      assert.equal(outcome.status, "ok", outcome.error ?? "");
      assert.ok(log.includes("warn no usable ticker for BTC/USDT"), log.join("\n"));
      assert.deepEqual(await stored(store, "market_tickers"), { "LTC/USDT": 1 });
      assert.deepEqual(Object.keys(await stored(store, "market_data")), ["BTC/USDT", "LTC/USDT"]);
    }),
);

testBackends(
  "an empty ticker answer fails only the tickers: candles and news are still stored",
  ({ open }) =>
    withHarness(open, async (h, store) => {
      const { outcome } = await scanThrough(h, store, (path, params, body) =>
        path === "/api/v3/ticker/24hr" && params.has("symbols") ? [] : body);
      assert.equal(outcome.status, "failed");
      assert.match(
        outcome.error ?? "",
        /^1 market series failed \(tickers: .*the symbol is missing/,
      );
      assert.deepEqual(await stored(store, "market_tickers"), {});
      assert.deepEqual(Object.keys(await stored(store, "market_data")), ["BTC/USDT", "LTC/USDT"]);
      const articles = await store.db.all("SELECT url FROM news_articles");
      assert.ok(articles.length > 0);
    }),
);
