/**
 * Replies to stored messages, each at most once: reserved under the caps before it is sent, its
 * platform id recorded after; an ambiguous or abandoned send ends 'unknown', never sent again.
 */
import { type Interaction, SELECT, toInteraction } from "./_interaction_row.ts";
import type { Db } from "./db.ts";

export interface ReplyCaps {
  /** Replies to one member since `userSince`. */
  perUser: number;
  userSince: number;
  /** Replies overall since `overallSince`. */
  overall: number;
  overallSince: number;
}

export type ReserveResult = "reserved" | "taken" | "overall-cap" | "user-cap";

/** States that count against caps: the reply went out, or may have. */
const COUNTED = "('sending', 'sent', 'unknown')";

export function replies(db: Db) {
  return {
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
  };
}

export type ReplyRepo = ReturnType<typeof replies>;
