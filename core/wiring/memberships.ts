/** Paid access (the private channel or role) and the members-only publisher. */
import type { Config } from "../config.ts";
import type { MemberPlatform } from "../vocabulary.ts";
import type { MemberAccess } from "../../integrations/access/mod.ts";
import type { Publisher } from "../../integrations/publish/mod.ts";

export async function makeAccess(
  config: Config,
  platform: MemberPlatform,
): Promise<MemberAccess | { missing: string }> {
  const s = config.secrets;
  const m = config.membership;
  if (platform === "telegram") {
    if (!s.telegramBotToken || !m.telegramChatId) {
      return { missing: "set TELEGRAM_BOT_TOKEN and membership.telegramChatId" };
    }
    const { createTelegramAccess } = await import("../../integrations/telegram/grammy_access.ts");
    return createTelegramAccess({
      token: s.telegramBotToken,
      chatId: m.telegramChatId,
      inviteHours: m.inviteHours,
      baseUrl: config.baseUrls.telegram,
    });
  }
  if (!s.discordBotToken || !m.discordGuildId || !m.discordRoleId) {
    return {
      missing: "set DISCORD_BOT_TOKEN, membership.discordGuildId and membership.discordRoleId",
    };
  }
  const { createDiscordAccess } = await import("../../integrations/discord/discordjs_access.ts");
  return createDiscordAccess({
    botToken: s.discordBotToken,
    guildId: m.discordGuildId,
    roleId: m.discordRoleId,
    channelId: m.discordChannelId,
    baseUrl: config.baseUrls.discord,
  });
}

export async function makeMembersPublisher(
  config: Config,
  platform: MemberPlatform,
): Promise<Publisher | { missing: string }> {
  const s = config.secrets;
  const m = config.membership;
  if (platform === "telegram") {
    const chat = m.telegramChatId;
    if (!s.telegramBotToken || !chat) {
      return { missing: "set TELEGRAM_BOT_TOKEN and membership.telegramChatId" };
    }
    if (chat.startsWith("@") || chat === s.telegramChannelId) {
      return { missing: `membership.telegramChatId ${chat} is public: use the private chat's id` };
    }
    const { createTelegramPublisher } = await import("../../integrations/telegram/grammy.ts");
    return createTelegramPublisher({
      token: s.telegramBotToken,
      chatId: chat,
      baseUrl: config.baseUrls.telegram,
    });
  }
  const channel = m.discordChannelId;
  if (!s.discordBotToken || !channel) {
    return { missing: "set DISCORD_BOT_TOKEN and membership.discordChannelId" };
  }
  if (channel === s.discordChannelId) {
    return { missing: `membership.discordChannelId ${channel} is the public channel` };
  }
  const { createDiscordPublisher } = await import("../../integrations/discord/discordjs.ts");
  return createDiscordPublisher({
    botToken: s.discordBotToken,
    channelId: channel,
    baseUrl: config.baseUrls.discord,
  });
}
