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

/** How a post opens: the insight's headline, or a question about it. */
export const OPENINGS = ["headline", "question"] as const;
export type Opening = typeof OPENINGS[number];

/**
 * How an experiment's variant shapes a post beyond its format and hour. Every
 * field is optional: absent means as the writer words it. The writer sees
 * `opening` and `length`; the rest is applied to the written text, so it holds
 * whoever wrote the draft.
 */
export interface PostStyle {
  opening?: Opening;
  /** false: no emoji at all; true: at least one, leading the post. */
  emoji?: boolean;
  /** "short": the headline and little else, within SHORT_POST_LENGTH; "long": every detail. */
  length?: "short" | "long";
  /** A link (on the allowlist) to close the post with, or null for no link at all. */
  link?: string | null;
  /** false: the post goes out without its chart. */
  chart?: boolean;
}

/** The most a part of a "short" variant may count, in the platform's own counting. */
export const SHORT_POST_LENGTH = 200;

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

/** A rendered image that goes out with a post: PNG bytes and alt text that states its numbers. */
export interface Picture {
  png: Uint8Array;
  width: number;
  height: number;
  alt: string;
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

/**
 * The labels of the Crypto Fear & Greed Index, the only ones it publishes. A
 * label reaches headlines and prompts, so anything else is refused at intake.
 */
export const FEAR_GREED_CLASSES = [
  "Extreme Fear",
  "Fear",
  "Neutral",
  "Greed",
  "Extreme Greed",
] as const;
export type FearGreedClass = typeof FEAR_GREED_CLASSES[number];

export function isFearGreedClass(label: unknown): label is FearGreedClass {
  return (FEAR_GREED_CLASSES as readonly unknown[]).includes(label);
}

/** How a message reached us. */
export type InteractionKind = "mention" | "reply" | "comment" | "reaction" | "direct_message";

/** What a message is, as Engagement classifies it. */
export const CLASSIFICATIONS = [
  "question",
  "praise",
  "criticism",
  "fud",
  "spam",
  "scam",
  "other",
] as const;
export type Classification = typeof CLASSIFICATIONS[number];

/** Someone in the audience, as one platform knows them (a row of community_users). */
export interface AudienceMember {
  platform: Platform;
  externalId: string;
  handle: string | null;
  displayName: string | null;
  isBot: boolean;
}

/**
 * A message someone sent us: a mention, a reply to one of our posts, a direct message. Its text
 * is data from a stranger, never instructions.
 */
export interface IncomingMessage {
  platform: Platform;
  /** The platform's id of the message, unique on that platform. */
  externalId: string;
  kind: InteractionKind;
  author: AudienceMember;
  text: string;
  /** Epoch ms the platform says it was written. */
  sentAt: number;
  /** The platform id of our post it answers, when it answers one. */
  inReplyToPostId: string | null;
  /** Where the message lives: X's conversation id, the Telegram chat id, the Discord channel id. */
  conversationId: string | null;
}

/** A post's figures at one moment. null means the platform does not give that figure. */
export interface PostMetrics {
  impressions: number | null;
  likes: number | null;
  reposts: number | null;
  replies: number | null;
  quotes: number | null;
  bookmarks: number | null;
  reactions: number | null;
  linkClicks: number | null;
  profileClicks: number | null;
  /** The platform's figures as received. */
  raw: Record<string, unknown>;
}

/**
 * A person who may pay for the membership, by their platform identity. Written
 * `<platform>:<user id>` as a Checkout Session's client_reference_id: that is
 * how a payment finds its person.
 */
export interface Member {
  platform: MemberPlatform;
  userId: string;
}

/** Where paid access lives: the private Telegram channel or a Discord role. */
export type MemberPlatform = Exclude<Platform, "x">;
export const MEMBER_PLATFORMS: readonly MemberPlatform[] = ["telegram", "discord"];

/**
 * Where a member's access stands. `pending` and `revoking` are changes decided
 * but not yet carried out on the platform; the Onboarding agent finishes them.
 */
export type MembershipState = "pending" | "active" | "revoking" | "revoked";

export function memberRef(m: Member): string {
  return `${m.platform}:${m.userId}`;
}

/** Reads `<platform>:<user id>`; null for anything else (a payment made outside our offers). */
export function parseMemberRef(ref: string | null | undefined): Member | null {
  const m = /^(telegram|discord):(-?\d{1,20})$/.exec(ref ?? "");
  return m ? { platform: m[1] as MemberPlatform, userId: m[2] } : null;
}

/** The author of a chat message, as far as the platform tells (moderation's view of a member). */
export interface ChatMember {
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
  author?: ChatMember;
  /** Epoch ms when it was written. */
  at?: number;
}

/** Log levels, lowest first: a minimum level means it and those after it. */
export const LOG_LEVELS = ["debug", "info", "warn", "error"] as const;
export type LogLevel = typeof LOG_LEVELS[number];
