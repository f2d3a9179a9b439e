/** The clients that hear the audience: inboxes, repliers, metrics, and Claude's two roles. */
import type { Config } from "../config.ts";
import { xAccount } from "./_x_account.ts";
import type { Platform } from "../vocabulary.ts";
import type { PlatformAudience } from "../../integrations/audience/mod.ts";

export async function makeAudience(
  config: Config,
  platform: Platform,
): Promise<PlatformAudience | { missing: string }> {
  const s = config.secrets;
  const urls = config.baseUrls;
  switch (platform) {
    case "x": {
      const account = xAccount(config);
      if ("missing" in account) return account;
      const { createXAudience } = await import("../../integrations/x/x_audience.ts");
      const x = createXAudience(account);
      return {
        platform,
        inboxes: [x.inbox],
        updates: null,
        replier: x.replier,
        metrics: x.metrics,
      };
    }
    case "telegram": {
      if (!s.telegramBotToken) return { missing: "set TELEGRAM_BOT_TOKEN" };
      const { createTelegramAudience } = await import("../../integrations/telegram/audience.ts");
      const t = createTelegramAudience({ token: s.telegramBotToken, baseUrl: urls.telegram });
      // Views: the Bot API gives bots none; reactions come in through the updates.
      return { platform, inboxes: [], updates: t.updates, replier: t.replier, metrics: null };
    }
    case "discord": {
      if (!s.discordBotToken) return { missing: "set DISCORD_BOT_TOKEN (a webhook cannot read)" };
      const channels = config.engagement.discordChannels.length
        ? config.engagement.discordChannels
        : s.discordChannelId
        ? [s.discordChannelId]
        : [];
      const { createDiscordAudience } = await import("../../integrations/discord/audience.ts");
      const d = createDiscordAudience({
        botToken: s.discordBotToken,
        channels,
        postChannel: s.discordChannelId,
        baseUrl: urls.discord,
      });
      return {
        platform,
        inboxes: d.inboxes,
        updates: null,
        replier: d.replier,
        metrics: d.metrics,
      };
    }
  }
}

export function anthropicOptions(config: Config) {
  return {
    apiKey: config.secrets.anthropicApiKey ?? "",
    baseUrl: config.baseUrls.anthropic,
    model: config.content.model,
    persona: config.content.persona,
  };
}
