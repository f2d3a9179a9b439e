/**
 * Every service Phase 1 talks to, as the wire-format fakes from tests/fakes, and a config that
 * points the real clients at them. Shared by the Phase 1 and prompt-cache benchmarks.
 */
import { type Config, ConfigSchema } from "../core/config_schema.ts";
import type { DraftRequest } from "../integrations/llm/mod.ts";
import { createTemplateWriter } from "../integrations/llm/template.ts";
import {
  type FakeAnthropic,
  type MessagesBody,
  startFakeAnthropic,
} from "../tests/fakes/anthropic.ts";
import { type FakeBinance, startFakeBinance } from "../tests/fakes/binance.ts";
import { type DiscordFake, startDiscordFake } from "../tests/fakes/discord.ts";
import { type FakeNews, startFakeNews } from "../tests/fakes/news.ts";
import { startTelegramFake, type TelegramFake } from "../tests/fakes/telegram.ts";
import { startXFake, type XFake } from "../tests/fakes/x.ts";
import { fakeWiring } from "../tests/fakes/wiring.ts";

export interface PipelineFakes {
  binance: FakeBinance;
  news: FakeNews;
  anthropic: FakeAnthropic;
  x: XFake;
  telegram: TelegramFake;
  discord: DiscordFake;
  /** The synthetic symbols the fake exchange lists, "SYN001/USDT"... */
  symbols: string[];
  close(): Promise<void>;
}

/** The fake Telegram channel's id (its default chat). */
const TELEGRAM_CHAT = "-1001234567890";

/** Starts all six fakes, each answering after `latencyMs`. */
export async function startPipelineFakes(
  options: { latencyMs: number; symbols: number },
): Promise<PipelineFakes> {
  const latencyMs = options.latencyMs;
  const binance = await startFakeBinance({ symbols: options.symbols, latencyMs });
  const news = await startFakeNews({ latencyMs });
  const anthropic = startFakeAnthropic({ latencyMs, reply: draftReply });
  const x = startXFake({ latencyMs });
  const telegram = startTelegramFake({ latencyMs });
  const discord = startDiscordFake({ latencyMs });
  const symbols = Array.from(
    { length: options.symbols },
    (_, i) => `SYN${String(i + 1).padStart(3, "0")}/USDT`,
  );
  return {
    binance,
    news,
    anthropic,
    x,
    telegram,
    discord,
    symbols,
    async close() {
      for (const fake of [binance, news, anthropic, x, telegram, discord]) await fake.close();
    },
  };
}

export interface PipelineConfigOptions {
  /** The store's path, as `--db` would give it. */
  db: string;
  symbols: string[];
  /** Default ["1h"]. */
  timeframes?: Array<"1m" | "5m" | "15m" | "30m" | "1h" | "4h" | "1d">;
  /** Insights planned per run. Default: the config's. */
  maxPerRun?: number;
  /** Drafts written at once (`content.concurrency`). Default: the config's. */
  draftConcurrency?: number;
}

/** A config as ConfigSchema would read it from the environment, aimed at the fakes. */
export function pipelineConfig(fakes: PipelineFakes, options: PipelineConfigOptions): Config {
  return ConfigSchema.parse({
    ...fakeWiring({
      exchange: fakes.binance.url,
      news: fakes.news.url,
      anthropic: fakes.anthropic.url,
      x: fakes.x.url,
      telegram: fakes.telegram.url,
      discord: fakes.discord.url,
    }, TELEGRAM_CHAT),
    db: options.db,
    exchange: { symbols: options.symbols, timeframes: options.timeframes ?? ["1h"] },
    planning: options.maxPerRun ? { maxPerRun: options.maxPerRun } : {},
    content: options.draftConcurrency ? { concurrency: options.draftConcurrency } : {},
  });
}

/**
 * What the fake model answers: what a careful writer would, namely the template writer's
 * draft for the same request (the facts' raw values, the platform, format and limit), so
 * it passes the truth guard on the first call and differs per insight and platform (X
 * refuses duplicates).
 */
export async function draftReply(body: MessagesBody): Promise<{ parts: string[] }> {
  const content = body.messages.at(-1)?.content;
  const text = typeof content === "string" ? content : JSON.stringify(content);
  const ask = JSON.parse(text) as {
    insight: { type: string; symbol: string | null; headline: string; facts: Facts };
    platform: DraftRequest["platform"];
    format: DraftRequest["format"];
    max_length: number;
    disclaimer: string;
  };
  const facts = Object.fromEntries(
    Object.entries(ask.insight.facts).map(([key, fact]) => [
      key,
      typeof fact === "object" ? fact.raw : fact,
    ]),
  );
  const draft = await writer.write({
    insightType: ask.insight.type,
    symbol: ask.insight.symbol,
    headline: ask.insight.headline,
    facts,
    platform: ask.platform,
    format: ask.format,
    maxLength: ask.max_length,
    disclaimer: ask.disclaimer,
  });
  return { parts: draft.parts };
}

type Facts = Record<string, string | { display: string; raw: number }>;
const writer = createTemplateWriter();
