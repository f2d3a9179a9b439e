import { z } from "zod";
import { ModerationSchema } from "./config_moderation.ts";
import { PLATFORMS } from "./vocabulary.ts";

const TIMEFRAMES = ["1m", "5m", "15m", "30m", "1h", "4h", "1d"] as const;
/** "HH:MM-HH:MM" UTC; an end before the start wraps midnight ("23:00-01:00"). */
const window = z.string().regex(
  /^([01]\d|2[0-3]):[0-5]\d-(([01]\d|2[0-3]):[0-5]\d|24:00)$/,
  'expected a UTC window like "13:00-21:00" (or "23:00-01:00" across midnight)',
).refine(
  (w) => w.slice(0, 5) !== w.slice(6),
  'the window is empty: its start and end are the same; "00:00-24:00" is all day',
);
const url = z.url({ protocol: /^https?$/ });
/** A retention age in days; 0 keeps the rows forever. */
const days = (fallback: number) => z.number().int().min(0).default(fallback);
const duration = z.string().regex(/^\d+(m|h|d)$/, 'expected a duration like "1h", "6h" or "7d"');
const usd = z.number().min(0);

/**
 * Every setting with its default. The file (creator.yaml) may set any of the
 * non-secret keys; environment variables override it; secrets only come from
 * the environment or .env.
 */
export const ConfigSchema = z.strictObject({
  db: z.string().min(1).default("creator.db"),
  logLevel: z.enum(["debug", "info", "warn", "error"]).default("info"),
  exchange: z.strictObject({
    id: z.string().regex(/^[a-z0-9]+$/, "expected a ccxt exchange id like binance").default(
      "binance",
    ),
    symbols: z.array(z.string().regex(/^[A-Z0-9]+\/[A-Z0-9]+$/, 'expected "BASE/QUOTE"'))
      .default(["BTC/USDT", "ETH/USDT", "SOL/USDT"]),
    /** When above 0, scan the top N symbols by quote volume instead of `symbols`. */
    topN: z.number().int().min(0).max(500).default(0),
    quote: z.string().default("USDT"),
    timeframes: z.array(z.enum(TIMEFRAMES)).min(1).default(["1h"]),
    candles: z.number().int().min(60).max(1000).default(200),
    concurrency: z.number().int().min(1).max(32).default(4),
  }).refine((e) => e.topN > 0 || e.symbols.length > 0, {
    message: "no symbols to scan: list at least one, or set topN above 0",
    path: ["symbols"],
  }).prefault({}),
  news: z.strictObject({
    /** Empty means the built-in list of major crypto outlets. */
    feeds: z.array(url).default([]),
    newsapiQuery: z.string().default("bitcoin OR ethereum OR crypto"),
  }).prefault({}),
  content: z.strictObject({
    model: z.string().default("claude-sonnet-4-6"),
    persona: z.string().default(
      "You are a calm, precise crypto market analyst. You write short, factual posts, " +
        "never hype, never price predictions, and you never give financial advice.",
    ),
    disclaimer: z.string().default("Not financial advice."),
    linkAllowlist: z.array(z.string()).default([]),
    /** How far off, in percent of the fact, a figure worded as an approximation may be. */
    approximationPct: z.number().min(0).max(10).default(1),
    /** Claude attempts per draft before the template writer takes over. */
    attempts: z.number().int().min(1).max(5).default(2),
    /** Drafts written at once: Claude takes seconds per draft, so they overlap. */
    concurrency: z.number().int().min(1).max(16).default(4),
  }).prefault({}),
  planning: z.strictObject({
    platforms: z.array(z.enum(PLATFORMS)).min(1).default([...PLATFORMS]),
    dailyCaps: z.strictObject({
      x: z.number().int().min(0).default(8),
      telegram: z.number().int().min(0).default(6),
      discord: z.number().int().min(0).default(6),
    }).prefault({}),
    windows: z.strictObject({
      x: z.array(window).default(["12:00-22:00"]),
      telegram: z.array(window).default(["07:00-21:00"]),
      discord: z.array(window).default(["00:00-24:00"]),
    }).prefault({}),
    /** Minutes between two posts on one platform. */
    spacingMinutes: z.number().int().min(0).default(45),
    /** Hours before an insight of the same type and symbol is planned again. */
    cooldownHours: z.number().min(0).default(6),
    minImportance: z.number().min(0).max(1).default(0.2),
    maxPerRun: z.number().int().min(1).default(10),
  }).prefault({}),
  engagement: z.strictObject({
    /** Platforms whose messages are read and answered. */
    platforms: z.array(z.enum(PLATFORMS)).default([...PLATFORMS]),
    /** Discord channel ids read for messages; empty means the posting channel. */
    discordChannels: z.array(z.string().regex(/^\d+$/, "expected a Discord channel id")).default(
      [],
    ),
    /**
     * Classes answered. A question is answered wherever it is put to us (mention, direct
     * message, reply to our post); the other classes only when they are about one of our
     * posts. Spam and scam are never answered, whatever this says.
     */
    answer: z.array(z.enum(["question", "praise", "criticism", "fud", "other"])).default([
      "question",
      "praise",
      "criticism",
    ]),
    /** Messages older than this get no reply. */
    maxAgeHours: z.number().min(0).default(24),
    /** Replies to one person per UTC day, and overall per hour, across instances. */
    perUserPerDay: z.number().int().min(0).default(3),
    perHour: z.number().int().min(0).default(20),
    /**
     * X bills every call. Replying on X stops for the day once the calls booked reach
     * `dailyBudgetUsd`; reads are booked too. Prices per call in US dollars.
     */
    x: z.strictObject({
      dailyBudgetUsd: usd.default(1),
      readUsd: usd.default(0.005),
      replyUsd: usd.default(0.015),
      replyWithLinkUsd: usd.default(0.2),
    }).prefault({}),
  }).prefault({}),
  analytics: z.strictObject({
    /** Ages after publication at which each post is measured. */
    ages: z.array(duration).min(1).default(["1h", "6h", "24h", "72h", "7d"]),
  }).prefault({}),
  learning: z.strictObject({
    /** Days of published posts the tuning and the lessons look back over. */
    lookbackDays: z.number().int().min(1).max(365).default(30),
    /** A choice (platform x insight kind) keeps its weights until it has this many measured posts. */
    minObservations: z.number().int().min(1).default(20),
    /** Every arm keeps at least this share of plans (or 1/arms when there are more than 1/floor). */
    explorationFloor: z.number().min(0.01).max(0.5).default(0.05),
    /** Width of the hour-of-day buckets (UTC) that arms are made of. */
    hourBucketHours: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(6)])
      .default(4),
    /** Beta prior of every arm's chance to beat its platform's median post. */
    prior: z.strictObject({
      alpha: z.number().positive().default(1),
      beta: z.number().positive().default(1),
    }).prefault({}),
    /** A learned hour is skipped when its slot is this much later than the first free one. */
    maxDelayHours: z.number().min(0).default(12),
    /**
     * Impressions per variant before a rate experiment may decide: about what
     * a 2% rate needs to show a 20% lift (power 0.8, alpha 0.05).
     */
    abMinSample: z.number().int().min(1).default(20_000),
    /** Posts per variant before an engagements-per-post experiment may decide. */
    abMinPosts: z.number().int().min(2).default(30),
  }).prefault({}),
  daemon: z.strictObject({
    /**
     * When each agent runs: a cron expression (UTC), or "after:<agent>" to run
     * right after that agent in the same job. Agents not listed do not run.
     */
    schedules: z.record(
      z.string(),
      z.string().regex(
        /^(after:[a-z-]+|(\S+\s+){4,5}\S+)$/,
        'expected a cron expression like "*/5 * * * *" or "after:<agent>"',
      ),
    ).default({
      "market-scanner": "*/5 * * * *",
      "analysis": "after:market-scanner",
      "content-strategist": "after:analysis",
      "content-creation": "* * * * *",
      "image-generation": "after:content-creation",
      "publishing": "* * * * *",
      "engagement": "*/5 * * * *",
      "analytics": "*/15 * * * *",
      "ab-testing": "after:content-strategist",
      // Each fresh insight in every platform's format, ahead of the minute its posts go out.
      "content-repurposing": "after:ab-testing",
      "feedback-loop": "7 * * * *",
    }),
    /**
     * Agents whose job runs in a short-lived child process (`creator run`), so
     * the memory of the SDKs they load goes back to the system after each run:
     * ccxt alone holds about 85 MB. [] runs every job inside the daemon.
     */
    isolate: z.array(z.string()).default(["market-scanner"]),
    /** How long a claimed run is held before another instance may take it over. */
    leaseSeconds: z.number().int().min(10).default(120),
    /**
     * How long a post may sit in 'sending' before another run checks the
     * platform for it (a crash or an ambiguous failure). Keep it above the
     * longest send, retries and rate-limit waits included.
     */
    sendLeaseSeconds: z.number().int().min(10).default(120),
    /** How long a shutdown waits for in-flight work before leaving it to the next instance. */
    shutdownGraceSeconds: z.number().int().min(0).default(30),
    /** Failed runs in a row after which /healthz reports the agent and says "degraded". */
    degradedAfterFailures: z.number().int().min(1).default(3),
  }).prefault({}),
  retention: z.strictObject({
    /**
     * When the daemon prunes (cron, UTC); "off" never. `creator prune` does
     * the same by hand.
     */
    schedule: z.string().regex(
      /^(off|(\S+\s+){4,5}\S+)$/,
      'expected a cron expression like "17 3 * * *" or "off"',
    ).default("17 3 * * *"),
    /** Days of candles kept per timeframe; 0 keeps them forever. */
    candles: z.strictObject(
      Object.fromEntries(
        TIMEFRAMES.map((tf) => [tf, days(["1m", "5m"].includes(tf) ? 90 : 730)]),
      ) as Record<typeof TIMEFRAMES[number], ReturnType<typeof days>>,
    ).prefault({}),
    tickers: days(30),
    logs: days(30),
    jobRuns: days(30),
    /** Snapshots of post metrics; the learning agents read them, so kept longer. */
    postMetrics: days(365),
    /** Rows per DELETE: small enough that no lock is held for long. */
    batchSize: z.number().int().min(100).max(100_000).default(5000),
  }).prefault({}),
  membership: z.strictObject({
    /** An existing Stripe price id; when unset, `price` below is sent with each Checkout. */
    priceId: z.string().regex(/^price_\w+$/, 'expected a Stripe price id like "price_1Abc"')
      .optional(),
    price: z.strictObject({
      product: z.string().min(1).default("Premium membership"),
      /** Per interval, in integer cents. */
      amountCents: z.number().int().min(50).default(1900),
      currency: z.string().regex(/^[a-z]{3}$/, 'expected an ISO currency like "usd"').default(
        "usd",
      ),
      interval: z.enum(["day", "week", "month", "year"]).default("month"),
    }).prefault({}),
    /**
     * The public address of `creator serve` (behind its proxy). When set, offers
     * link through its GET /offer, which counts the click and forwards to Stripe.
     */
    publicUrl: url.optional(),
    /** Where Stripe sends the buyer after paying, or when they give up. */
    successUrl: url.optional(),
    cancelUrl: url.optional(),
    /** Days a past_due or unpaid member keeps access before it is revoked. */
    graceDays: z.number().min(0).default(3),
    /** Hours a single-use Telegram invite link stays valid. */
    inviteHours: z.number().int().min(1).max(720).default(24),
    /** The private Telegram channel or group (the bot is an admin there). */
    telegramChatId: z.string().regex(/^(-100\d+|@\w+)$/, 'expected "-100..." or "@name"')
      .optional(),
    discordGuildId: z.string().regex(/^\d{15,21}$/, "expected a Discord server id").optional(),
    discordRoleId: z.string().regex(/^\d{15,21}$/, "expected a Discord role id").optional(),
    /** The members-only Discord channel premium posts go to (hidden from @everyone). */
    discordChannelId: z.string().regex(/^\d{15,21}$/, "expected a Discord channel id").optional(),
    /**
     * The Discord application's public key (hex), which signs its interactions:
     * set it to take the /join and /stop slash commands at POST /interactions/discord.
     */
    discordPublicKey: z.string().regex(/^[0-9a-f]{64}$/, "expected 64 hex characters").optional(),
    /** Webhook bodies above this many bytes are refused (Stripe's events are a few kB). */
    webhookMaxBytes: z.number().int().min(1024).max(10_485_760).default(262_144),
  }).prefault({}),
  conversion: z.strictObject({
    /** Engagement score (interactions, weighted, last 30 days) a person needs for an offer. */
    minScore: z.number().min(0).default(5),
    /** Days before the same person may get another offer. */
    perPersonDays: z.number().int().min(1).default(30),
    /** Offers sent per UTC day, overall. */
    dailyCap: z.number().int().min(0).default(20),
  }).prefault({}),
  moderation: ModerationSchema.prefault({}),
  baseUrls: z.strictObject({
    exchange: url.optional(),
    newsapi: url.optional(),
    fearGreed: url.optional(),
    anthropic: url.optional(),
    x: url.optional(),
    telegram: url.optional(),
    discord: url.optional(),
    stripe: url.optional(),
  }).prefault({}),
  secrets: z.strictObject({
    anthropicApiKey: z.string().optional(),
    newsapiKey: z.string().optional(),
    xApiKey: z.string().optional(),
    xApiSecret: z.string().optional(),
    xAccessToken: z.string().optional(),
    xAccessSecret: z.string().optional(),
    telegramBotToken: z.string().optional(),
    telegramChannelId: z.string().optional(),
    discordBotToken: z.string().optional(),
    discordChannelId: z.string().optional(),
    discordWebhookUrl: z.string().optional(),
    stripeSecretKey: z.string().optional(),
    stripeWebhookSecret: z.string().optional(),
  }).prefault({}),
});

export type Config = z.infer<typeof ConfigSchema>;
export type ConfigInput = z.input<typeof ConfigSchema>;

export { ENV_KEYS, LIST_KEYS, NUMBER_KEYS } from "./config_env.ts";
