/** Premium posts: written for members, sent only to the members' places. */
import type { MemberPlatform } from "../core/vocabulary.ts";
import { type Db, fromJson, toJson } from "./db.ts";
import { type Insight, toInsight } from "./insights.ts";

export interface NewPremiumPost {
  destination: MemberPlatform;
  symbol: string;
  windowStart: number;
  insightIds: number[];
  parts: string[];
}

export interface PremiumPost extends NewPremiumPost {
  id: number;
  status: "pending" | "sending" | "sent" | "refused";
  externalId: string | null;
}

export function premium(db: Db) {
  return {
    /** Plans a post unless that symbol already has one in this window and destination. */
    async add(p: NewPremiumPost, at: number): Promise<boolean> {
      return await db.run(
        `INSERT INTO premium_posts (destination, symbol, window_start, insight_ids, parts,
           created_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (destination, symbol, window_start) DO NOTHING`,
        [p.destination, p.symbol, p.windowStart, toJson(p.insightIds), toJson(p.parts), at],
      ) > 0;
    },

    async pending(): Promise<PremiumPost[]> {
      const rows = await db.all(
        "SELECT * FROM premium_posts WHERE status = 'pending' ORDER BY created_at, id",
      );
      return rows.map(toPost);
    },

    /** Reserves a post before it is sent; false when another run has it. */
    async reserve(id: number, owner: string): Promise<boolean> {
      return await db.run(
        `UPDATE premium_posts SET status = 'sending', reserved_by = ?
         WHERE id = ? AND status = 'pending'`,
        [owner, id],
      ) > 0;
    },

    async finish(id: number, outcome: { externalId?: string; error?: string }, at: number) {
      await db.run(
        `UPDATE premium_posts SET status = ?, external_id = ?, error = ?, sent_at = ?
         WHERE id = ?`,
        [
          outcome.error ? "refused" : "sent",
          outcome.externalId ?? null,
          outcome.error ?? null,
          at,
          id,
        ],
      );
    },

    /** Insights about a symbol created since `since`, the raw material of premium posts. */
    async insightsSince(since: number): Promise<Insight[]> {
      const rows = await db.all(
        `SELECT * FROM insights WHERE created_at >= ? AND symbol IS NOT NULL
         ORDER BY symbol, importance DESC, id`,
        [since],
      );
      return rows.map(toInsight);
    },

    async all(): Promise<PremiumPost[]> {
      return (await db.all("SELECT * FROM premium_posts ORDER BY id")).map(toPost);
    },
  };
}

export type PremiumRepo = ReturnType<typeof premium>;

function toPost(r: Record<string, unknown>): PremiumPost {
  return {
    id: Number(r.id),
    destination: r.destination as MemberPlatform,
    symbol: String(r.symbol),
    windowStart: Number(r.window_start),
    insightIds: fromJson(r.insight_ids, []),
    parts: fromJson(r.parts, []),
    status: r.status as PremiumPost["status"],
    externalId: r.external_id == null ? null : String(r.external_id),
  };
}
