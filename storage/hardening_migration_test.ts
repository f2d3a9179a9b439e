import assert from "node:assert/strict";
import { CANDLE_COLUMNS } from "./market_data.ts";
import { migrate } from "./migrate.ts";
import { testBackends } from "./test_backends.ts";

/** The migrations before 0005, copied to a folder of their own. */
async function earlierMigrations(): Promise<URL> {
  const dir = await Deno.makeTempDir({ prefix: "creator-migrations-" });
  for (const name of ["0001_init.sql", "0002_job_runs.sql", "0003_audience.sql"]) {
    await Deno.copyFile(new URL(`../migrations/${name}`, import.meta.url), `${dir}/${name}`);
  }
  return new URL(`file://${dir}/`);
}

testBackends(
  "migration 0005 removes the implausible market rows earlier versions stored and keeps the rest",
  async ({ open }) => {
    const store = await open({ migrate: false });
    const before = await earlierMigrations();
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
