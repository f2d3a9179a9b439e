/**
 * The community port over grammY for the Telegram discussion group. The
 * moderation itself is a function over one Update (`handleUpdate`): Telegram
 * allows one getUpdates consumer per bot, so the moderator reads the bot's
 * shared update stream and hands each update here.
 */
import type { Bot } from "grammy/web";
import type { Update } from "grammy/types";
import type { Community, CommunityEvent } from "../community/mod.ts";

export interface TelegramCommunityOptions {
  token: string;
  /** The discussion group's chat id, e.g. "-1001234567890". */
  groupId: string;
  modLogChatId?: string;
  /** Default https://api.telegram.org; tests point it at a fake. */
  baseUrl?: string;
}

export interface TelegramCommunity extends Community {
  /** Moderates one Update from the bot's update stream. */
  handleUpdate(update: Update, onEvent: (event: CommunityEvent) => Promise<void>): Promise<void>;
}

/** Group admins are looked up at most this often: promotions show up within minutes. */
const ADMINS_TTL_MS = 5 * 60_000;
const MUTED = {
  can_send_messages: false,
  can_send_audios: false,
  can_send_documents: false,
  can_send_photos: false,
  can_send_videos: false,
  can_send_video_notes: false,
  can_send_voice_notes: false,
  can_send_polls: false,
  can_send_other_messages: false,
  can_add_web_page_previews: false,
};
const UNMUTED = Object.fromEntries(Object.keys(MUTED).map((k) => [k, true]));

export function createTelegramCommunity(o: TelegramCommunityOptions): TelegramCommunity {
  const apiRoot = (o.baseUrl ?? "https://api.telegram.org").replace(/\/+$/, "");
  let bot: Promise<Bot> | undefined;
  const connect = () =>
    bot ??= import("grammy/web").then(async ({ Bot }) => {
      const b = new Bot(o.token, { client: { apiRoot } });
      await b.init();
      return b;
    });
  let admins = { ids: new Set<number>(), at: 0 };
  const staff = async (b: Bot, now: number) => {
    if (now - admins.at > ADMINS_TTL_MS) {
      const list = await b.api.getChatAdministrators(o.groupId);
      admins = { ids: new Set(list.map((m) => m.user.id)), at: now };
    }
    return admins.ids;
  };
  const id = (v: string) => Number(v);

  const community: TelegramCommunity = {
    platform: "telegram",
    async handleUpdate(update, onEvent) {
      const b = await connect();
      for (const event of await toEvents(update, o.groupId, await staff(b, Date.now()))) {
        await onEvent(event);
      }
    },
    async deleteMessage(chatId, _channel, messageId) {
      await (await connect()).api.deleteMessage(chatId, id(messageId));
    },
    async timeout(chatId, userId, until) {
      const untilDate = Math.ceil(until / 1000);
      await (await connect()).api.restrictChatMember(chatId, id(userId), MUTED, {
        until_date: untilDate,
      });
    },
    async removeTimeout(chatId, userId) {
      await (await connect()).api.restrictChatMember(chatId, id(userId), UNMUTED);
    },
    async kick(chatId, userId) {
      const api = (await connect()).api;
      // Telegram has no kick: a ban, lifted at once, removes the member and lets them rejoin.
      await api.banChatMember(chatId, id(userId));
      await api.unbanChatMember(chatId, id(userId), { only_if_banned: true });
    },
    async ban(chatId, userId) {
      await (await connect()).api.banChatMember(chatId, id(userId), { revoke_messages: true });
    },
    async unban(chatId, userId) {
      await (await connect()).api.unbanChatMember(chatId, id(userId), { only_if_banned: true });
    },
    async startRaidMode(chatId) {
      // Bots cannot set slowmode through the Bot API, so raid mode locks the group either way.
      const api = (await connect()).api;
      const chat = await api.getChat(chatId);
      const before = "permissions" in chat ? chat.permissions ?? UNMUTED : UNMUTED;
      await api.setChatPermissions(chatId, MUTED);
      return { action: "lock", permissions: before };
    },
    async endRaidMode(chatId, replaced) {
      const permissions = (replaced.permissions ?? UNMUTED) as typeof UNMUTED;
      await (await connect()).api.setChatPermissions(chatId, permissions);
    },
    async modLog(text) {
      if (!o.modLogChatId) return;
      await (await connect()).api.sendMessage(o.modLogChatId, text.slice(0, 4096), {
        link_preview_options: { is_disabled: true },
      });
    },
    async close() {
      // Nothing to stop: the bot here only calls the API and never polls.
    },
  };
  return community;
}

/** Messages, edits and joins in our group; everything else is not ours to moderate. */
function toEvents(update: Update, groupId: string, admins: Set<number>): CommunityEvent[] {
  const m = update.message ?? update.edited_message;
  if (m && String(m.chat.id) === groupId) {
    const joined = (m.new_chat_members ?? []).filter((u) => !u.is_bot);
    if (joined.length) {
      return joined.map((u) => ({
        kind: "join" as const,
        chatId: groupId,
        at: m.date * 1000,
        member: { id: String(u.id), name: fullName(u), roles: admins.has(u.id) ? ["Admin"] : [] },
      }));
    }
    const text = m.text ?? m.caption;
    if (text === undefined || m.from?.is_bot && !m.sender_chat) return [];
    // The group speaking as itself (anonymous admins) or a linked channel is staff.
    const asChat = m.sender_chat !== undefined;
    const entities = m.entities ?? m.caption_entities ?? [];
    // Hidden links (text_link) are checked with the visible text.
    const links = entities.flatMap((e) => e.type === "text_link" ? [e.url] : []);
    return [{
      kind: "message",
      chatId: groupId,
      edited: update.edited_message !== undefined,
      message: {
        id: String(m.message_id),
        text: links.length ? `${text} ${links.join(" ")}` : text,
        channel: groupId,
        at: (m.edit_date ?? m.date) * 1000,
        author: {
          id: m.from ? String(m.from.id) : undefined,
          name: m.from ? fullName(m.from) : m.sender_chat?.title,
          roles: asChat || (m.from && admins.has(m.from.id)) ? ["Admin"] : [],
        },
      },
    }];
  }
  const cm = update.chat_member;
  if (
    cm && String(cm.chat.id) === groupId && cm.new_chat_member.status === "member" &&
    (cm.old_chat_member.status === "left" || cm.old_chat_member.status === "kicked")
  ) {
    const u = cm.new_chat_member.user;
    return [{
      kind: "join",
      chatId: groupId,
      at: cm.date * 1000,
      member: { id: String(u.id), name: fullName(u), roles: [] },
    }];
  }
  return [];
}

function fullName(u: { first_name: string; last_name?: string; username?: string }): string {
  return [u.first_name, u.last_name].filter(Boolean).join(" ") || u.username || "";
}
