import type { Classification, IncomingMessage, Platform } from "../core/vocabulary.ts";
import { type Interaction, SELECT, toInteraction } from "./_interaction_row.ts";
import { community, memberKey } from "./community.ts";
import type { Db } from "./db.ts";

export type { Interaction, ReplyState } from "./_interaction_row.ts";

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
export function interactions(db: Db) {
  return {
    /**
     * Stores each message once per platform id with its author, linked to the post it
     * answers when that post is ours. Returns how many were new.
     */
    async record(messages: IncomingMessage[], now: number): Promise<number> {
      if (!messages.length) return 0;
      // One transaction: members and their messages land together, in one commit.
      return await db.transaction(async (tx) => {
        const users = await community(tx).upsert(messages.map((m) => m.author), now);
        const posts = await postIds(tx, messages);
        return await tx.insertMany(
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
      });
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

    /** The insight behind one of our posts: what a reply about it may say. */
    async postContext(postId: number) {
      const rows = await db.all<
        {
          type: string;
          timeframe: string | null;
          headline: string;
          facts: string;
          symbol: string | null;
        }
      >(
        `SELECT i.type, i.timeframe, i.headline, i.facts, i.symbol FROM published_content pc
         JOIN content_plans p ON p.id = pc.plan_id JOIN insights i ON i.id = p.insight_id
         WHERE pc.id = ?`,
        [postId],
      );
      if (!rows.length) return null;
      return {
        type: rows[0].type,
        timeframe: rows[0].timeframe,
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
