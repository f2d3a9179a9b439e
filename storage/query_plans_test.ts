/**
 * Every hot query of a command, as the repositories send it, planned on
 * tables large enough (30k rows, with statistics) that each planner prefers an
 * index wherever one serves: none may read a large table whole. A large table
 * is only walked when the statement stops at a LIMIT without sorting first.
 */
import assert from "node:assert/strict";
import type { Db, Param, Row } from "./db.ts";
import { createStore, type Store } from "./mod.ts";
import { TABLES, tableSizes } from "./sizes.ts";
import { testBackends } from "./test_backends.ts";

const BIG = ["market_data", "agent_logs", "market_tickers", "job_runs"];
const ROWS = 30_000;
const NOW = 1_000 * 86_400_000;

interface Sent {
  sql: string;
  params: Param[];
}

/** The same database, remembering every statement the repositories send. */
function recording(db: Db, sent: Sent[]): Db {
  const note = (sql: string, params: Param[] = []) => sent.push({ sql, params });
  return {
    ...db,
    all: <T = Row>(sql: string, params?: Param[]) => (note(sql, params), db.all<T>(sql, params)),
    run: (sql, params) => (note(sql, params), db.run(sql, params)),
  };
}

/** One command's queries each, by name; run against the recording store. */
const HOT_PATHS: Record<string, (s: Store) => Promise<unknown>> = {
  "status: last runs": (s) => s.logs.lastRuns(["analysis", "publishing", "market-scanner"]),
  // With the cap at 1,000 the large tables here are as far past it as a year's are past
  // 10,000: they are sized without being counted.
  "status: row counts": (s) => tableSizes(s.db, TABLES, 1_000),
  "logs": (s) => s.logs.query({ limit: 100 }),
  "logs --agent": (s) => s.logs.query({ agent: "analysis", limit: 100 }),
  "logs --since": (s) => s.logs.query({ since: NOW - 3_600_000, limit: 100 }),
  "logs --level warn": (s) => s.logs.query({ level: "warn", limit: 100 }),
  "analyze: series": (s) => s.marketData.seriesKeys(),
  "analyze: candles": (s) =>
    s.marketData.candles({ exchange: "binance", symbol: "S7/USDT", timeframe: "1m" }, 200),
  "plan: caps": (s) => s.plans.scheduledByPlatform(NOW - 86_400_000, NOW + 3 * 86_400_000),
  "plan: cooldowns": (s) => s.insights.plannedSince(NOW - 6 * 3_600_000),
  "prune --dry-run": (s) => s.prune(policy, NOW, { dryRun: true }),
  "prune": (s) => s.prune(policy, NOW),
};

const policy = {
  candles: { "1m": 90 },
  keepCandles: 200,
  tickers: 30,
  logs: 30,
  jobRuns: 30,
  postMetrics: 365,
  batchSize: 5000,
};

testBackends("no hot query of a command reads a large table whole", async (t) => {
  const store = await t.open();
  try {
    await seed(store.db);
    for (const [name, call] of Object.entries(HOT_PATHS)) {
      const sent: Sent[] = [];
      await call(createStore(recording(store.db, sent)));
      assert.ok(sent.length, `${name} sent no query`);
      for (const q of sent) {
        if (/^\s*(PRAGMA|VACUUM|ANALYZE)/i.test(q.sql)) continue;
        const problem = store.db.backend === "sqlite"
          ? await sqliteProblem(store.db, q)
          : await postgresProblem(store.db, q);
        assert.equal(problem, null, `${name}: ${problem}\n${q.sql}`);
      }
    }
  } finally {
    await store.close();
  }
});

async function sqliteProblem(db: Db, q: Sent): Promise<string | null> {
  const plan = (await db.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${q.sql}`, q.params))
    .map((r) => r.detail);
  const limited = /\bLIMIT\b/i.test(q.sql) && !plan.some((d) => /TEMP B-TREE/.test(d));
  for (const d of plan) {
    const m = /^SCAN (\w+)( USING)?/.exec(d);
    if (m && BIG.includes(m[1]) && !(m[2] && limited)) return `plan reads ${m[1]} whole: ${d}`;
  }
  return null;
}

interface PgNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Cond"?: string;
  Plans?: PgNode[];
}

async function postgresProblem(db: Db, q: Sent): Promise<string | null> {
  const [row] = await db.all<{ "QUERY PLAN": [{ Plan: PgNode }] }>(
    `EXPLAIN (FORMAT JSON) ${q.sql}`,
    q.params,
  );
  const walk = (n: PgNode, limited: boolean): string | null => {
    const table = n["Relation Name"];
    if (table && BIG.includes(table)) {
      if (n["Node Type"] === "Seq Scan") return `Seq Scan on ${table}`;
      if (/Index/.test(n["Node Type"]) && !n["Index Cond"] && !limited) {
        return `${n["Node Type"]} over all of ${table}`;
      }
    }
    const below = limited || n["Node Type"] === "Limit";
    for (const child of n.Plans ?? []) {
      if (n["Node Type"] === "Sort") return walk(child, false) ?? null;
      const found = walk(child, below);
      if (found) return found;
    }
    return null;
  };
  return walk(row["QUERY PLAN"][0].Plan, false);
}

/** Candles over 100 series, log rows (5% warnings), tickers and runs: ROWS of each. */
async function seed(db: Db): Promise<void> {
  const n = db.backend === "sqlite"
    ? (select: string) =>
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${ROWS}) ${select} FROM n`
    : (select: string) => `${select} FROM generate_series(1, ${ROWS}) AS n(i)`;
  const insert = (table: string, columns: string, select: string) =>
    db.exec(
      db.backend === "sqlite"
        ? n(`INSERT INTO ${table} (${columns}) SELECT ${select}`).replace(
          /^WITH RECURSIVE (.*?\)) INSERT/s,
          "WITH RECURSIVE $1 INSERT",
        )
        : `INSERT INTO ${table} (${columns}) ${n(`SELECT ${select}`)}`,
    );
  await insert(
    "market_data",
    "exchange, symbol, timeframe, open_time, open, high, low, close, volume, fetched_at",
    `'binance', 'S' || (i % 100) || '/USDT', '1m', ${NOW} - (i / 100) * 60000, 1, 2, 0.5, 1.5, 3, 0`,
  );
  await db.exec(
    "INSERT INTO market_series (exchange, symbol, timeframe) " +
      "SELECT DISTINCT exchange, symbol, timeframe FROM market_data",
  );
  await insert(
    "agent_logs",
    "run_id, agent, level, event, message, created_at",
    `'r' || (i / 10), CASE i % 5 WHEN 0 THEN 'analysis' WHEN 1 THEN 'publishing' ELSE 'market-scanner' END,
     CASE WHEN i % 20 = 0 THEN 'warn' ELSE 'info' END,
     CASE i % 10 WHEN 0 THEN 'start' WHEN 9 THEN 'end' ELSE 'log' END, 'm', ${NOW} - i * 1000`,
  );
  await insert(
    "market_tickers",
    "exchange, symbol, at, last, quote_volume",
    `'binance', 'S' || (i % 100) || '/USDT', ${NOW} - i * 1000, 1, 1`,
  );
  await insert(
    "job_runs",
    "job, slot, owner, status, lease_until, started_at, finished_at",
    `'scan', i, 'me', 'ok', 0, ${NOW} - CAST(i AS BIGINT) * 27000, ${NOW} - CAST(i AS BIGINT) * 27000`,
  );
  await db.exec("ANALYZE");
}
