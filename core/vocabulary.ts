/**
 * The product's shared domain words: what several rooms (agents, storage,
 * integrations, the CLI) speak of. Vendor ports import these; they do not
 * define them.
 */

/** Where posts go and where the audience talks to us. */
export const PLATFORMS = ["x", "telegram", "discord"] as const;
export type Platform = typeof PLATFORMS[number];

/** The shape of a post on its platform. */
export type Format = "single" | "thread" | "channel_post" | "chart_post";

/** One OHLCV candle; `openTime` is epoch milliseconds UTC. Prices are floats as exchanges give them. */
export interface Candle {
  openTime: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

/** A 24h ticker for one symbol, e.g. "BTC/USDT". */
export interface Ticker {
  symbol: string;
  last: number;
  /** 24h volume in the quote currency. */
  quoteVolume: number;
  /** 24h change in percent, when the exchange reports it. */
  changePct: number | null;
  /** Epoch ms of the exchange's snapshot. */
  at: number;
}

/** A member of our Discord server or Telegram group, as far as the platform tells. */
export interface Member {
  id?: string;
  name?: string;
  /** Epoch ms the account was created (Discord derives it from the id; Telegram does not say). */
  createdAt?: number;
  /** Role names; Telegram group admins carry "Admin". */
  roles?: readonly string[];
  /** The platform's avatar hash or file id. */
  avatar?: string;
}

/** A message in our community (a Discord channel, the Telegram discussion group). */
export interface ChatMessage {
  text: string;
  /** The platform's message id. */
  id?: string;
  channel?: string;
  author?: Member;
  /** Epoch ms when it was written. */
  at?: number;
}

/**
 * The 17 agents of the design by name, as the CLI, the config and the daemon
 * speak of them. The registry (agents/mod.ts) holds their code; this list lets
 * config validation name them without loading any of it.
 */
export const AGENT_NAMES = [
  "market-scanner",
  "analysis",
  "content-strategist",
  "content-creation",
  "publishing",
  "engagement",
  "analytics",
  "image-generation",
  "content-repurposing",
  "conversion",
  "onboarding",
  "exclusive-content",
  "community-moderator",
  "ab-testing",
  "strategy-tuning",
  "performance-analytics",
  "feedback-loop",
] as const;
export type AgentName = typeof AGENT_NAMES[number];
