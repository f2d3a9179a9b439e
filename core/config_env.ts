/**
 * Which environment variables set which config keys. Plain data apart from
 * the schema, so reading the environment loads no validation library.
 */
/** Environment variables and the config key each sets. Lists are comma-separated. */
export const ENV_KEYS: Record<string, string> = {
  CREATOR_LOG_LEVEL: "logLevel",
  CREATOR_EXCHANGE: "exchange.id",
  CREATOR_SYMBOLS: "exchange.symbols",
  CREATOR_TOP_N: "exchange.topN",
  CREATOR_TIMEFRAMES: "exchange.timeframes",
  CREATOR_FEEDS: "news.feeds",
  CREATOR_MODEL: "content.model",
  CREATOR_DISCLAIMER: "content.disclaimer",
  CREATOR_PLATFORMS: "planning.platforms",
  CREATOR_EXCHANGE_BASE_URL: "baseUrls.exchange",
  CREATOR_NEWSAPI_BASE_URL: "baseUrls.newsapi",
  CREATOR_FEAR_GREED_BASE_URL: "baseUrls.fearGreed",
  ANTHROPIC_BASE_URL: "baseUrls.anthropic",
  CREATOR_ANTHROPIC_BASE_URL: "baseUrls.anthropic",
  CREATOR_X_BASE_URL: "baseUrls.x",
  CREATOR_TELEGRAM_BASE_URL: "baseUrls.telegram",
  CREATOR_DISCORD_BASE_URL: "baseUrls.discord",
  CREATOR_STRIPE_BASE_URL: "baseUrls.stripe",
  ANTHROPIC_API_KEY: "secrets.anthropicApiKey",
  NEWSAPI_KEY: "secrets.newsapiKey",
  X_API_KEY: "secrets.xApiKey",
  X_API_SECRET: "secrets.xApiSecret",
  X_ACCESS_TOKEN: "secrets.xAccessToken",
  X_ACCESS_SECRET: "secrets.xAccessSecret",
  TELEGRAM_BOT_TOKEN: "secrets.telegramBotToken",
  TELEGRAM_CHANNEL_ID: "secrets.telegramChannelId",
  DISCORD_BOT_TOKEN: "secrets.discordBotToken",
  DISCORD_CHANNEL_ID: "secrets.discordChannelId",
  DISCORD_WEBHOOK_URL: "secrets.discordWebhookUrl",
  STRIPE_SECRET_KEY: "secrets.stripeSecretKey",
  STRIPE_WEBHOOK_SECRET: "secrets.stripeWebhookSecret",
};

export const LIST_KEYS = new Set([
  "exchange.symbols",
  "exchange.timeframes",
  "news.feeds",
  "planning.platforms",
]);
export const NUMBER_KEYS = new Set(["exchange.topN"]);
