/** The moderated places: the Discord server and the Telegram group that are configured. */
import type { Config } from "../config.ts";
import type { Community } from "../../integrations/community/mod.ts";

export async function makeCommunities(config: Config) {
  const s = config.secrets;
  const m = config.moderation;
  const communities: Community[] = [];
  const missing: string[] = [];
  if (s.discordBotToken && m.discord.guildId) {
    const { createDiscordCommunity } = await import("../../integrations/discord/community.ts");
    communities.push(createDiscordCommunity({
      botToken: s.discordBotToken,
      guildId: m.discord.guildId,
      modLogChannelId: m.discord.modLogChannelId || undefined,
      baseUrl: config.baseUrls.discord,
    }));
  } else missing.push("discord: set DISCORD_BOT_TOKEN and moderation.discord.guildId");
  if (s.telegramBotToken && m.telegram.groupId) {
    const { createTelegramCommunity } = await import("../../integrations/telegram/community.ts");
    communities.push(createTelegramCommunity({
      token: s.telegramBotToken,
      groupId: m.telegram.groupId,
      modLogChatId: m.telegram.modLogChatId || undefined,
      baseUrl: config.baseUrls.telegram,
    }));
  } else missing.push("telegram: set TELEGRAM_BOT_TOKEN and moderation.telegram.groupId");
  return { communities, missing };
}
