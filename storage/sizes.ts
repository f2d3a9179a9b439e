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
 * runs), or on SQLite without one the span of its row ids, or `exactUpTo` + 1.
 * A table whose rough size (Postgres: the estimate; SQLite: the id span) is
 * far past the cap is not counted at all: even a capped count reads pages.
 */
export async function tableSizes(
  db: Db,
  tables: readonly string[],
  exactUpTo = EXACT_UP_TO,
): Promise<TableSize[]> {
  if (tables.length === 0) return [];
  const planned = db.backend === "postgres"
    ? await plannerRows(db, tables)
    : await idSpans(db, tables);
  const big = tables.filter((t) => (planned.get(t) ?? 0) > exactUpTo * 10);
  const small = tables.filter((t) => !big.includes(t));
  // One round trip for every other table: on Postgres each query is a trip to the server.
  const capped = small.length === 0 ? [] : await db.all<{ t: string; n: number }>(
    small.map((table, i) =>
      `SELECT '${table}' AS t, (SELECT COUNT(*) FROM (SELECT 1 FROM ${table} ` +
      `LIMIT ${exactUpTo + 1}) AS c${i}) AS n`
    ).join(" UNION ALL "),
  );
  const counted = new Map(capped.map((r) => [r.t, Number(r.n)]));
  const out: TableSize[] = [];
  for (const table of tables) {
    if (big.includes(table)) {
      const rough = planned.get(table)!;
      // SQLite: the statistics when they are plausible (stale ones may be far too low);
      // the span counts rows deleted from the middle, so it is an upper bound.
      const stat = db.backend === "sqlite" ? await estimate(db, table) : null;
      const rows = stat === null ? rough : Math.min(rough, Math.max(stat, exactUpTo + 1));
      out.push({ table, rows, exact: false });
      continue;
    }
    const rows = counted.get(table) ?? 0;
    if (rows <= exactUpTo) out.push({ table, rows, exact: true });
    else out.push({ table, rows: Math.max(rows, await estimate(db, table) ?? 0), exact: false });
  }
  return out;
}

/** pg_class's row estimate of each table in the current schema that has one. */
async function plannerRows(db: Db, tables: readonly string[]): Promise<Map<string, number>> {
  const rows = await db.all<{ t: string; n: number }>(
    `SELECT c.relname AS t, c.reltuples AS n FROM pg_class c
     JOIN pg_namespace s ON s.oid = c.relnamespace
     WHERE s.nspname = current_schema() AND c.relkind = 'r'
       AND c.relname IN (${tables.map(() => "?").join(", ")})`,
    [...tables],
  );
  return new Map(rows.filter((r) => Number(r.n) > 0).map((r) => [r.t, Math.round(Number(r.n))]));
}

/**
 * SQLite: how many row ids each table spans, two index seeks a table. Rows are only
 * appended, and retention deletes the oldest, so the span is close to the count.
 */
async function idSpans(db: Db, tables: readonly string[]): Promise<Map<string, number>> {
  const rows = await db.all<{ t: string; n: number | null }>(
    tables.map((table) =>
      // Apart, each is one seek; MAX and MIN in one SELECT would scan the table.
      `SELECT '${table}' AS t, (SELECT MAX(rowid) FROM ${table}) - ` +
      `(SELECT MIN(rowid) FROM ${table}) + 1 AS n`
    ).join(" UNION ALL "),
  );
  return new Map(rows.filter((r) => Number(r.n) > 0).map((r) => [r.t, Number(r.n)]));
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
