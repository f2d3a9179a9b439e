/**
 * What a person does with posts the machine could not settle: list them by
 * state, put one back in the queue after checking the platform, or record one
 * they found published. Every change is conditional on the state it was shown
 * in, so it cannot race a publisher that got there first.
 */
import type { Platform } from "../core/vocabulary.ts";
import { type Db, fromJson } from "./db.ts";
import type { PostStatus } from "./posts.ts";

export interface PostRow {
  id: number;
  planId: number;
  platform: Platform;
  status: PostStatus;
  attempts: number;
  error: string | null;
  externalId: string | null;
  url: string | null;
  /** When it was last reserved for sending (epoch ms). */
  reservedAt: number | null;
  publishedAt: number | null;
  headline: string;
  /** The first part of the post as drafted. */
  text: string;
  /** The platform's format it went out in (content_variants), or null for the draft. */
  sentAs: { format: string; body: string } | null;
}

export interface PostFilter {
  status?: PostStatus;
  platform?: Platform;
  limit?: number;
}

/** States a person may settle by hand; 'sending' is reconciled by the publisher itself. */
export const SETTLEABLE: readonly PostStatus[] = ["unknown", "failed"];

const SELECT = `SELECT pc.id, pc.plan_id, pc.platform, pc.status, pc.attempts, pc.error,
    pc.external_id, pc.url, pc.reserved_at, pc.published_at, i.headline, d.parts,
    v.format AS sent_format, v.body AS sent_body
  FROM published_content pc
  JOIN content_plans p ON p.id = pc.plan_id
  JOIN insights i ON i.id = p.insight_id
  JOIN drafts d ON d.id = pc.draft_id
  LEFT JOIN content_variants v ON v.id = pc.variant_id`;

export function postReview(db: Db) {
  return {
    /** Newest first. */
    async list(f: PostFilter = {}): Promise<PostRow[]> {
      const where: string[] = [];
      const params: (string | number)[] = [];
      for (const [column, value] of [["status", f.status], ["platform", f.platform]]) {
        if (value === undefined) continue;
        where.push(`pc.${column} = ?`);
        params.push(value);
      }
      const rows = await db.all(
        `${SELECT} ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
         ORDER BY pc.id DESC LIMIT ?`,
        [...params, f.limit ?? 50],
      );
      return rows.map(toRow);
    },

    async get(id: number): Promise<PostRow | null> {
      const rows = await db.all(`${SELECT} WHERE pc.id = ?`, [id]);
      return rows.length ? toRow(rows[0]) : null;
    },

    /** Back in the queue with its attempts reset; true if it was still in `from`. */
    async requeue(id: number, from: PostStatus, note: string): Promise<boolean> {
      return 1 === await db.run(
        `UPDATE published_content SET status = 'failed', attempts = 0, error = ?,
           reserved_by = NULL, reserved_at = NULL WHERE id = ? AND status = ?`,
        [note, id, from],
      );
    },

    /** Recorded as published where a person found it; true if it was still in `from`. */
    async markSent(
      id: number,
      from: PostStatus,
      found: { url?: string; externalId?: string },
      now: number,
    ): Promise<boolean> {
      return 1 === await db.run(
        `UPDATE published_content SET status = 'published', error = NULL,
           url = COALESCE(?, url), external_id = COALESCE(?, external_id), published_at = ?
         WHERE id = ? AND status = ?`,
        [found.url ?? null, found.externalId ?? null, now, id, from],
      );
    },
  };
}

export type PostReviewRepo = ReturnType<typeof postReview>;

function toRow(r: Record<string, unknown>): PostRow {
  const str = (v: unknown) => (v == null ? null : String(v));
  const num = (v: unknown) => (v == null ? null : Number(v));
  return {
    id: Number(r.id),
    planId: Number(r.plan_id),
    platform: r.platform as Platform,
    status: r.status as PostStatus,
    attempts: Number(r.attempts),
    error: str(r.error),
    externalId: str(r.external_id),
    url: str(r.url),
    reservedAt: num(r.reserved_at),
    publishedAt: num(r.published_at),
    headline: String(r.headline),
    text: fromJson<string[]>(r.parts, [])[0] ?? "",
    sentAs: r.sent_format == null
      ? null
      : { format: String(r.sent_format), body: String(r.sent_body) },
  };
}
