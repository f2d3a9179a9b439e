import { type Db, fromJson, toJson } from "./db.ts";

export interface NewInsight {
  dedupKey: string;
  type: string;
  symbol: string | null;
  timeframe: string | null;
  headline: string;
  importance: number;
  facts: Record<string, number | string>;
  sourceRef: string;
}

export interface Insight extends NewInsight {
  id: number;
  createdAt: number;
}

export function insights(db: Db) {
  return {
    /** Stores insights not seen before (by dedup key); returns how many were new. */
    add(list: NewInsight[], createdAt: number): Promise<number> {
      return db.insertMany(
        "insights",
        [
          "dedup_key",
          "type",
          "symbol",
          "timeframe",
          "headline",
          "importance",
          "facts",
          "source_ref",
          "created_at",
        ],
        list.map((i) => [
          i.dedupKey,
          i.type,
          i.symbol,
          i.timeframe,
          i.headline,
          i.importance,
          toJson(i.facts),
          i.sourceRef,
          createdAt,
        ]),
        "ON CONFLICT (dedup_key) DO NOTHING",
      );
    },

    /** Insights created since `since` that have no plan yet, most important first. */
    async unplanned(since: number, limit: number): Promise<Insight[]> {
      const rows = await db.all(
        `SELECT * FROM insights i WHERE created_at >= ?
           AND NOT EXISTS (SELECT 1 FROM content_plans p WHERE p.insight_id = i.id)
         ORDER BY importance DESC, id LIMIT ?`,
        [since, limit],
      );
      return rows.map(toInsight);
    },

    /** When an insight of this type and symbol was last planned, for the cooldown. */
    async lastPlannedAt(type: string, symbol: string | null): Promise<number | null> {
      const rows = await db.all<{ at: number | null }>(
        `SELECT MAX(p.created_at) AS at FROM content_plans p JOIN insights i ON i.id = p.insight_id
         WHERE i.type = ? AND COALESCE(i.symbol, '') = ?`,
        [type, symbol ?? ""],
      );
      return rows[0]?.at == null ? null : Number(rows[0].at);
    },

    /**
     * When each (type, symbol) was last planned, among plans made since
     * `since`: the cooldowns of a whole planning run in one query. The key is
     * `type|symbol` (symbol "" when the insight has none).
     */
    async plannedSince(since: number): Promise<Map<string, number>> {
      const rows = await db.all<{ type: string; symbol: string; at: number }>(
        `SELECT i.type, COALESCE(i.symbol, '') AS symbol, MAX(p.created_at) AS at
         FROM content_plans p JOIN insights i ON i.id = p.insight_id
         WHERE p.created_at >= ? GROUP BY i.type, COALESCE(i.symbol, '')`,
        [since],
      );
      return new Map(rows.map((r) => [cooldownKey(r.type, r.symbol), Number(r.at)]));
    },

    async get(id: number): Promise<Insight | undefined> {
      const rows = await db.all("SELECT * FROM insights WHERE id = ?", [id]);
      return rows.map(toInsight)[0];
    },
  };
}

export type InsightRepo = ReturnType<typeof insights>;

export function toInsight(r: Record<string, unknown>): Insight {
  return {
    id: Number(r.id),
    dedupKey: String(r.dedup_key),
    type: String(r.type),
    symbol: r.symbol == null ? null : String(r.symbol),
    timeframe: r.timeframe == null ? null : String(r.timeframe),
    headline: String(r.headline),
    importance: Number(r.importance),
    facts: fromJson(r.facts, {}),
    sourceRef: String(r.source_ref),
    createdAt: Number(r.created_at),
  };
}

/** The key `plannedSince` returns its times under. */
export function cooldownKey(type: string, symbol: string | null): string {
  return `${type}|${symbol ?? ""}`;
}
