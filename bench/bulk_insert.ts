/**
 * 100k candles in one `store.marketData.upsertCandles` call (the adapter's insertMany) against
 * the same upsert through the bare driver (_raw_insert.ts), on SQLite and on Postgres. Every
 * run gets a freshly migrated, empty table; migration is outside the timing.
 */
import { COPY_THRESHOLD } from "../storage/_pg_copy.ts";
import type { Candle } from "../core/vocabulary.ts";
import { openStore, type Store } from "../storage/mod.ts";
import {
  rawPostgresCopy,
  rawPostgresUnnest,
  rawPostgresValues,
  rawSqliteInsert,
} from "./_raw_insert.ts";
import { type BenchResult, median, ms, progress, ratio, type Row, verdict } from "./_table.ts";

const ROWS = 100_000;
const RUNS = 3;
const TARGET = 0.7;
const POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/test";
const KEY = { exchange: "bench", symbol: "BTC/USDT", timeframe: "1m" };
const FETCHED_AT = Date.UTC(2025, 0, 1);

/** A seeded minute-by-minute random walk: the same candles on every run. */
function syntheticCandles(count = ROWS): Candle[] {
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  let close = 40_000;
  return Array.from({ length: count }, (_, i) => {
    const open = close;
    close = open * (1 + (random() - 0.5) * 0.002);
    return {
      openTime: FETCHED_AT - (count - i) * 60_000,
      open,
      high: Math.max(open, close) * (1 + random() * 0.001),
      low: Math.min(open, close) * (1 - random() * 0.001),
      close,
      volume: 1 + random() * 10,
    };
  });
}

/** Times `fn` on a fresh store and checks every row landed. */
async function timedOnStore(
  open: () => Promise<Store>,
  fn: (store: Store) => Promise<number>,
): Promise<number> {
  const store = await open();
  try {
    const elapsed = await fn(store);
    const [{ n }] = await store.db.all<{ n: number }>("SELECT COUNT(*) AS n FROM market_data");
    if (Number(n) !== ROWS) throw new Error(`expected ${ROWS} rows, found ${n}`);
    return elapsed;
  } finally {
    await store.close();
  }
}

const adapterInsert = (candles: Candle[]) => async (store: Store) => {
  const start = performance.now();
  await store.marketData.upsertCandles(KEY, candles, FETCHED_AT);
  return performance.now() - start;
};

async function sqliteTimes(candles: Candle[]) {
  const dir = await Deno.makeTempDir({ prefix: "creator-bench-" });
  let files = 0;
  const freshPath = () => `${dir}/bulk-${++files}.db`;
  try {
    const adapter: number[] = [], raw: number[] = [];
    // Run 0 warms both code paths up and is not counted.
    for (let i = 0; i <= RUNS; i++) {
      const mine = freshPath();
      const a = await timedOnStore(() => openStore(mine), adapterInsert(candles));
      // The store migrates the file; a second, bare connection then writes to it.
      const theirs = freshPath();
      const r = await timedOnStore(
        () => openStore(theirs),
        () => Promise.resolve(rawSqliteInsert(theirs, KEY, candles, FETCHED_AT)),
      );
      if (i > 0) adapter.push(a), raw.push(r);
    }
    return { adapter, raw };
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

async function postgresTimes(candles: Candle[]) {
  const { default: postgres } = await import("postgres");
  const admin = postgres(POSTGRES_URL, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  const schemas: string[] = [];
  const freshSchema = () => {
    const schema = `creator_bench_${crypto.randomUUID().slice(0, 8)}`;
    schemas.push(schema);
    return schema;
  };
  const adapterRun = () => {
    const schema = freshSchema();
    return timedOnStore(() => openStore(POSTGRES_URL, { schema }), adapterInsert(candles));
  };
  const rawRun = (insert: typeof rawPostgresValues) => {
    const schema = freshSchema();
    return timedOnStore(() => openStore(POSTGRES_URL, { schema }), async () => {
      const sql = postgres(POSTGRES_URL, {
        max: 1,
        onnotice: () => {},
        connection: { search_path: schema },
      });
      try {
        await sql`SELECT 1`; // connected before the clock starts, as the store already is
        return await insert(sql, KEY, candles, FETCHED_AT);
      } finally {
        await sql.end({ timeout: 5 });
      }
    });
  };
  try {
    await admin`SELECT 1`;
    const times: Record<"adapter" | "values" | "unnest" | "copy", number[]> = {
      adapter: [],
      values: [],
      unnest: [],
      copy: [],
    };
    for (let i = 0; i < RUNS; i++) {
      times.adapter.push(await adapterRun());
      times.values.push(await rawRun(rawPostgresValues));
      times.unnest.push(await rawRun(rawPostgresUnnest));
      times.copy.push(await rawRun(rawPostgresCopy));
    }
    return times;
  } finally {
    for (const schema of schemas) await admin.unsafe(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end({ timeout: 5 });
  }
}

function row(backend: string, adapterMs: number, rawMs: number, rawName: string): Row {
  const relative = rawMs / adapterMs;
  return {
    benchmark: `4. bulk upsert 100k candles, ${backend}`,
    measured: `${ms(adapterMs)} (adapter)`,
    baseline: `${ms(rawMs)} (${rawName})`,
    ratio: ratio(relative),
    target: `>= ${TARGET.toFixed(1)}x`,
    verdict: verdict(relative >= TARGET),
  };
}

export async function benchBulkInsert(): Promise<BenchResult> {
  const candles = syntheticCandles();
  progress(`bulk insert: SQLite, ${RUNS} runs each of adapter and raw`);
  const lite = await sqliteTimes(candles);
  const rows = [row("SQLite", median(lite.adapter), median(lite.raw), "raw node:sqlite")];
  const list = (values: number[]) => values.map(ms).join(", ");
  const notes = [
    `4. ${ROWS / 1000}k candles of one series, one \`store.marketData.upsertCandles\` call ` +
    `(db.insertMany with the ON CONFLICT ... DO UPDATE upsert) vs the same statement through ` +
    `the bare driver in one transaction; each run on a freshly migrated empty table (temp ` +
    `file / new schema, dropped after), migration untimed, row count checked after every run; ` +
    `median of ${RUNS}. Ratio = raw time / adapter time (1.0 = as fast as the driver).`,
    `   SQLite (WAL, synchronous=NORMAL on both sides): adapter ${list(lite.adapter)}; raw ` +
    `multi-row statements of 2,000 parameters, prepared once, in BEGIN IMMEDIATE/COMMIT ` +
    `${list(lite.raw)}.`,
  ];
  progress(`bulk insert: Postgres, ${RUNS} runs each of adapter and three raw ways`);
  try {
    const pg = await postgresTimes(candles);
    const raws = [
      { name: "raw multi-row VALUES", times: pg.values },
      { name: "raw unnest()", times: pg.unnest },
      { name: "raw COPY + staged upsert", times: pg.copy },
    ];
    const best = raws.toSorted((a, b) => median(a.times) - median(b.times))[0];
    rows.push(row("Postgres", median(pg.adapter), median(best.times), best.name));
    notes.push(
      `   Postgres 127.0.0.1:5432/test via porsager postgres: adapter ${list(pg.adapter)} ` +
        `(insertMany: from ${COPY_THRESHOLD} rows on, COPY into a staging table, then the ` +
        `upsert, in one transaction). Raw, each in sql.begin on one connection: multi-row VALUES of 6553 rows ` +
        `${list(pg.values)}; one INSERT ... SELECT FROM unnest() of ten typed arrays ` +
        `${list(pg.unnest)}; COPY FROM STDIN into a temp table, then INSERT ... SELECT with the ` +
        `same upsert ${list(pg.copy)}. Baseline = the fastest raw way (${best.name}).`,
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    rows.push({
      benchmark: "4. bulk upsert 100k candles, Postgres",
      measured: "not run",
      baseline: "-",
      ratio: "-",
      target: `>= ${TARGET.toFixed(1)}x`,
      verdict: "NOT RUN",
    });
    notes.push(`   Postgres not measured: ${reason}`);
  }
  return { rows, notes };
}
