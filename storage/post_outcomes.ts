/**
 * How published posts did, read from the snapshots Analytics writes to
 * post_metrics: the figures the learning agents score posts by.
 */
import type { Format, Platform } from "../core/vocabulary.ts";
import type { Db } from "./db.ts";

/** The 24h age bucket: the default point at which a post is judged. */
export const DAY_AGE_SECONDS = 86_400;

/**
 * Likes, reposts, replies, quotes and reactions added up; NULL when the
 * platform gave none of them (a missing figure is unknown, not zero).
 */
export const ENGAGEMENTS_SQL = `CASE WHEN COALESCE(m.likes, m.reposts, m.replies, m.quotes,
  m.reactions) IS NULL THEN NULL ELSE COALESCE(m.likes, 0) + COALESCE(m.reposts, 0) +
  COALESCE(m.replies, 0) + COALESCE(m.quotes, 0) + COALESCE(m.reactions, 0) END`;

export interface PostOutcome {
  postId: number;
  planId: number;
  platform: Platform;
  format: Format;
  insightKind: string;
  /** When it went out (epoch ms); its hour is the arm's hour. */
  publishedAt: number;
  impressions: number | null;
  engagements: number | null;
}

export function postOutcomes(db: Db) {
  return {
    /** Posts published in [from, to) that have a metrics snapshot at `ageSeconds`. */
    async between(from: number, to: number, ageSeconds = DAY_AGE_SECONDS): Promise<PostOutcome[]> {
      const rows = await db.all<Record<string, unknown>>(
        `SELECT pc.id AS post_id, pc.plan_id, pc.platform, p.format, i.type AS insight_kind,
                pc.published_at, m.impressions, ${ENGAGEMENTS_SQL} AS engagements
         FROM published_content pc
         JOIN content_plans p ON p.id = pc.plan_id
         JOIN insights i ON i.id = p.insight_id
         JOIN post_metrics m ON m.post_id = pc.id AND m.age_seconds = ? AND m.state = 'live'
         WHERE pc.status = 'published' AND pc.published_at >= ? AND pc.published_at < ?
         ORDER BY pc.published_at, pc.id`,
        [ageSeconds, from, to],
      );
      return rows.map((r) => ({
        postId: Number(r.post_id),
        planId: Number(r.plan_id),
        platform: r.platform as Platform,
        format: r.format as Format,
        insightKind: String(r.insight_kind),
        publishedAt: Number(r.published_at),
        impressions: nullable(r.impressions),
        engagements: nullable(r.engagements),
      }));
    },

    /** Posts published per platform in [from, to), measured or not. */
    async publishedCounts(from: number, to: number): Promise<Record<string, number>> {
      const rows = await db.all<{ platform: string; n: number }>(
        `SELECT platform, COUNT(*) AS n FROM published_content
         WHERE status = 'published' AND published_at >= ? AND published_at < ? GROUP BY platform`,
        [from, to],
      );
      return Object.fromEntries(rows.map((r) => [r.platform, Number(r.n)]));
    },

    /** Agent runs that ended in [from, to), and how many of them failed. */
    async agentHealth(from: number, to: number): Promise<{ runs: number; failures: number }> {
      const [row] = await db.all<{ runs: number; failures: number | null }>(
        `SELECT COUNT(*) AS runs, SUM(CASE WHEN status = 'failed' THEN 1 ELSE 0 END) AS failures
         FROM agent_logs WHERE event = 'end' AND created_at >= ? AND created_at < ?`,
        [from, to],
      );
      return { runs: Number(row.runs), failures: Number(row.failures ?? 0) };
    },
  };
}

export type PostOutcomeRepo = ReturnType<typeof postOutcomes>;

export function nullable(v: unknown): number | null {
  return v === null || v === undefined ? null : Number(v);
}
