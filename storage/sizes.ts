import type { Db } from "./db.ts";

export interface TableSize {
  table: string;
  rows: number;
  /** False when the table is past `exactUpTo` and `rows` is the planner's estimate. */
  exact: boolean;
}

/** Tables `creator status` counts, in pipeline order. */
export const TABLES = [
  "market_data",
  "market_tickers",
  "news_articles",
  "sentiment_data",
  "insights",
  "content_plans",
  "drafts",
  "published_content",
  "images",
  "agent_logs",
  "job_runs",
  "moderation_actions",
  "community_users",
  "user_interactions",
  "post_metrics",
  "subscriptions",
  "memberships",
  "ab_tests",
  "arm_weights",
  "performance_snapshots",
  "learning_changes",
] as const;

/** Above this many rows a count is estimated: an exact one reads the whole table. */
export const EXACT_UP_TO = 10_000;

/**
 * Row counts whose cost does not grow with history: each table is counted up
 * to `exactUpTo` rows; a larger one reports the planner's estimate (Postgres
 * pg_class, SQLite sqlite_stat1 as left by ANALYZE, which `creator prune`
 * runs), or `exactUpTo` + 1 when there is none yet.
 */
export async function tableSizes(
  db: Db,
  tables: readonly string[],
  exactUpTo = EXACT_UP_TO,
): Promise<TableSize[]> {
  if (tables.length === 0) return [];
  // One round trip for every table: on Postgres each query is a trip to the server.
  const capped = await db.all<{ t: string; n: number }>(
    tables.map((table, i) =>
      `SELECT '${table}' AS t, (SELECT COUNT(*) FROM (SELECT 1 FROM ${table} ` +
      `LIMIT ${exactUpTo + 1}) AS c${i}) AS n`
    ).join(" UNION ALL "),
  );
  const counted = new Map(capped.map((r) => [r.t, Number(r.n)]));
  const out: TableSize[] = [];
  for (const table of tables) {
    const rows = counted.get(table) ?? 0;
    if (rows <= exactUpTo) out.push({ table, rows, exact: true });
    else out.push({ table, rows: Math.max(rows, await estimate(db, table) ?? 0), exact: false });
  }
  return out;
}

async function estimate(db: Db, table: string): Promise<number | null> {
  if (db.backend === "postgres") {
    const rows = await db.all<{ n: number }>(
      `SELECT reltuples AS n FROM pg_class
       WHERE oid = to_regclass(current_schema() || '.' || ?)`,
      [table],
    );
    return rows.length && Number(rows[0].n) > 0 ? Number(rows[0].n) : null;
  }
  const stat = await db.all<{ n: number }>(
    "SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'",
  );
  if (!stat.length) return null;
  // One row per index, each starting with the rows it covers; a partial index covers fewer.
  const rows = await db.all<{ stat: string }>("SELECT stat FROM sqlite_stat1 WHERE tbl = ?", [
    table,
  ]);
  const n = Math.max(0, ...rows.map((r) => Number(r.stat.split(" ")[0]) || 0));
  return n > 0 ? n : null;
}
