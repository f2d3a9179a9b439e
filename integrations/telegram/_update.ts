/**
 * Reads a Bot API Update as the audience sees it: a comment on one of our channel posts (a
 * reply in the channel's linked discussion group), a direct message to the bot, or the
 * reaction counts of a message. Everything else is kept as received for other handlers.
 */
import type { IncomingMessage } from "../../core/vocabulary.ts";
import { isTelegramId, isTelegramMessageId, sentAt } from "../audience/_fields.ts";
import type { TelegramReactionCount, TelegramUpdate } from "../audience/mod.ts";

type Json = Record<string, unknown>;

const KINDS = [
  "message",
  "edited_message",
  "channel_post",
  "edited_channel_post",
  "message_reaction",
  "message_reaction_count",
  "chat_member",
  "my_chat_member",
  "chat_join_request",
  "callback_query",
];

/** `botId` is our bot's user id: its own messages are not the audience's. */
export function readUpdate(raw: unknown, botId: number): TelegramUpdate | null {
  if (!isObject(raw) || !Number.isInteger(raw.update_id)) return null;
  const kind = KINDS.find((k) => k in raw) ?? Object.keys(raw).find((k) => k !== "update_id") ??
    "unknown";
  const update: TelegramUpdate = {
    updateId: raw.update_id as number,
    kind,
    payload: raw,
    message: null,
    reactionCount: null,
    problem: null,
  };
  if (kind === "message") {
    const read = toMessage(raw.message, botId);
    if (typeof read === "string") update.problem = read;
    else update.message = read;
  }
  if (kind === "message_reaction_count") {
    const read = toReactionCount(raw.message_reaction_count);
    if (typeof read === "string") update.problem = read;
    else update.reactionCount = read;
  }
  return update;
}

function toMessage(m: unknown, botId: number): IncomingMessage | string | null {
  if (
    !isObject(m) || !isTelegramMessageId(m.message_id) || !isObject(m.chat) ||
    !isTelegramId(m.chat.id)
  ) {
    return "a message without message_id or chat";
  }
  const chat = m.chat;
  const from = isObject(m.from) ? m.from : null;
  // The channel's own posts arrive in the discussion group as automatic forwards.
  if (m.is_automatic_forward || m.sender_chat || !from || from.id === botId) return null;
  if (!isTelegramId(from.id)) return "a message whose sender has no id";
  const text = typeof m.text === "string" ? m.text : typeof m.caption === "string" ? m.caption : "";
  if (!text) return null;
  const post = channelPostRepliedTo(m.reply_to_message);
  const isPrivate = chat.type === "private";
  // In groups only comments on our posts are ours to answer; the rest is the members' talk.
  if (!isPrivate && post === null) return null;
  return {
    platform: "telegram",
    externalId: `${chat.id}:${m.message_id}`,
    kind: isPrivate ? "direct_message" : "comment",
    author: {
      platform: "telegram",
      externalId: String(from.id),
      handle: typeof from.username === "string" ? from.username : null,
      displayName: [from.first_name, from.last_name].filter((s) => typeof s === "string").join(
        " ",
      ) || null,
      isBot: from.is_bot === true,
    },
    text,
    sentAt: sentAt(Number.isInteger(m.date) ? (m.date as number) * 1000 : NaN),
    inReplyToPostId: post,
    conversationId: String(chat.id),
  };
}

/** The channel message id of the automatic forward a group message replies to, if it does. */
function channelPostRepliedTo(reply: unknown): string | null {
  if (!isObject(reply) || reply.is_automatic_forward !== true) return null;
  const origin = reply.forward_origin;
  if (isObject(origin) && origin.type === "channel" && isTelegramMessageId(origin.message_id)) {
    return String(origin.message_id);
  }
  // Bot API before 7.0 named it forward_from_message_id.
  return isTelegramMessageId(reply.forward_from_message_id)
    ? String(reply.forward_from_message_id)
    : null;
}

function toReactionCount(r: unknown): TelegramReactionCount | string {
  if (
    !isObject(r) || !isObject(r.chat) || !isTelegramId(r.chat.id) ||
    !isTelegramMessageId(r.message_id)
  ) {
    return "a message_reaction_count without chat or message_id";
  }
  const reactions = Array.isArray(r.reactions) ? r.reactions : [];
  const total = reactions.reduce(
    (sum: number, x) =>
      sum + (isObject(x) && isTelegramId(x.total_count) && x.total_count > 0 ? x.total_count : 0),
    0,
  );
  return {
    chatId: String(r.chat.id),
    chatUsername: typeof r.chat.username === "string" ? `@${r.chat.username}` : null,
    messageId: String(r.message_id),
    total,
    reactions,
  };
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
