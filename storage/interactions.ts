import type {
  Classification,
  IncomingMessage,
  InteractionKind,
  Platform,
} from "../core/vocabulary.ts";
import { community, memberKey } from "./community.ts";
import type { Db } from "./db.ts";

/** none: no reply wanted; pending -> sending -> sent | failed | unknown (a person checks). */
export type ReplyState = "none" | "pending" | "sending" | "sent" | "failed" | "unknown";

/** A stored message with what is known of its author. */
export interface Interaction {
  id: number;
  platform: Platform;
  externalId: string;
  kind: InteractionKind;
  userId: number;
  authorId: string;
  handle: string | null;
  isBot: boolean;
  optedOut: boolean;
  postId: number | null;
  conversationId: string | null;
  text: string;
  receivedAt: number;
  classification: Classification | null;
  replyState: ReplyState;
}

export interface ReplyCaps {
  /** Replies to one member since `userSince`. */
  perUser: number;
  userSince: number;
  /** Replies overall since `overallSince`. */
  overall: number;
  overallSince: number;
}

const COLUMNS = [
  "platform",
  "external_id",
  "user_id",
  "kind",
  "post_id",
  "conversation_id",
  "text",
  "received_at",
];
const SELECT = `SELECT i.*, u.external_id AS author_id, u.handle, u.is_bot, u.opted_out_at
  FROM user_interactions i JOIN community_users u ON u.id = i.user_id`;
/** States that count against caps: the reply went out, or may have. */
const COUNTED = "('sending', 'sent', 'unknown')";

export function interactions(db: Db) {
  return {
    /**
     * Stores each message once per platform id with its author, linked to the post it
     * answers when that post is ours. Returns how many were new.
     */
    async record(messages: IncomingMessage[], now: number): Promise<number> {
      if (!messages.length) return 0;
      const users = await community(db).upsert(messages.map((m) => m.author), now);
      const posts = await postIds(db, messages);
      return await db.insertMany(
        "user_interactions",
        COLUMNS,
        messages.map((m) => [
          m.platform,
          m.externalId,
          users.get(memberKey(m.author)) ?? null,
          m.kind,
          (m.inReplyToPostId && posts.get(`${m.platform}:${m.inReplyToPostId}`)) ?? null,
          m.conversationId,
          m.text,
          m.sentAt,
        ]),
        "ON CONFLICT (platform, external_id) DO NOTHING",
      );
    },

    /** Messages not classified yet, oldest first. */
    async unclassified(limit = 500): Promise<Interaction[]> {
      const rows = await db.all(
        `${SELECT} WHERE i.classification IS NULL ORDER BY i.received_at, i.id LIMIT ?`,
        [limit],
      );
      return rows.map(toInteraction);
    },

    /** Stores the class and why, and whether a reply is wanted (pending) or not (none). */
    classify(
      id: number,
      c: { classification: Classification; reason: string; reply: boolean; replyReason: string },
    ): Promise<number> {
      return db.run(
        `UPDATE user_interactions SET classification = ?, classification_reason = ?,
           reply_state = ?, reply_reason = ? WHERE id = ? AND classification IS NULL`,
        [c.classification, c.reason, c.reply ? "pending" : "none", c.replyReason, id],
      );
    },

    /** Messages waiting for a reply, oldest first. */
    async pendingReplies(limit = 200): Promise<Interaction[]> {
      const rows = await db.all(
        `${SELECT} WHERE i.reply_state = 'pending' ORDER BY i.received_at, i.id LIMIT ?`,
        [limit],
      );
      return rows.map(toInteraction);
    },

    /**
     * Claims one message for replying, under the caps: only one caller in any process gets
     * true, and the caps are counted inside the same lock, so instances cannot overshoot them.
     */
    reserveReply(id: number, owner: string, now: number, caps: ReplyCaps): Promise<ReserveResult> {
      return db.transaction(async (tx) => {
        const rows = await tx.all<{ user_id: number; reply_state: string }>(
          "SELECT user_id, reply_state FROM user_interactions WHERE id = ?",
          [id],
        );
        if (!rows.length || rows[0].reply_state !== "pending") return "taken";
        const count = async (where: string, params: (string | number)[]) =>
          Number(
            (await tx.all<{ n: number }>(
              `SELECT COUNT(*) AS n FROM user_interactions
             WHERE reply_state IN ${COUNTED} AND ${where}`,
              params,
            ))[0].n,
          );
        if (await count("reserved_at >= ?", [caps.overallSince]) >= caps.overall) {
          return "overall-cap";
        }
        const userId = Number(rows[0].user_id);
        if (
          await count("user_id = ? AND reserved_at >= ?", [userId, caps.userSince]) >= caps.perUser
        ) {
          return "user-cap";
        }
        await tx.run(
          `UPDATE user_interactions SET reply_state = 'sending', reserved_by = ?, reserved_at = ?
           WHERE id = ? AND reply_state = 'pending'`,
          [owner, now, id],
        );
        return "reserved";
      }, { lock: "creator.replies" });
    },

    markReplied(id: number, text: string, externalId: string, now: number): Promise<number> {
      return db.run(
        `UPDATE user_interactions SET reply_state = 'sent', reply_text = ?, reply_external_id = ?,
           replied_at = ? WHERE id = ?`,
        [text, externalId, now, id],
      );
    },

    /** Back to pending (nothing was sent: rate limit, budget, open circuit), or to none. */
    release(id: number, reason: string, state: "pending" | "none" = "pending"): Promise<number> {
      return db.run(
        `UPDATE user_interactions SET reply_state = ?, reply_reason = ?, reserved_by = NULL,
           reserved_at = NULL WHERE id = ? AND reply_state IN ('pending', 'sending')`,
        [state, reason, id],
      );
    },

    /** Ends a reply for good: refused by the platform (failed) or uncertain (unknown). */
    finish(id: number, state: "failed" | "unknown", reason: string, text?: string) {
      return db.run(
        `UPDATE user_interactions SET reply_state = ?, reply_reason = ?,
           reply_text = COALESCE(?, reply_text) WHERE id = ?`,
        [state, reason, text ?? null, id],
      );
    },

    /**
     * Replies left in 'sending' since before `olderThan` (a crash between reserve and send, or
     * an answer that never came) become 'unknown': never sent again, left for a person.
     */
    expireSending(olderThan: number): Promise<number> {
      return db.run(
        `UPDATE user_interactions SET reply_state = 'unknown',
           reply_reason = 'the sender stopped before it knew whether the reply went out'
         WHERE reply_state = 'sending' AND reserved_at < ?`,
        [olderThan],
      );
    },

    /** The insight behind one of our posts: what a reply about it may say. */
    async postContext(postId: number) {
      const rows = await db.all<{ headline: string; facts: string; symbol: string | null }>(
        `SELECT i.headline, i.facts, i.symbol FROM published_content pc
         JOIN content_plans p ON p.id = pc.plan_id JOIN insights i ON i.id = p.insight_id
         WHERE pc.id = ?`,
        [postId],
      );
      if (!rows.length) return null;
      return {
        headline: rows[0].headline,
        facts: JSON.parse(rows[0].facts) as Record<string, number | string>,
        symbol: rows[0].symbol,
      };
    },

    async get(platform: Platform, externalId: string) {
      const rows = await db.all(
        `${SELECT.replace("i.*", "i.*, i.reply_text, i.reply_reason")}
         WHERE i.platform = ? AND i.external_id = ?`,
        [platform, externalId],
      );
      if (!rows.length) return null;
      const r = rows[0];
      return {
        ...toInteraction(r),
        replyText: r.reply_text == null ? null : String(r.reply_text),
        replyReason: r.reply_reason == null ? null : String(r.reply_reason),
        replyExternalId: r.reply_external_id == null ? null : String(r.reply_external_id),
      };
    },
  };
}

export type ReserveResult = "reserved" | "taken" | "overall-cap" | "user-cap";
export type InteractionRepo = ReturnType<typeof interactions>;

/** Our published posts the messages answer, by `platform:<part id>` (any part of a thread). */
async function postIds(db: Db, messages: IncomingMessage[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const wanted = [...new Set(messages.map((m) => m.inReplyToPostId).filter((id) => id !== null))];
  for (const platform of new Set(messages.map((m) => m.platform))) {
    for (let i = 0; i < wanted.length; i += 500) {
      const chunk = wanted.slice(i, i + 500);
      const rows = await db.all<{ id: number; external_id: string; part_ids: string | null }>(
        `SELECT id, external_id, part_ids FROM published_content
         WHERE platform = ? AND status = 'published' AND (external_id IN (${
          chunk.map(() => "?").join(", ")
        }) OR part_ids LIKE '%,%')`,
        [platform, ...chunk],
      );
      for (const r of rows) {
        const parts: string[] = r.part_ids ? JSON.parse(r.part_ids) : [r.external_id];
        for (const part of [r.external_id, ...parts]) out.set(`${platform}:${part}`, Number(r.id));
      }
    }
  }
  return out;
}

function toInteraction(r: Record<string, unknown>): Interaction {
  return {
    id: Number(r.id),
    platform: r.platform as Platform,
    externalId: String(r.external_id),
    kind: r.kind as InteractionKind,
    userId: Number(r.user_id),
    authorId: String(r.author_id),
    handle: r.handle == null ? null : String(r.handle),
    isBot: Number(r.is_bot) === 1,
    optedOut: r.opted_out_at != null,
    postId: r.post_id == null ? null : Number(r.post_id),
    conversationId: r.conversation_id == null ? null : String(r.conversation_id),
    text: String(r.text),
    receivedAt: Number(r.received_at),
    classification: (r.classification ?? null) as Classification | null,
    replyState: r.reply_state as ReplyState,
  };
}
