import type { Db } from "./db.ts";

/** A published post with its latest snapshot and how many messages answered it. */
export interface PostPerformance {
  postId: number;
  platform: string;
  format: string;
  insightType: string;
  headline: string;
  url: string | null;
  publishedAt: number;
  /** The age (seconds) of the latest snapshot; null when never measured. */
  measuredAge: number | null;
  deleted: boolean;
  impressions: number | null;
  likes: number | null;
  reposts: number | null;
  replies: number | null;
  quotes: number | null;
  reactions: number | null;
  /** Messages stored that answer this post (mentions, replies, comments). */
  messages: number;
}

export function engagementStats(db: Db) {
  return {
    /** Every post published since `since`, oldest first. */
    async posts(since: number): Promise<PostPerformance[]> {
      const rows = await db.all(
        `SELECT pc.id, pc.platform, pc.url, pc.published_at, p.format, i.type, i.headline,
           m.age_seconds, m.state, m.impressions, m.likes, m.reposts, m.replies, m.quotes,
           m.reactions,
           (SELECT COUNT(*) FROM user_interactions ui WHERE ui.post_id = pc.id) AS messages
         FROM published_content pc
         JOIN content_plans p ON p.id = pc.plan_id
         JOIN insights i ON i.id = p.insight_id
         LEFT JOIN post_metrics m ON m.post_id = pc.id AND m.age_seconds =
           (SELECT MAX(m2.age_seconds) FROM post_metrics m2 WHERE m2.post_id = pc.id)
         WHERE pc.status = 'published' AND pc.published_at >= ?
         ORDER BY pc.published_at, pc.id`,
        [since],
      );
      const n = (v: unknown) => (v == null ? null : Number(v));
      return rows.map((r) => ({
        postId: Number(r.id),
        platform: String(r.platform),
        format: String(r.format),
        insightType: String(r.type),
        headline: String(r.headline),
        url: r.url == null ? null : String(r.url),
        publishedAt: Number(r.published_at),
        measuredAge: n(r.age_seconds),
        deleted: r.state === "deleted",
        impressions: n(r.impressions),
        likes: n(r.likes),
        reposts: n(r.reposts),
        replies: n(r.replies),
        quotes: n(r.quotes),
        reactions: n(r.reactions),
        messages: Number(r.messages),
      }));
    },

    /** Messages received since `since`, by platform and class. */
    async messages(since: number): Promise<
      { platform: string; classification: string | null; replyState: string; n: number }[]
    > {
      const rows = await db.all(
        `SELECT platform, classification, reply_state, COUNT(*) AS n FROM user_interactions
         WHERE received_at >= ? GROUP BY platform, classification, reply_state`,
        [since],
      );
      return rows.map((r) => ({
        platform: String(r.platform),
        classification: r.classification == null ? null : String(r.classification),
        replyState: String(r.reply_state),
        n: Number(r.n),
      }));
    },
  };
}

export type EngagementStatsRepo = ReturnType<typeof engagementStats>;
