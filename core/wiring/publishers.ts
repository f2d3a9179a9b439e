/** The posting clients: one per platform, or what to set to have it. */
import type { Config } from "../config.ts";
import { xAccount } from "./_x_account.ts";
import type { Platform } from "../vocabulary.ts";
import type { Publisher } from "../../integrations/publish/mod.ts";

export async function makePublisher(
  config: Config,
  platform: Platform,
): Promise<Publisher | { missing: string }> {
  const s = config.secrets;
  const urls = config.baseUrls;
  switch (platform) {
    case "x": {
      const account = xAccount(config);
      if ("missing" in account) return account;
      const { createXPublisher } = await import("../../integrations/x/twitter.ts");
      return createXPublisher(account);
    }
    case "telegram": {
      if (!s.telegramBotToken || !s.telegramChannelId) {
        return { missing: "set TELEGRAM_BOT_TOKEN and TELEGRAM_CHANNEL_ID" };
      }
      const { createTelegramPublisher } = await import("../../integrations/telegram/grammy.ts");
      return createTelegramPublisher({
        token: s.telegramBotToken,
        chatId: s.telegramChannelId,
        baseUrl: urls.telegram,
      });
    }
    case "discord": {
      const bot = s.discordBotToken && s.discordChannelId;
      if (!bot && !s.discordWebhookUrl) {
        return { missing: "set DISCORD_WEBHOOK_URL, or DISCORD_BOT_TOKEN and DISCORD_CHANNEL_ID" };
      }
      const { createDiscordPublisher } = await import("../../integrations/discord/discordjs.ts");
      return createDiscordPublisher({
        webhookUrl: bot ? undefined : s.discordWebhookUrl,
        botToken: bot ? s.discordBotToken : undefined,
        channelId: bot ? s.discordChannelId : undefined,
        baseUrl: urls.discord,
      });
    }
  }
}
