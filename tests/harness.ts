/**
 * Every fake service at once, and a Config that points the real clients at
 * them: ccxt at the Binance fake, the feeds, NewsAPI and Fear & Greed at the
 * news fake, Claude at the Anthropic fake, and X, Telegram and Discord at
 * theirs, each with credentials the fake accepts.
 */
import type { Context } from "../core/agent.ts";
import { fixedClock } from "../core/clock.ts";
import { type Config, ConfigSchema } from "../core/config_schema.ts";
import { type ContextOptions, createContext } from "../core/context.ts";
import { createIntegrations, type Integrations } from "../core/integrations.ts";
import type { Store } from "../storage/mod.ts";
import { startBrokenKlines } from "./_broken_klines.ts";
import {
  type FakeAnthropic,
  type FakeAnthropicOptions,
  type MessagesBody,
  startFakeAnthropic,
} from "./fakes/anthropic.ts";
import { type FakeBinance, type MalformedKlines, startFakeBinance } from "./fakes/binance.ts";
import { type DiscordFake, startDiscordFake, TEST_WEBHOOK } from "./fakes/discord.ts";
import { type FakeNews, startFakeNews } from "./fakes/news.ts";
import { startTelegramFake, type TelegramFake } from "./fakes/telegram.ts";
import { startXFake, type XFake } from "./fakes/x.ts";
import { fakeWiring } from "./fakes/wiring.ts";

/** Right after the fake's newest BTC/USDT candle (the recording ends with January 2025). */
export const HARNESS_NOW = Date.UTC(2025, 1, 1, 0, 30);

export interface HarnessOptions {
  /** What the fake Claude answers. Default: one line per request, built from its facts. */
  anthropicReply?: FakeAnthropicOptions["reply"];
  /** Binance symbols ("LTCUSDT") whose /klines answers come back corrupted this way. */
  malformedKlines?: { symbols: string[]; mode: MalformedKlines };
  /** Delay before every answer of the X, Telegram and Discord fakes. Default 0. */
  platformLatencyMs?: number;
}

export interface Harness {
  binance: FakeBinance;
  news: FakeNews;
  anthropic: FakeAnthropic;
  x: XFake;
  telegram: TelegramFake;
  discord: DiscordFake;
  /** Every service configured; Discord through a bot. */
  config: Config;
  /** The same, with Discord through a channel webhook instead. */
  webhookConfig: Config;
  /**
   * A Context on `store` with the real clients; defaults to `config`, the
   * clock at HARNESS_NOW. Its clients are closed by `close()`.
   */
  context(store: Store, options?: Partial<ContextOptions>): Context;
  /** Closes every client made by `context()`, then every fake. */
  close(): Promise<void>;
}

/** Starts all the fakes on 127.0.0.1; close the harness at the end of the test. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const binance = await startFakeBinance();
  const news = await startFakeNews();
  const anthropic = startFakeAnthropic({ reply: options.anthropicReply ?? replyFromFacts });
  const latencyMs = options.platformLatencyMs ?? 0;
  const x = startXFake({ latencyMs });
  const telegram = startTelegramFake({ latencyMs });
  const discord = startDiscordFake({ latencyMs });
  const exchange = options.malformedKlines
    ? await startBrokenKlines(binance.url, options.malformedKlines)
    : { url: binance.url, close: () => Promise.resolve() };
  const config = harnessConfig({ exchange: exchange.url, news, anthropic, x, telegram, discord });
  const webhookConfig = ConfigSchema.parse({
    ...config,
    secrets: {
      ...config.secrets,
      discordBotToken: undefined,
      discordChannelId: undefined,
      discordWebhookUrl:
        `https://discord.com/api/webhooks/${TEST_WEBHOOK.id}/${TEST_WEBHOOK.token}`,
    },
  });
  const opened: Integrations[] = [];

  return {
    binance,
    news,
    anthropic,
    x,
    telegram,
    discord,
    config,
    webhookConfig,
    context(store, given = {}) {
      const cfg = given.config ?? config;
      const integrations = given.integrations ?? createIntegrations(cfg, given.source ?? "live");
      opened.push(integrations);
      return createContext({
        clock: fixedClock(HARNESS_NOW),
        ...given,
        config: cfg,
        store,
        integrations,
      });
    },
    async close() {
      await Promise.all(opened.map((i) => i.close()));
      await exchange.close();
      await Promise.all([binance, news, anthropic, x, telegram, discord].map((f) => f.close()));
    },
  };
}

/** Runs `fn` with a started harness and a store from `open`, and closes both afterwards. */
export async function withHarness(
  open: () => Promise<Store>,
  fn: (h: Harness, store: Store) => Promise<void>,
  options?: HarnessOptions,
): Promise<void> {
  const h = await startHarness(options);
  const store = await open();
  try {
    await fn(h, store);
  } finally {
    await store.close();
    await h.close();
  }
}

interface Urls {
  exchange: string;
  news: FakeNews;
  anthropic: FakeAnthropic;
  x: XFake;
  telegram: TelegramFake;
  discord: DiscordFake;
}

function harnessConfig(u: Urls): Config {
  return ConfigSchema.parse({
    ...fakeWiring({
      exchange: u.exchange,
      news: u.news.url,
      anthropic: u.anthropic.url,
      x: u.x.url,
      telegram: u.telegram.url,
      discord: u.discord.url,
    }, "@creator_signals"),
    exchange: { symbols: ["BTC/USDT", "LTC/USDT"], timeframes: ["1h"], candles: 200 },
    // Any model the SDK does not flag as deprecated, so it prints no warning.
    content: { model: "claude-sonnet-4-6" },
    planning: {
      // Every slot is open and nothing waits for spacing, so planned posts are due at once.
      windows: { x: ["00:00-24:00"], telegram: ["00:00-24:00"], discord: ["00:00-24:00"] },
      spacingMinutes: 0,
      maxPerRun: 4,
    },
  });
}

/**
 * A reply that passes every guard and differs per insight and platform (X
 * refuses a duplicate text): the facts exactly as the prompt shows them.
 */
const UNWORDED =
  /^(prev|previous|from)|FromClose$|Period$|Bars$|^bars$|^windowHours$|^threshold|StdDev$|Count$|^symbolsCompared$/;

export function replyFromFacts(body: MessagesBody): { parts: string[] } {
  const request = JSON.parse(String(body.messages[0].content)) as {
    insight: { symbol: string | null; type: string; facts: Record<string, unknown> };
    platform: string;
  };
  const { symbol, type, facts } = request.insight;
  // Values only: fact names such as "rsi14" carry digits that are not facts. Current
  // readings only: the truth guard wants past values, settings and thresholds worded as such.
  const shown = Object.entries(facts).flatMap(([key, value]) =>
    typeof value === "object" && value !== null && "display" in value && !UNWORDED.test(key)
      ? [`${(value as { display: unknown }).display}${key === "ratio" ? "x" : ""}`]
      : []
  ).slice(0, 3);
  return { parts: [`${symbol ?? "Market"} ${type} on ${request.platform}: ${shown.join(", ")}.`] };
}
