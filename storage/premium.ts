/**
 * Premium posts: written for members, sent only to the members' places. A
 * post is reserved (with the time) before it is sent and marked after, as
 * public posts are: a send cut short is found by its age and reconciled.
 */
import type { MemberPlatform } from "../core/vocabulary.ts";
import { type Db, fromJson, toJson } from "./db.ts";
import type { ChartRef } from "./images.ts";
import { type Insight, toInsight } from "./insights.ts";

export interface NewPremiumPost {
  destination: MemberPlatform;
  symbol: string;
  windowStart: number;
  insightIds: number[];
  parts: string[];
  /** The chart that goes with it (images), and the alt text stating its numbers. */
  image?: ChartRef | null;
}

export type PremiumStatus = "pending" | "sending" | "sent" | "refused" | "failed" | "unknown";

export interface PremiumPost extends NewPremiumPost {
  id: number;
  status: PremiumStatus;
  externalId: string | null;
  attempts: number;
  error: string | null;
  reservedBy: string | null;
  /** null for a post reserved before reservations kept their time. */
  reservedAt: number | null;
}

/** A premium post refused this many times is left for a person, as public posts are. */
export const MAX_PREMIUM_ATTEMPTS = 3;

export function premium(db: Db) {
  return {
    /** Plans a post unless that symbol already has one in this window and destination. */
    async add(p: NewPremiumPost, at: number): Promise<boolean> {
      return await db.run(
        `INSERT INTO premium_posts (destination, symbol, window_start, insight_ids, parts,
           image_id, image_alt, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (destination, symbol, window_start) DO NOTHING`,
        [
          p.destination,
          p.symbol,
          p.windowStart,
          toJson(p.insightIds),
          toJson(p.parts),
          p.image?.imageId ?? null,
          p.image?.alt ?? null,
          at,
        ],
      ) > 0;
    },

    /** Symbols with a post planned for this window already, on any destination. */
    async plannedSymbols(windowStart: number): Promise<Set<string>> {
      const rows = await db.all<{ symbol: string }>(
        "SELECT DISTINCT symbol FROM premium_posts WHERE window_start = ?",
        [windowStart],
      );
      return new Set(rows.map((r) => String(r.symbol)));
    },

    async pending(): Promise<PremiumPost[]> {
      const rows = await db.all(
        "SELECT * FROM premium_posts WHERE status = 'pending' ORDER BY created_at, id",
      );
      return rows.map(toPost);
    },

    /** Reserves a post before it is sent, counting the try; false when another run has it. */
    async reserve(id: number, owner: string, now: number): Promise<boolean> {
      return await db.run(
        `UPDATE premium_posts SET status = 'sending', reserved_by = ?, reserved_at = ?,
           attempts = attempts + 1
         WHERE id = ? AND status = 'pending'`,
        [owner, now, id],
      ) > 0;
    },

    async markSent(id: number, externalId: string, at: number): Promise<void> {
      await db.run(
        `UPDATE premium_posts SET status = 'sent', external_id = ?, error = NULL, sent_at = ?
         WHERE id = ?`,
        [externalId, at, id],
      );
    },

    /** The members' place is not private: never sent there. */
    async refuse(id: number, error: string): Promise<void> {
      await db.run("UPDATE premium_posts SET status = 'refused', error = ? WHERE id = ?", [
        error,
        id,
      ]);
    },

    /**
     * Nothing went out: free the post for a later run, or, once it has been
     * refused MAX_PREMIUM_ATTEMPTS times, mark it failed with the error.
     * `counted` false gives the try back (a rate limit, an open circuit).
     * Null when the post was no longer being sent (another instance settled it).
     */
    async release(
      id: number,
      error: string,
      counted = true,
    ): Promise<"pending" | "failed" | null> {
      const rows = await db.all<{ status: string }>(
        `UPDATE premium_posts SET attempts = attempts - ?, error = ?,
           status = CASE WHEN attempts - ? >= ? THEN 'failed' ELSE 'pending' END
         WHERE id = ? AND status = 'sending' RETURNING status`,
        [counted ? 0 : 1, error, counted ? 0 : 1, MAX_PREMIUM_ATTEMPTS, id],
      );
      return (rows[0]?.status ?? null) as "pending" | "failed" | null;
    },

    /** It may have gone out and the platform cannot tell: a person decides. */
    async markUnknown(id: number, error: string): Promise<void> {
      await db.run("UPDATE premium_posts SET status = 'unknown', error = ? WHERE id = ?", [
        error,
        id,
      ]);
    },

    /** Notes an ambiguous failure; the post stays 'sending' until it is reconciled. */
    async noteError(id: number, error: string): Promise<void> {
      await db.run("UPDATE premium_posts SET error = ? WHERE id = ?", [error, id]);
    },

    /** Posts left in 'sending' since before `olderThan`: a crashed or ambiguous send. */
    async stale(olderThan: number): Promise<PremiumPost[]> {
      const rows = await db.all(
        `SELECT * FROM premium_posts WHERE status = 'sending'
           AND COALESCE(reserved_at, 0) < ? ORDER BY id`,
        [olderThan],
      );
      return rows.map(toPost);
    },

    /** Takes over a stale 'sending' post; only one instance wins it. */
    async claimStale(id: number, owner: string, now: number, olderThan: number) {
      return 1 === await db.run(
        `UPDATE premium_posts SET reserved_by = ?, reserved_at = ?
         WHERE id = ? AND status = 'sending' AND COALESCE(reserved_at, 0) < ?`,
        [owner, now, id, olderThan],
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
  const text = (v: unknown) => (v == null ? null : String(v));
  return {
    id: Number(r.id),
    destination: r.destination as MemberPlatform,
    symbol: String(r.symbol),
    windowStart: Number(r.window_start),
    insightIds: fromJson(r.insight_ids, []),
    parts: fromJson(r.parts, []),
    image: r.image_id == null
      ? null
      : { imageId: Number(r.image_id), alt: String(r.image_alt ?? "") },
    status: r.status as PremiumStatus,
    externalId: text(r.external_id),
    attempts: Number(r.attempts ?? 0),
    error: text(r.error),
    reservedBy: text(r.reserved_by),
    reservedAt: r.reserved_at == null ? null : Number(r.reserved_at),
  };
}
