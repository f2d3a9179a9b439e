/**
 * The Telegram fake's audience routes: getUpdates (offset confirms what came before, long
 * polls; a 409 when another consumer holds the bot) and sendMessage into the channel's discussion group or a
 * private chat. Updates are shaped as the Bot API documents them: a comment replies to the
 * channel post's automatic forward in the group, reactions arrive as message_reaction_count.
 */
import { updateQueue } from "./_get_updates.ts";

type Chat = { id: number; title?: string; username?: string; type: string };
type Json = Record<string, unknown>;

export const DISCUSSION_GROUP = {
  id: -1001987654321,
  title: "Creator Signals Chat",
  type: "supergroup",
};

export interface FakeUser {
  id: number;
  username?: string;
  first_name?: string;
  is_bot?: boolean;
}

export function telegramAudienceRoutes(channel: Chat, botId: number) {
  const updates = updateQueue(500_000_000);
  const replies: Array<{ chatId: number; messageId: number; text: string; replyTo?: number }> = [];
  const seenAllowed: unknown[] = [];
  let nextMessage = 7_000;
  let conflicts = 0;

  const push = (update: Json) => void updates.push(update);
  const user = (u: FakeUser) => ({ is_bot: false, first_name: u.username ?? "someone", ...u });
  const date = () => Math.floor(Date.now() / 1000);

  function getUpdates(body: Json): Promise<Response> | Response {
    if (conflicts > 0) {
      conflicts--;
      return Response.json({
        ok: false,
        error_code: 409,
        description: "Conflict: can't use getUpdates method while webhook is active; use " +
          "deleteWebhook to delete the webhook first",
      }, { status: 409 });
    }
    seenAllowed.push(body.allowed_updates);
    return updates.answer(body);
  }

  function sendMessage(body: Json): Response {
    const chatId = Number(body.chat_id);
    const text = String(body.text ?? "");
    if (!text.trim()) {
      return Response.json({
        ok: false,
        error_code: 400,
        description: "Bad Request: message text is empty",
      }, { status: 400 });
    }
    const replyTo = (body.reply_parameters as { message_id?: number } | undefined)?.message_id;
    const stored = { chatId, messageId: nextMessage++, text, replyTo };
    replies.push(stored);
    const chat = chatId === DISCUSSION_GROUP.id
      ? DISCUSSION_GROUP
      : { id: chatId, type: "private" };
    return Response.json({
      ok: true,
      result: {
        message_id: stored.messageId,
        from: { id: botId, is_bot: true, first_name: "creator bot", username: "creator_test_bot" },
        chat,
        date: date(),
        text,
      },
    });
  }

  return {
    route(method: string, body: Json): Promise<Response> | Response | null {
      if (method === "getUpdates") return getUpdates(body);
      if (
        method === "sendMessage" && Number(body.chat_id) !== channel.id &&
        String(body.chat_id) !== `@${channel.username}`
      ) return sendMessage(body);
      return null;
    },
    /** Ends an open long poll, so the server can shut down. */
    close: () => updates.close(),
    control: {
      /** Updates not yet confirmed. */
      get queue() {
        return updates.pending;
      },
      /** getUpdates calls refused with 409 because another was open. */
      get conflicts() {
        return updates.conflicts;
      },
      replies,
      /** allowed_updates of each getUpdates call. */
      seenAllowed,
      /** A comment in the discussion group on channel post `postId`; returns its message id. */
      comment(postId: number, from: FakeUser, text: string): number {
        const id = nextMessage++;
        const forward = {
          message_id: id - 1,
          sender_chat: channel,
          chat: DISCUSSION_GROUP,
          date: date(),
          is_automatic_forward: true,
          forward_origin: { type: "channel", chat: channel, message_id: postId, date: date() },
          text: "our post",
        };
        push({
          message: {
            message_id: id,
            from: user(from),
            chat: DISCUSSION_GROUP,
            date: date(),
            text,
            reply_to_message: forward,
          },
        });
        return id;
      },
      /** A direct message to the bot; returns its message id. */
      direct(from: FakeUser, text: string): number {
        const id = nextMessage++;
        const chat = { id: from.id, type: "private", first_name: from.first_name ?? "someone" };
        push({ message: { message_id: id, from: user(from), chat, date: date(), text } });
        return id;
      },
      /** Anonymous reaction counts of channel message `messageId`. */
      reactionCount(messageId: number, counts: Array<[emoji: string, n: number]>): void {
        push({
          message_reaction_count: {
            chat: channel,
            message_id: messageId,
            date: date(),
            reactions: counts.map(([emoji, n]) => ({
              type: { type: "emoji", emoji },
              total_count: n,
            })),
          },
        });
      },
      /** An update exactly as given (its update_id is added). */
      raw(update: Json): void {
        push(update);
      },
      /** The next `n` getUpdates calls answer 409 Conflict, as with a webhook set. */
      conflictNext(n: number): void {
        conflicts += n;
      },
    },
  };
}

export type TelegramAudienceControl = ReturnType<typeof telegramAudienceRoutes>["control"];
