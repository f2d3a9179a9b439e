import assert from "node:assert/strict";
import { CANDLE_COLUMNS } from "./market_data.ts";
import { migrate } from "./migrate.ts";
import { testBackends } from "./test_backends.ts";

const MIGRATIONS = new URL("../migrations/", import.meta.url);

/** The migrations before `version`, copied to a folder of their own. */
async function migrationsBefore(version: number): Promise<URL> {
  const dir = await Deno.makeTempDir({ prefix: "creator-migrations-" });
  for await (const { name } of Deno.readDir(MIGRATIONS)) {
    if (/^\d{4}_.*\.sql$/.test(name) && Number(name.slice(0, 4)) < version) {
      await Deno.copyFile(new URL(name, MIGRATIONS), `${dir}/${name}`);
    }
  }
  return new URL(`file://${dir}/`);
}

testBackends(
  "migration 0005 removes the implausible market rows earlier versions stored and keeps the rest",
  async ({ open }) => {
    const store = await open({ migrate: false });
    const before = await migrationsBefore(5);
    try {
      await migrate(store.db, before);
      const candle = (
        symbol: string,
        openTime: number,
        close: number,
      ) => ["binance", symbol, "1h", openTime, close, close, close, close, 1, 0];
      await store.db.insertMany("market_data", CANDLE_COLUMNS, [
        candle("BTC/USDT", Date.UTC(2025, 0, 1), 97000),
        candle("BTC/USDT", Date.UTC(2500, 0, 1), 97000),
        candle("LTC/USDT", Date.UTC(2025, 0, 1), 0),
        candle("LTC/USDT", Date.UTC(2025, 0, 2), 1e308),
        candle("X'); DROP TABLE x;--", Date.UTC(2025, 0, 1), 1),
      ]);
      await migrate(store.db);
      const rows = await store.db.all<{ symbol: string; close: number }>(
        "SELECT symbol, close FROM market_data",
      );
      assert.deepEqual(rows.map((r) => [r.symbol, Number(r.close)]), [["BTC/USDT", 97000]]);
    } finally {
      await store.close();
      await Deno.remove(before, { recursive: true });
    }
  },
);

testBackends(
  "migration 0013 removes the articles, readings, candles and tickers dated in the future",
  async ({ open }) => {
    const store = await open({ migrate: false });
    const before = await migrationsBefore(12);
    try {
      await migrate(store.db, before);
      const now = Date.now();
      const past = now - 3600_000, soon = now + 60_000, future = Date.UTC(2500, 0, 1);
      const later = now + 3600_000;
      await store.sentiment.record([past, soon, later, future].map((at) => ({
        source: "alternative.me",
        metric: "fear_greed",
        value: 40,
        label: "Fear",
        at,
      })));
      await store.news.insertArticles(
        [past, later].map((publishedAt) => ({
          url: `https://news.example/${publishedAt}`,
          title: "A story",
          summary: "",
          source: "News",
          publishedAt,
          sentiment: 0,
        })),
        now,
      );
      const candle = (
        openTime: number,
      ) => ["binance", "BTC/USDT", "1h", openTime, 1, 1, 1, 1, 1, 0];
      await store.db.insertMany("market_data", CANDLE_COLUMNS, [candle(past), candle(later)]);
      await store.db.insertMany(
        "market_tickers",
        ["exchange", "symbol", "at", "last", "quote_volume", "change_pct"],
        [["binance", "BTC/USDT", past, 1, 1, 0], ["binance", "BTC/USDT", later, 1, 1, 0]],
      );
      await migrate(store.db);
      const times = async (sql: string) =>
        (await store.db.all<{ t: number }>(sql)).map((r) => Number(r.t));
      // Within the five minutes of skew the readers allow: kept.
      assert.deepEqual(
        await times("SELECT measured_at AS t FROM sentiment_data ORDER BY t"),
        [past, soon],
      );
      assert.deepEqual(await times("SELECT published_at AS t FROM news_articles"), [past]);
      assert.deepEqual(await times("SELECT open_time AS t FROM market_data"), [past]);
      assert.deepEqual(await times("SELECT at AS t FROM market_tickers"), [past]);
      const latest = await store.sentiment.latest("alternative.me", "fear_greed", 1);
      assert.equal(latest[0].at, soon, "the latest reading is a real one again");
    } finally {
      await store.close();
      await Deno.remove(before, { recursive: true });
    }
  },
);
