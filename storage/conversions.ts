/**
 * The offer funnel (conversion_attempts: offered -> clicked -> subscribed)
 * and the engagement it is aimed by, read from the audience tables.
 */
import type { Member, MemberPlatform } from "../core/vocabulary.ts";
import type { Db } from "./db.ts";

export type OfferChannel = "dm" | "command" | "cli";

export interface NewAttempt extends Member {
  channel: OfferChannel;
  sessionId: string;
  checkoutUrl: string;
  communityUserId?: number | null;
  score?: number | null;
}

export interface Candidate extends Member {
  communityUserId: number;
  score: number;
}

/**
 * Points per interaction in the scoring window: a direct message says more
 * than a reaction. Spam and scams count for nothing.
 */
const SCORE = `SUM(CASE i.kind WHEN 'direct_message' THEN 3 WHEN 'reaction' THEN 1 ELSE 2 END)`;
/**
 * Whether the person talked to us first. On Telegram only a direct message
 * counts: a bot may message no one who has not started it. Discord intake
 * reads server channels, not the bot's DMs, so there a mention of the bot, a
 * reply to one of its messages, or an answer to one of our posts counts.
 */
const WROTE_FIRST = `MAX(CASE WHEN i.kind = 'direct_message' OR (u.platform = 'discord'
  AND (i.kind IN ('mention', 'reply') OR i.post_id IS NOT NULL)) THEN 1 ELSE 0 END)`;

export function conversions(db: Db) {
  return {
    async offered(a: NewAttempt, at: number): Promise<void> {
      await db.run(
        `INSERT INTO conversion_attempts (platform, user_id, community_user_id, channel, state,
           checkout_session_id, checkout_url, score, offered_at)
         VALUES (?, ?, ?, ?, 'offered', ?, ?, ?, ?)`,
        [
          a.platform,
          a.userId,
          a.communityUserId ?? null,
          a.channel,
          a.sessionId,
          a.checkoutUrl,
          a.score ?? null,
          at,
        ],
      );
    },

    /** Counts a click on an offer's link; the Checkout page to forward to, or null. */
    async clicked(sessionId: string, at: number): Promise<string | null> {
      const rows = await db.all<{ checkout_url: string | null }>(
        "SELECT checkout_url FROM conversion_attempts WHERE checkout_session_id = ?",
        [sessionId],
      );
      if (!rows[0]?.checkout_url) return null;
      await db.run(
        `UPDATE conversion_attempts SET state = 'clicked', clicked_at = ?
         WHERE checkout_session_id = ? AND state = 'offered'`,
        [at, sessionId],
      );
      return rows[0].checkout_url;
    },

    /** The offer's Checkout was paid: the attempt that led to the subscription. */
    async subscribed(sessionId: string, subscriptionId: string, at: number): Promise<boolean> {
      return await db.run(
        `UPDATE conversion_attempts SET state = 'subscribed', subscription_id = ?,
           subscribed_at = ?, clicked_at = COALESCE(clicked_at, ?)
         WHERE checkout_session_id = ? AND state <> 'subscribed'`,
        [subscriptionId, at, at, sessionId],
      ) > 0;
    },

    /** Direct-message offers sent since `at` (the daily cap). */
    async dmOffersSince(at: number): Promise<number> {
      const rows = await db.all<{ n: number }>(
        "SELECT COUNT(*) AS n FROM conversion_attempts WHERE channel = 'dm' AND offered_at >= ?",
        [at],
      );
      return Number(rows[0].n);
    },

    /**
     * Engaged people on the member platforms who wrote to us directly, are
     * not members, have not opted out, and had no offer since `quietSince`.
     */
    async candidates(o: {
      since: number;
      quietSince: number;
      minScore: number;
      limit: number;
    }): Promise<Candidate[]> {
      const rows = await db.all(
        `SELECT u.id, u.platform, u.external_id, ${SCORE} AS score
         FROM community_users u JOIN user_interactions i ON i.user_id = u.id
         WHERE u.platform IN ('telegram', 'discord') AND u.is_bot = 0
           AND u.opted_out_at IS NULL AND i.received_at >= ?
           AND (i.classification IS NULL OR i.classification NOT IN ('spam', 'scam'))
           AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.platform = u.platform
             AND m.user_id = u.external_id AND m.state IN ('pending', 'active'))
           AND NOT EXISTS (SELECT 1 FROM conversion_attempts a WHERE a.platform = u.platform
             AND a.user_id = u.external_id AND a.offered_at >= ?)
         GROUP BY u.id, u.platform, u.external_id
         HAVING ${SCORE} >= ? AND ${WROTE_FIRST} = 1
         ORDER BY score DESC, u.id LIMIT ?`,
        [o.since, o.quietSince, o.minScore, o.limit],
      );
      return rows.map((r) => ({
        communityUserId: Number(r.id),
        platform: r.platform as MemberPlatform,
        userId: String(r.external_id),
        score: Number(r.score),
      }));
    },

    /** "stop": no offer ever again. Kept even for people we never heard from otherwise. */
    async optOut(m: Member, at: number): Promise<void> {
      await db.run(
        `INSERT INTO community_users (platform, external_id, first_seen_at, last_seen_at,
           opted_out_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (platform, external_id) DO UPDATE
           SET opted_out_at = COALESCE(community_users.opted_out_at, excluded.opted_out_at)`,
        [m.platform, m.userId, at, at, at],
      );
    },

    async optedOut(m: Member): Promise<boolean> {
      const rows = await db.all(
        `SELECT 1 FROM community_users WHERE platform = ? AND external_id = ?
           AND opted_out_at IS NOT NULL`,
        [m.platform, m.userId],
      );
      return rows.length > 0;
    },

    /** Attempts per channel and state since `at`. */
    async funnel(at: number): Promise<Array<{ channel: string; state: string; n: number }>> {
      const rows = await db.all<{ channel: string; state: string; n: number }>(
        `SELECT channel, state, COUNT(*) AS n FROM conversion_attempts WHERE offered_at >= ?
         GROUP BY channel, state ORDER BY channel, state`,
        [at],
      );
      return rows.map((r) => ({ ...r, n: Number(r.n) }));
    },
  };
}

export type ConversionRepo = ReturnType<typeof conversions>;
