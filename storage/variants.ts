/** The formats ContentRepurposing makes: one row per (subject, format), written once. */
import type { Db } from "./db.ts";
import { type Insight, toInsight } from "./insights.ts";

export type VariantFormat =
  | "x_single"
  | "x_thread"
  | "telegram_html"
  | "discord_embed"
  | "recap_daily"
  | "recap_weekly";

export interface Variant {
  /** "insight:<id>", or "recap:daily:<date>" / "recap:weekly:<date of Monday>". */
  subject: string;
  insightId: number | null;
  format: VariantFormat;
  body: string;
  status: "accepted" | "rejected";
  reason: string | null;
}

/** A variant as stored, with its row id (what a post records it went out as). */
export interface StoredVariant extends Variant {
  id: number;
}

export function variants(db: Db) {
  return {
    /**
     * Stores each variant unless its (subject, format) exists; returns rows changed. With
     * `replace` (recaps of a period still running) a changed body overwrites the stored one.
     */
    add(list: Variant[], now: number, options: { replace?: boolean } = {}): Promise<number> {
      return db.insertMany(
        "content_variants",
        ["subject", "insight_id", "format", "body", "status", "reason", "created_at"],
        list.map((v) => [v.subject, v.insightId, v.format, v.body, v.status, v.reason, now]),
        options.replace
          ? `ON CONFLICT (subject, format) DO UPDATE SET body = excluded.body,
               status = excluded.status, reason = excluded.reason, created_at = excluded.created_at
             WHERE content_variants.body <> excluded.body`
          : "ON CONFLICT (subject, format) DO NOTHING",
      );
    },

    async forSubject(subject: string): Promise<Variant[]> {
      const rows = await db.all(
        "SELECT * FROM content_variants WHERE subject = ? ORDER BY id",
        [subject],
      );
      return rows.map(toVariant);
    },

    /** The accepted variants in `format` of these insights, by insight id. */
    async accepted(
      insightIds: number[],
      format: VariantFormat,
    ): Promise<Map<number, StoredVariant>> {
      if (insightIds.length === 0) return new Map();
      const rows = await db.all(
        `SELECT * FROM content_variants WHERE format = ? AND status = 'accepted'
           AND insight_id IN (${insightIds.map(() => "?").join(", ")})`,
        [format, ...insightIds],
      );
      return new Map(rows.map((r) => [Number(r.insight_id), toVariant(r)]));
    },

    async get(id: number): Promise<StoredVariant | null> {
      const rows = await db.all("SELECT * FROM content_variants WHERE id = ?", [id]);
      return rows.length ? toVariant(rows[0]) : null;
    },

    /** Insights created since `since` that have no variants yet, most important first. */
    async unrepurposed(since: number, limit: number): Promise<Insight[]> {
      const rows = await db.all(
        `SELECT * FROM insights i WHERE created_at >= ? AND NOT EXISTS
           (SELECT 1 FROM content_variants v WHERE v.insight_id = i.id)
         ORDER BY importance DESC, id LIMIT ?`,
        [since, limit],
      );
      return rows.map(toInsight);
    },

    /** The most important insights created in [from, to), for a recap. */
    async top(from: number, to: number, limit: number): Promise<Insight[]> {
      const rows = await db.all(
        `SELECT * FROM insights WHERE created_at >= ? AND created_at < ?
         ORDER BY importance DESC, id LIMIT ?`,
        [from, to, limit],
      );
      return rows.map(toInsight);
    },
  };
}

export type VariantRepo = ReturnType<typeof variants>;

function toVariant(r: Record<string, unknown>): StoredVariant {
  return {
    id: Number(r.id),
    subject: String(r.subject),
    insightId: r.insight_id == null ? null : Number(r.insight_id),
    format: r.format as VariantFormat,
    body: String(r.body),
    status: r.status as Variant["status"],
    reason: r.reason == null ? null : String(r.reason),
  };
}
