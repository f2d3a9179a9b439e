/**
 * The Telegram fake's membership methods: createChatInviteLink, banChatMember,
 * unbanChatMember, approveChatJoinRequest, declineChatJoinRequest, getChat,
 * sendMessage to a person (a direct message) and to the private chat, and
 * sendPhoto to the private chat. Each call is recorded; answers follow the Bot
 * API docs (https://core.telegram.org/bots/api).
 */
import type { PhotoRequest } from "./telegram_media.ts";
export const PRIVATE_CHAT_ID = "-1009876543210";

export interface TelegramMemberCalls {
  invites: Array<{ link: string; memberLimit?: number; expireDate?: number; name?: string }>;
  /** Links revoked with revokeChatInviteLink. */
  revoked: string[];
  bans: string[];
  unbans: string[];
  approvals: string[];
  declines: string[];
  /** Direct messages, by user id. */
  dms: Array<{ userId: string; text: string }>;
  /** People who never wrote to the bot: a DM to them is refused with 403. */
  silent: Set<string>;
  /** Messages posted in the private chat (a photo's caption counts as one). */
  privatePosts: string[];
  /** Photos posted in the private chat, by their caption and size. */
  privatePhotos: Array<{ caption: string; bytes: number }>;
  /**
   * How the next posts to the private chat fail, in order: a status answered
   * before storing, or with `afterStore` after (the answer is lost).
   */
  privatePostFailures: Array<{ status: number; afterStore?: boolean }>;
  /** Chats getChat describes as public (with a username), e.g. a mistaken "private" id. */
  publicChats: Set<string>;
}

type Body = Record<string, unknown>;

export function telegramMembers() {
  const calls: TelegramMemberCalls = {
    invites: [],
    revoked: [],
    bans: [],
    unbans: [],
    approvals: [],
    declines: [],
    dms: [],
    silent: new Set(),
    privatePosts: [],
    privatePhotos: [],
    privatePostFailures: [],
    publicChats: new Set(),
  };
  const ok = (result: unknown) => Response.json({ ok: true, result });
  const error = (status: number, description: string) =>
    Response.json({ ok: false, error_code: status, description }, { status });

  function inChat(body: Body, record: string[]): Response {
    if (String(body.chat_id) !== PRIVATE_CHAT_ID) return error(400, "Bad Request: chat not found");
    record.push(String(body.user_id));
    return ok(true);
  }

  /** Answers the membership methods; undefined leaves the request to the channel fake. */
  function handle(method: string, body: Body): Response | undefined {
    switch (method) {
      case "createChatInviteLink": {
        if (String(body.chat_id) !== PRIVATE_CHAT_ID) {
          return error(400, "Bad Request: chat not found");
        }
        const link = `https://t.me/+${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`;
        calls.invites.push({
          link,
          memberLimit: body.member_limit as number | undefined,
          expireDate: body.expire_date as number | undefined,
          name: body.name as string | undefined,
        });
        return ok({
          invite_link: link,
          creator: { id: 5681419729, is_bot: true, first_name: "creator bot" },
          creates_join_request: false,
          is_primary: false,
          is_revoked: false,
          ...(body.member_limit ? { member_limit: body.member_limit } : {}),
          ...(body.expire_date ? { expire_date: body.expire_date } : {}),
          ...(body.name ? { name: body.name } : {}),
        });
      }
      case "revokeChatInviteLink": {
        if (String(body.chat_id) !== PRIVATE_CHAT_ID) {
          return error(400, "Bad Request: chat not found");
        }
        const made = calls.invites.find((i) => i.link === body.invite_link);
        if (!made) return error(400, "Bad Request: INVITE_HASH_INVALID");
        calls.revoked.push(made.link);
        return ok({
          invite_link: made.link,
          creator: { id: 5681419729, is_bot: true, first_name: "creator bot" },
          creates_join_request: false,
          is_primary: false,
          is_revoked: true,
        });
      }
      case "banChatMember":
        return inChat(body, calls.bans);
      case "unbanChatMember":
        return inChat(body, calls.unbans);
      case "approveChatJoinRequest":
        return inChat(body, calls.approvals);
      case "declineChatJoinRequest":
        return inChat(body, calls.declines);
      case "getChat":
        return getChat(String(body.chat_id));
      case "sendMessage":
        if (String(body.chat_id) === PRIVATE_CHAT_ID && !calls.publicChats.has(PRIVATE_CHAT_ID)) {
          return postPrivately(String(body.text), { text: body.text });
        }
        return directMessage(body);
    }
    return undefined;
  }

  /** sendPhoto to the private chat; undefined leaves any other chat to the channel fake. */
  function photo(p: PhotoRequest): Response | undefined {
    if (p.chatId !== PRIVATE_CHAT_ID || calls.publicChats.has(PRIVATE_CHAT_ID)) return undefined;
    const caption = p.caption ?? "";
    return postPrivately(
      caption,
      { caption, photo: [{ file_id: "AgAC", width: 1200 }] },
      () => calls.privatePhotos.push({ caption, bytes: p.photo.byteLength }),
    );
  }

  function postPrivately(text: string, content: Body, alsoRecord?: () => void): Response {
    const failure = calls.privatePostFailures.shift();
    if (failure && !failure.afterStore) return error(failure.status, "Internal Server Error");
    calls.privatePosts.push(text);
    alsoRecord?.();
    if (failure) return error(failure.status, "Internal Server Error");
    const chat = { id: Number(PRIVATE_CHAT_ID), type: "channel", title: "Members" };
    return ok({ message_id: calls.privatePosts.length, chat, date: 0, ...content });
  }

  function getChat(id: string): Response {
    if (id === PRIVATE_CHAT_ID && !calls.publicChats.has(id)) {
      return ok({ id: Number(id), type: "channel", title: "Members" });
    }
    const username = id.startsWith("@") ? id.slice(1) : "creator_signals";
    return ok({ id: -1001234567890, type: "channel", title: "Creator Signals", username });
  }

  /**
   * Refuses a DM to someone who never wrote to the bot; otherwise notes it and
   * leaves the answer to the audience routes, which own direct messages.
   */
  function directMessage(body: Body): Response | undefined {
    const userId = String(body.chat_id);
    if (!/^\d+$/.test(userId)) return undefined;
    if (calls.silent.has(userId)) {
      return error(403, "Forbidden: bot can't initiate conversation with a user");
    }
    calls.dms.push({ userId, text: String(body.text) });
    return undefined;
  }

  return { calls, handle, photo };
}
