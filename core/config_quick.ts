/**
 * The config check without zod. Loading zod and building ConfigSchema takes
 * longer than the whole of `creator status` otherwise does, and nearly every
 * config is valid. So this accepts only what it can judge for sure (every key
 * known, every value plainly valid) and answers null for anything else:
 * ConfigSchema then judges it, and words the error. config_quick_test.ts holds
 * the two together: the same result, and never an input the schema refuses.
 */
import type { Config } from "./config_schema.ts";
import { DEFAULTS } from "./config_defaults.ts";
import { ENV_KEYS } from "./config_env.ts";
import { PLATFORMS } from "./vocabulary.ts";
import {
  type Check,
  int,
  isObject,
  list,
  matches,
  nonEmpty,
  num,
  oneOf,
  positive,
  str,
  url,
} from "./_config_checks.ts";

/** A leaf is a check; an object is checked key by key, its missing keys take their defaults. */
interface Shape {
  [key: string]: Check | Shape;
}

const window: Check = (v) =>
  matches(/^([01]\d|2[0-3]):[0-5]\d-(([01]\d|2[0-3]):[0-5]\d|24:00)$/)(v) &&
  (v as string).slice(0, 5) !== (v as string).slice(6);
const duration = matches(/^\d+(m|h|d)$/);
const cron = /^(\S+\s+){4,5}\S+$/;
const schedules: Check = (v) =>
  isObject(v) &&
  Object.values(v).every((s) =>
    typeof s === "string" && (/^after:[a-z-]+$/.test(s) || cron.test(s))
  );
const mode = oneOf("off", "log", "delete", "timeout", "kick", "ban");
const seconds = int(1, 86_400);
const timeframe = oneOf("1m", "5m", "15m", "30m", "1h", "4h", "1d");
const platform = oneOf(...PLATFORMS);
const discordId = matches(/^\d{15,21}$/);

const MODERATION: Shape = {
  discord: { guildId: str, modLogChannelId: str },
  telegram: { groupId: str, modLogChatId: str },
  staffRoles: list(str),
  allowUsers: list(str),
  staffNames: list(str),
  staffAvatars: list(str),
  ownDomains: list(str),
  allowDomains: list(str),
  ownInvites: list(str),
  officialAddresses: list(str),
  listUrls: list(url),
  rules: Object.fromEntries(
    Object.keys(DEFAULTS.moderation.rules).map((rule) => [rule, mode]),
  ),
  mentionLimit: int(2, 100),
  floodMessages: int(2, 100),
  floodSeconds: seconds,
  duplicateChannels: int(2, 20),
  duplicateSeconds: seconds,
  newAccountDays: num(0, 365),
  timeoutMinutes: int(1, 40_320),
  leaseSeconds: num(0.3, 600),
  raid: {
    joins: int(2, 10_000),
    seconds,
    calmSeconds: seconds,
    action: oneOf("slowmode", "lock"),
    slowmodeSeconds: int(1, 21_600),
  },
};

const SHAPE: Shape = {
  db: nonEmpty,
  logLevel: oneOf("debug", "info", "warn", "error"),
  exchange: {
    id: matches(/^[a-z0-9]+$/),
    symbols: list(matches(/^[A-Z0-9]+\/[A-Z0-9]+$/)),
    topN: int(0, 500),
    quote: str,
    timeframes: list(timeframe, 1),
    candles: int(60, 1000),
    concurrency: int(1, 32),
  },
  news: { feeds: list(url), newsapiQuery: str },
  content: {
    model: str,
    persona: str,
    disclaimer: str,
    linkAllowlist: list(str),
    approximationPct: num(0, 10),
    attempts: int(1, 5),
    concurrency: int(1, 16),
  },
  planning: {
    platforms: list(platform, 1),
    dailyCaps: { x: int(0), telegram: int(0), discord: int(0) },
    windows: { x: list(window), telegram: list(window), discord: list(window) },
    spacingMinutes: int(0),
    cooldownHours: num(0),
    minImportance: num(0, 1),
    maxPerRun: int(1),
  },
  engagement: {
    platforms: list(platform),
    discordChannels: list(matches(/^\d+$/)),
    answer: list(oneOf("question", "praise", "criticism", "fud", "other")),
    maxAgeHours: num(0),
    perUserPerDay: int(0),
    perHour: int(0),
    x: { dailyBudgetUsd: num(0), readUsd: num(0), replyUsd: num(0), replyWithLinkUsd: num(0) },
  },
  analytics: { ages: list(duration, 1) },
  learning: {
    lookbackDays: int(1, 365),
    minObservations: int(1),
    explorationFloor: num(0.01, 0.5),
    hourBucketHours: oneOf(1, 2, 3, 4, 6),
    prior: { alpha: positive, beta: positive },
    maxDelayHours: num(0),
    abMinSample: int(1),
    abMinPosts: int(2),
  },
  daemon: {
    schedules,
    isolate: list(str),
    leaseSeconds: int(10),
    sendLeaseSeconds: int(10),
    shutdownGraceSeconds: int(0),
    degradedAfterFailures: int(1),
  },
  retention: {
    schedule: (v) => v === "off" || matches(cron)(v),
    candles: Object.fromEntries(Object.keys(DEFAULTS.retention.candles).map((tf) => [tf, int(0)])),
    tickers: int(0),
    logs: int(0),
    jobRuns: int(0),
    postMetrics: int(0),
    batchSize: int(100, 100_000),
  },
  membership: {
    priceId: matches(/^price_\w+$/),
    price: {
      product: nonEmpty,
      amountCents: int(50),
      currency: matches(/^[a-z]{3}$/),
      interval: oneOf("day", "week", "month", "year"),
    },
    publicUrl: url,
    successUrl: url,
    cancelUrl: url,
    graceDays: num(0),
    inviteHours: int(1, 720),
    telegramChatId: matches(/^(-100\d+|@\w+)$/),
    discordGuildId: discordId,
    discordRoleId: discordId,
    discordChannelId: discordId,
    discordPublicKey: matches(/^[0-9a-f]{64}$/),
    webhookMaxBytes: int(1024, 10_485_760),
  },
  conversion: { minScore: num(0), perPersonDays: int(1), dailyCap: int(0) },
  moderation: MODERATION,
  // Every key of these two has its environment variable; a key without one is left to the schema.
  baseUrls: fromEnv("baseUrls", url),
  secrets: fromEnv("secrets", str),
};

/** The validated config with its defaults, as ConfigSchema gives it; null when unsure. */
export function quickConfig(raw: Record<string, unknown>): Config | null {
  const config = merge(SHAPE, DEFAULTS as unknown as Record<string, unknown>, raw) as
    | Config
    | null;
  // The one rule across keys: something to scan.
  if (config && config.exchange.topN === 0 && config.exchange.symbols.length === 0) return null;
  return config;
}

function merge(
  shape: Shape,
  defaults: Record<string, unknown>,
  raw: unknown,
): Record<string, unknown> | null {
  if (!isObject(raw)) return null;
  for (const key of Object.keys(raw)) if (!Object.hasOwn(shape, key)) return null;
  const out: Record<string, unknown> = {};
  // In the schema's key order, as zod returns them.
  for (const [key, rule] of Object.entries(shape)) {
    const fallback = defaults[key];
    if (!Object.hasOwn(raw, key)) {
      if (fallback !== undefined) out[key] = structuredClone(fallback);
      continue;
    }
    const value = raw[key];
    if (typeof rule === "function") {
      if (!rule(value)) return null;
      out[key] = structuredClone(value);
      continue;
    }
    const nested = merge(rule, (fallback ?? {}) as Record<string, unknown>, value);
    if (!nested) return null;
    out[key] = nested;
  }
  return out;
}

/** The keys under `section` that some environment variable sets, each with `check`. */
function fromEnv(section: string, check: Check): Shape {
  return Object.fromEntries(
    Object.values(ENV_KEYS).filter((key) => key.startsWith(`${section}.`))
      .map((key) => [key.slice(section.length + 1), check]),
  );
}
