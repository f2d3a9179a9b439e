/** The stored shape of a message with what is known of its author, as both repos read it. */
import type { Classification, InteractionKind, Platform } from "../core/vocabulary.ts";

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

export const SELECT = `SELECT i.*, u.external_id AS author_id, u.handle, u.is_bot, u.opted_out_at
  FROM user_interactions i JOIN community_users u ON u.id = i.user_id`;

export function toInteraction(r: Record<string, unknown>): Interaction {
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
