import type { Platform } from "../core/vocabulary.ts";
import type { PostRef } from "../integrations/publish/mod.ts";
import { type Db, fromJson, toJson } from "./db.ts";

export type PostStatus = "sending" | "published" | "failed" | "unknown";

/** A drafted plan with the draft that would go out. */
export interface PendingPost {
  planId: number;
  platform: Platform;
  format: string;
  scheduledAt: number;
  priority: number;
  insightId: number;
  insightType: string;
  headline: string;
  draftId: number;
  parts: string[];
  writer: string;
  /** null when never tried; "failed" when a previous try was refused. */
  status: PostStatus | null;
  attempts: number;
}

export interface SendingPost extends PendingPost {
  postId: number;
  /** The format it was sent as (content_variants), or null for the plain draft. */
  variantId: number | null;
  reservedBy: string | null;
  reservedAt: number;
}

/** A post refused this many times is left for a person. */
export const MAX_ATTEMPTS = 3;

const PENDING = `SELECT p.id AS plan_id, p.platform, p.format, p.scheduled_at, p.priority,
    i.id AS insight_id, i.type AS insight_type, i.headline, d.id AS draft_id, d.parts, d.writer, pc.id AS post_id, pc.status AS post_status,
    COALESCE(pc.attempts, 0) AS attempts, pc.reserved_by, pc.reserved_at, pc.variant_id
  FROM content_plans p
  JOIN insights i ON i.id = p.insight_id
  JOIN drafts d ON d.plan_id = p.id AND d.status = 'accepted'
  LEFT JOIN published_content pc ON pc.plan_id = p.id AND pc.platform = p.platform
  WHERE p.status = 'drafted'`;

export function posts(db: Db) {
  return {
    /** Drafted posts not yet out (never tried, or refused fewer than MAX_ATTEMPTS times). */
    async pending(dueBy?: number): Promise<PendingPost[]> {
      const rows = await db.all(
        `${PENDING} AND (pc.id IS NULL OR (pc.status = 'failed' AND pc.attempts < ?))
         ${dueBy === undefined ? "" : "AND p.scheduled_at <= ?"}
         ORDER BY p.scheduled_at, p.priority DESC, p.id`,
        dueBy === undefined ? [MAX_ATTEMPTS] : [MAX_ATTEMPTS, dueBy],
      );
      return rows.map(toPending);
    },

    /**
     * Claims the (plan, platform) pair before anything is sent. Only one caller
     * in any process gets the id back; a refused earlier try may be claimed again.
     * `variantId` names the format it is about to go out as (null: the plain draft).
     */
    async reserve(
      p: PendingPost,
      owner: string,
      now: number,
      variantId: number | null = null,
    ): Promise<number | null> {
      const rows = await db.all<{ id: number }>(
        `INSERT INTO published_content
           (plan_id, platform, draft_id, variant_id, status, attempts, reserved_by, reserved_at)
         VALUES (?, ?, ?, ?, 'sending', 1, ?, ?)
         ON CONFLICT (plan_id, platform) DO UPDATE SET status = 'sending', error = NULL,
           draft_id = excluded.draft_id, variant_id = excluded.variant_id,
           attempts = published_content.attempts + 1,
           reserved_by = excluded.reserved_by, reserved_at = excluded.reserved_at
         WHERE published_content.status = 'failed' AND published_content.attempts < ?
         RETURNING id`,
        [p.planId, p.platform, p.draftId, variantId, owner, now, MAX_ATTEMPTS],
      );
      return rows.length ? Number(rows[0].id) : null;
    },

    markPublished(postId: number, ref: PostRef, now: number): Promise<number> {
      return db.run(
        `UPDATE published_content SET status = 'published', external_id = ?, url = ?,
           part_ids = ?, error = NULL, published_at = ? WHERE id = ?`,
        [ref.externalId, ref.url ?? null, toJson(ref.partIds), now, postId],
      );
    },

    /** The platform refused: nothing went out, so a later run may try again. */
    markFailed(postId: number, error: string): Promise<number> {
      return db.run("UPDATE published_content SET status = 'failed', error = ? WHERE id = ?", [
        error,
        postId,
      ]);
    },

    /** Refused before anything was sent (rate limit, open circuit): free it, uncounted. */
    defer(postId: number, error: string): Promise<number> {
      return db.run(
        `UPDATE published_content SET status = 'failed', error = ?, attempts = attempts - 1
         WHERE id = ?`,
        [error, postId],
      );
    },

    /** It may or may not have gone out and the platform cannot tell: a person decides. */
    markUnknown(postId: number, error: string): Promise<number> {
      return db.run("UPDATE published_content SET status = 'unknown', error = ? WHERE id = ?", [
        error,
        postId,
      ]);
    },

    /** Notes an ambiguous failure but keeps the row in 'sending' for reconciliation. */
    noteError(postId: number, error: string): Promise<number> {
      return db.run("UPDATE published_content SET error = ? WHERE id = ?", [error, postId]);
    },

    /** Rows left in 'sending' since before `olderThan` (a crash or an ambiguous failure). */
    async stale(olderThan: number): Promise<SendingPost[]> {
      const rows = await db.all(
        `${PENDING.replace("WHERE p.status = 'drafted'", "WHERE 1 = 1")}
         AND pc.status = 'sending' AND pc.reserved_at < ? ORDER BY pc.id`,
        [olderThan],
      );
      return rows.map((r) => ({
        ...toPending(r),
        postId: Number(r.post_id),
        variantId: r.variant_id == null ? null : Number(r.variant_id),
        reservedBy: r.reserved_by == null ? null : String(r.reserved_by),
        reservedAt: Number(r.reserved_at),
      }));
    },

    /** Takes over a stale 'sending' row; only one instance wins it. */
    async claimStale(postId: number, owner: string, now: number, olderThan: number) {
      return 1 === await db.run(
        `UPDATE published_content SET reserved_by = ?, reserved_at = ?
         WHERE id = ? AND status = 'sending' AND reserved_at < ?`,
        [owner, now, postId, olderThan],
      );
    },

    async countByPlatform(): Promise<{ platform: string; status: string; n: number }[]> {
      const rows = await db.all<{ platform: string; status: string; n: number }>(
        "SELECT platform, status, COUNT(*) AS n FROM published_content GROUP BY platform, status",
      );
      return rows.map((r) => ({ ...r, n: Number(r.n) }));
    },

    async countByStatus(): Promise<Record<string, number>> {
      const rows = await db.all<{ status: string; n: number }>(
        "SELECT status, COUNT(*) AS n FROM published_content GROUP BY status",
      );
      return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    },
  };
}

export type PostRepo = ReturnType<typeof posts>;

function toPending(r: Record<string, unknown>): PendingPost {
  return {
    planId: Number(r.plan_id),
    platform: r.platform as Platform,
    format: String(r.format),
    scheduledAt: Number(r.scheduled_at),
    priority: Number(r.priority),
    insightId: Number(r.insight_id),
    insightType: String(r.insight_type),
    headline: String(r.headline),
    draftId: Number(r.draft_id),
    parts: fromJson(r.parts, []),
    writer: String(r.writer),
    status: (r.post_status ?? null) as PostStatus | null,
    attempts: Number(r.attempts),
  };
}
