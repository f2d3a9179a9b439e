/**
 * The config sections that point creator at the fakes: their base URLs, the
 * credentials they accept, and the fake feeds. Tests and benchmarks add the rest.
 */
import { FAKE_ANTHROPIC_KEY } from "./anthropic.ts";
import { TEST_BOT_TOKEN, TEST_CHANNEL_ID } from "./discord.ts";
import { FAKE_NEWSAPI_KEY, FEED_PATHS } from "./news.ts";
import { TEST_TOKEN } from "./telegram.ts";
import { TEST_CREDENTIALS } from "./x.ts";

export interface FakeUrls {
  exchange: string;
  news: string;
  anthropic: string;
  x: string;
  telegram: string;
  discord: string;
}

export function fakeWiring(urls: FakeUrls, telegramChat: string) {
  return {
    news: {
      feeds: [FEED_PATHS.chainLedger, FEED_PATHS.blockWire, FEED_PATHS.satoshiStreet]
        .map((path) => urls.news + path),
    },
    baseUrls: {
      exchange: urls.exchange,
      newsapi: urls.news,
      fearGreed: urls.news,
      anthropic: urls.anthropic,
      x: urls.x,
      telegram: urls.telegram,
      discord: urls.discord,
    },
    secrets: {
      anthropicApiKey: FAKE_ANTHROPIC_KEY,
      newsapiKey: FAKE_NEWSAPI_KEY,
      xApiKey: TEST_CREDENTIALS.appKey,
      xApiSecret: TEST_CREDENTIALS.appSecret,
      xAccessToken: TEST_CREDENTIALS.accessToken,
      xAccessSecret: TEST_CREDENTIALS.accessSecret,
      telegramBotToken: TEST_TOKEN,
      telegramChannelId: telegramChat,
      discordBotToken: TEST_BOT_TOKEN,
      discordChannelId: TEST_CHANNEL_ID,
    },
  };
}
