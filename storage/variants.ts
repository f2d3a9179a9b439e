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
      return rows.map((r) => ({
        subject: String(r.subject),
        insightId: r.insight_id == null ? null : Number(r.insight_id),
        format: r.format as VariantFormat,
        body: String(r.body),
        status: r.status as Variant["status"],
        reason: r.reason == null ? null : String(r.reason),
      }));
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
