/** Member access on Telegram: a private channel or group the bot administers. */
import type { Api } from "grammy/web";
import { translateErrors } from "../../core/errors.ts";
import type { MemberAccess } from "../access/mod.ts";
import { toServiceError } from "./grammy.ts";

export interface TelegramAccessOptions {
  token: string;
  /** The private chat: "-100…" or "@name". */
  chatId: string;
  /** How long an invite link may wait to be opened. */
  inviteHours: number;
  baseUrl?: string;
  now?: () => number;
}

/**
 * Invite links admit one person (`member_limit` 1) and expire; revoking bans
 * then unbans, which removes the person without keeping them banned.
 */
export async function createTelegramAccess(o: TelegramAccessOptions): Promise<MemberAccess> {
  const { Bot } = await import("grammy/web");
  const apiRoot = (o.baseUrl ?? "https://api.telegram.org").replace(/\/+$/, "");
  const api: Api = new Bot(o.token, { client: { apiRoot, timeoutSeconds: 30 } }).api;
  const now = o.now ?? Date.now;
  const call = <T>(fn: () => Promise<T>) => translateErrors(fn, toServiceError);
  return {
    platform: "telegram",
    async grant(userId) {
      const link = await call(() =>
        api.createChatInviteLink(o.chatId, {
          name: `member ${userId}`.slice(0, 32),
          member_limit: 1,
          expire_date: Math.floor(now() / 1000) + o.inviteHours * 3600,
        })
      );
      return { inviteLink: link.invite_link };
    },
    async retireLink(inviteLink) {
      await call(() => api.revokeChatInviteLink(o.chatId, inviteLink));
    },
    async revoke(userId) {
      await call(() => api.banChatMember(o.chatId, Number(userId)));
      await call(() => api.unbanChatMember(o.chatId, Number(userId), { only_if_banned: true }));
    },
    async message(userId, text) {
      await call(() =>
        api.sendMessage(Number(userId), text, { link_preview_options: { is_disabled: true } })
      );
    },
    async placeIsPrivate() {
      const chat = await call(() => api.getChat(o.chatId)) as {
        type: string;
        username?: string;
        active_usernames?: string[];
      };
      return chat.type !== "private" && !chat.username && !chat.active_usernames?.length;
    },
    approveJoin: (userId) => call(() => api.approveChatJoinRequest(o.chatId, Number(userId))),
    declineJoin: (userId) => call(() => api.declineChatJoinRequest(o.chatId, Number(userId))),
  };
}
