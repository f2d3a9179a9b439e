/**
 * Retention: deletes rows past their age, table by table, in small batches
 * through the indexes of migration 0010. Each batch is its own statement, so no
 * lock is held for long and the daemon's own work goes on between batches.
 */
import type { Db, Param } from "./db.ts";

const DAY = 86_400_000;

export interface RetentionPolicy {
  /** Days of candles to keep per timeframe; 0 keeps them forever. */
  candles: Record<string, number>;
  /** However old, each series keeps at least this many newest candles (what analysis reads). */
  keepCandles: number;
  tickers: number;
  logs: number;
  jobRuns: number;
  postMetrics: number;
  /** Rows per DELETE statement. */
  batchSize: number;
}

export interface PruneStep {
  table: string;
  /** The series a candle step covers, e.g. "binance BTC/USDT 1m". */
  scope?: string;
  /** Rows older than this (epoch ms) go. */
  before: number;
  /** Rows deleted, or with `dryRun` rows that would be. */
  rows: number;
}

export interface PruneOptions {
  dryRun?: boolean;
  signal?: AbortSignal;
}

interface Target {
  table: string;
  scope?: string;
  /** The condition selecting old rows: its only `?` is the cutoff, then `extra`. */
  where: string;
  order: string;
  extra: Param[];
  before: number;
}

/** Applies `policy` at `now`; returns one step per table (and per candle series) touched. */
export async function prune(
  db: Db,
  policy: RetentionPolicy,
  now: number,
  options: PruneOptions = {},
): Promise<PruneStep[]> {
  const steps: PruneStep[] = [];
  for (const target of await targets(db, policy, now)) {
    if (options.signal?.aborted) break;
    const rows = options.dryRun
      ? await countOld(db, target)
      : await deleteOld(db, target, policy.batchSize, options.signal);
    steps.push({ table: target.table, scope: target.scope, before: target.before, rows });
  }
  if (!options.dryRun) await refreshStatistics(db, steps);
  return steps;
}

async function targets(db: Db, policy: RetentionPolicy, now: number): Promise<Target[]> {
  const byAge = (table: string, column: string, days: number): Target[] =>
    days > 0
      ? [{ table, where: `${column} < ?`, order: column, extra: [], before: now - days * DAY }]
      : [];
  return [
    ...await candleTargets(db, policy, now),
    ...byAge("market_tickers", "at", policy.tickers),
    ...byAge("agent_logs", "created_at", policy.logs),
    ...byAge("job_runs", "finished_at", policy.jobRuns),
    ...byAge("post_metrics", "measured_at", policy.postMetrics),
  ];
}

/** One target per series whose timeframe has a limit; its newest `keepCandles` always stay. */
async function candleTargets(db: Db, policy: RetentionPolicy, now: number): Promise<Target[]> {
  const series = await db.all<{ exchange: string; symbol: string; timeframe: string }>(
    "SELECT exchange, symbol, timeframe FROM market_series ORDER BY exchange, symbol, timeframe",
  );
  const out: Target[] = [];
  for (const s of series) {
    const days = policy.candles[s.timeframe] ?? 0;
    if (days <= 0) continue;
    const key = [s.exchange, s.symbol, s.timeframe];
    const kept = await db.all<{ open_time: number }>(
      `SELECT open_time FROM market_data WHERE exchange = ? AND symbol = ? AND timeframe = ?
       ORDER BY open_time DESC LIMIT 1 OFFSET ?`,
      [...key, Math.max(0, policy.keepCandles - 1)],
    );
    if (!kept.length) continue; // fewer candles than are always kept
    out.push({
      table: "market_data",
      scope: key.join(" "),
      where: "open_time < ? AND exchange = ? AND symbol = ? AND timeframe = ?",
      order: "open_time",
      extra: key,
      before: Math.min(now - days * DAY, Number(kept[0].open_time)),
    });
  }
  return out;
}

async function countOld(db: Db, t: Target): Promise<number> {
  const [{ n }] = await db.all<{ n: number }>(
    `SELECT COUNT(*) AS n FROM ${t.table} WHERE ${t.where}`,
    [t.before, ...t.extra],
  );
  return Number(n);
}

async function deleteOld(db: Db, t: Target, batch: number, signal?: AbortSignal) {
  let total = 0;
  for (;;) {
    const n = await db.run(
      `DELETE FROM ${t.table} WHERE id IN
         (SELECT id FROM ${t.table} WHERE ${t.where} ORDER BY ${t.order} LIMIT ?)`,
      [t.before, ...t.extra, batch],
    );
    total += n;
    if (n < batch || signal?.aborted) return total;
    // Let other work on this connection (the daemon's jobs) in between batches.
    await new Promise((r) => setTimeout(r, 0));
  }
}

/**
 * Keeps the planner's statistics true after many deletes. SQLite reuses freed
 * pages, so the file stops growing without a VACUUM (which would rewrite it
 * whole under a lock); a bounded ANALYZE refreshes its row estimates. Postgres
 * gets a plain VACUUM (no exclusive lock) with ANALYZE.
 */
async function refreshStatistics(db: Db, steps: PruneStep[]): Promise<void> {
  const tables = [...new Set(steps.filter((s) => s.rows > 0).map((s) => s.table))];
  for (const table of tables) {
    if (db.backend === "sqlite") await db.exec(`PRAGMA analysis_limit = 1000; ANALYZE ${table}`);
    else await db.exec(`VACUUM (ANALYZE) ${table}`);
  }
}

/**
 * Gives freed space back (`prune --vacuum`): SQLite rewrites the whole file,
 * locking it meanwhile; Postgres's plain VACUUM only marks space reusable.
 */
export async function compact(db: Db): Promise<void> {
  await db.exec("VACUUM");
}
