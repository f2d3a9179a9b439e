import type { Platform } from "../core/vocabulary.ts";
import type { Db } from "./db.ts";

/** A Telegram Update as received: its id, its kind (the Update's field) and the whole object. */
export interface StoredUpdate {
  updateId: number;
  kind: string;
  payload: Record<string, unknown>;
}

/**
 * An update as stored, with its place in the order it was stored. Consumers keep that place,
 * not the update_id: Telegram picks the next update_id at random after a week without
 * updates, so a later update may carry a smaller one.
 */
export interface QueuedUpdate extends StoredUpdate {
  seq: number;
}

export interface ReactionCount {
  chatId: string;
  /** "@name" of a public chat. */
  chatUsername: string | null;
  messageId: string;
  total: number;
  reactions: unknown[];
}

export function intake(db: Db) {
  return {
    /** Where the intake of `source` on `platform` stopped, or null on the first run. */
    async cursor(platform: Platform, source: string): Promise<string | null> {
      const rows = await db.all<{ cursor_value: string }>(
        "SELECT cursor_value FROM intake_cursors WHERE platform = ? AND source = ?",
        [platform, source],
      );
      return rows.length ? String(rows[0].cursor_value) : null;
    },

    /**
     * Moves a cursor forward. Cursors are numeric ids (tweet, update, snowflake): a
     * smaller one from a slower instance never moves it back.
     */
    advance(platform: Platform, source: string, value: string, now: number): Promise<number> {
      return db.run(
        `INSERT INTO intake_cursors (platform, source, cursor_value, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (platform, source) DO UPDATE SET cursor_value = excluded.cursor_value,
           updated_at = excluded.updated_at
         WHERE length(intake_cursors.cursor_value) < length(excluded.cursor_value)
           OR (length(intake_cursors.cursor_value) = length(excluded.cursor_value)
             AND intake_cursors.cursor_value < excluded.cursor_value)`,
        [platform, source, value, now],
      );
    },

    /** Keeps every update once; a redelivered one is left as first stored. */
    storeUpdates(updates: StoredUpdate[], now: number): Promise<number> {
      return db.insertMany(
        "telegram_updates",
        ["update_id", "kind", "payload", "received_at"],
        updates.map((u) => [u.updateId, u.kind, JSON.stringify(u.payload), now]),
        "ON CONFLICT (update_id) DO NOTHING",
      );
    },

    /** Updates stored after place `afterSeq`, in the order stored: how consumers catch up. */
    async updatesAfter(afterSeq: number, limit = 1000): Promise<QueuedUpdate[]> {
      const rows = await db.all<{ id: number; update_id: number; kind: string; payload: string }>(
        `SELECT id, update_id, kind, payload FROM telegram_updates WHERE id > ?
         ORDER BY id LIMIT ?`,
        [afterSeq, limit],
      );
      return rows.map((r) => ({
        seq: Number(r.id),
        updateId: Number(r.update_id),
        kind: r.kind,
        payload: JSON.parse(r.payload),
      }));
    },

    /** The place of the last update stored; 0 before the first. */
    async lastUpdateSeq(): Promise<number> {
      const [row] = await db.all<{ n: number | null }>("SELECT MAX(id) AS n FROM telegram_updates");
      return Number(row?.n ?? 0);
    },

    /** Telegram sends the current counts each time: the latest replaces the earlier. */
    saveReactions(counts: ReactionCount[], now: number): Promise<number> {
      return db.insertMany(
        "telegram_reactions",
        ["chat_id", "chat_username", "message_id", "total", "reactions", "updated_at"],
        counts.map((
          c,
        ) => [c.chatId, c.chatUsername, c.messageId, c.total, JSON.stringify(c.reactions), now]),
        `ON CONFLICT (chat_id, message_id) DO UPDATE SET total = excluded.total,
           reactions = excluded.reactions, updated_at = excluded.updated_at`,
      );
    },

    /** Reaction counts by message id in one chat (its numeric id or "@name"), where any. */
    async reactions(chat: string, messageIds: string[]): Promise<Map<string, ReactionCount>> {
      if (!messageIds.length) return new Map();
      const rows = await db.all<
        {
          chat_id: string;
          chat_username: string | null;
          message_id: string;
          total: number;
          reactions: string;
        }
      >(
        `SELECT chat_id, chat_username, message_id, total, reactions FROM telegram_reactions
         WHERE (chat_id = ? OR chat_username = ?)
           AND message_id IN (${messageIds.map(() => "?").join(", ")})`,
        [chat, chat, ...messageIds],
      );
      return new Map(rows.map((r) => [String(r.message_id), {
        chatId: String(r.chat_id),
        chatUsername: r.chat_username,
        messageId: String(r.message_id),
        total: Number(r.total),
        reactions: JSON.parse(r.reactions),
      }]));
    },
  };
}

export type IntakeRepo = ReturnType<typeof intake>;
