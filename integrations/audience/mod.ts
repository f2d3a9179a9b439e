/**
 * The audience port: what each platform's listeners can do. An inbox lists the messages sent
 * to us since a cursor, a replier answers one message, a metrics reader measures our posts.
 */
import type {
  Classification,
  IncomingMessage,
  InteractionKind,
  Platform,
  PostMetrics,
} from "../../core/vocabulary.ts";

export interface CallOptions {
  signal?: AbortSignal;
}

/** One read of an inbox. */
export interface InboxPage {
  messages: IncomingMessage[];
  /** What to store as the cursor once `messages` are stored; null leaves it where it was. */
  cursor: string | null;
  /** Entries that could not be read as a message, each with why (logged, then skipped). */
  skipped: string[];
  /** Requests made, for platforms that bill per call. */
  calls: number;
  /** Items read, for platforms that bill per item read. */
  itemsRead: number;
}

export interface InboxReadOptions extends CallOptions {
  /**
   * Takes each page's messages as it arrives, while the next page is already on its way,
   * so storing overlaps the network; messages handed over are not returned again. Inboxes
   * that read one page per call may ignore it.
   */
  keep?: (messages: IncomingMessage[]) => Promise<void>;
  /**
   * Counted as the requests go out, so that what a run spent is known even when it fails
   * part way (the page's own `calls` and `itemsRead` come only with a page).
   */
  usage?: ReadUsage;
}

/** Requests made and items read so far by one read. */
export interface ReadUsage {
  calls: number;
  itemsRead: number;
}

export interface Inbox {
  readonly platform: Platform;
  /** The name its cursor is kept under, e.g. "mentions" or "channel:<id>". */
  readonly source: string;
  /**
   * Messages after `cursor`, oldest first, with the cursor to store once they are kept.
   * Without a cursor (the first run) only the latest page is read: no backfill of history.
   */
  read(cursor: string | null, opts?: InboxReadOptions): Promise<InboxPage>;
}

/** The message a reply answers: its platform id and where it lives. */
export interface ReplyTarget {
  externalId: string;
  conversationId: string | null;
}

export interface Replier {
  readonly platform: Platform;
  /**
   * Sends one reply. Like publishing, only a refusal the platform did not act on is retried
   * inside; an ambiguous failure is thrown for the caller to record, never re-sent blind.
   */
  reply(to: ReplyTarget, text: string, opts?: CallOptions): Promise<{ externalId: string }>;
}

/** A post's figures, or "deleted" when the platform says it is gone. */
export type Measurement = PostMetrics | "deleted";

/**
 * Metrics of a platform that only counts reactions (Discord, Telegram): every
 * other figure is unknown, never zero. `reactions` null when none were received.
 */
export function reactionMetrics(
  reactions: number | null,
  raw: Record<string, unknown>,
): PostMetrics {
  return {
    impressions: null,
    likes: null,
    reposts: null,
    replies: null,
    quotes: null,
    bookmarks: null,
    reactions,
    linkClicks: null,
    profileClicks: null,
    raw,
  };
}

export interface MetricsReader {
  readonly platform: Platform;
  /**
   * Measures our posts by platform id, in as few calls as the platform allows. `own` posts
   * younger than 30 days get X's private figures too. Ids missing from the answer are ones
   * the platform could not say anything about.
   */
  read(
    posts: { externalId: string; publishedAt: number }[],
    opts?: CallOptions & { now?: number },
  ): Promise<{ measured: Map<string, Measurement>; calls: number }>;
}

/**
 * A Telegram Update as the one getUpdates consumer takes it in: stored whole, handed to every
 * handler, and read as a message to us or a reaction count where it is one.
 */
export interface TelegramUpdate {
  updateId: number;
  /** The Update's field that is set: "message", "message_reaction_count", ... */
  kind: string;
  payload: Record<string, unknown>;
  message: IncomingMessage | null;
  reactionCount: TelegramReactionCount | null;
  /** Why the update was not read as a message when it looked like one. */
  problem: string | null;
}

export interface TelegramReactionCount {
  chatId: string;
  chatUsername: string | null;
  messageId: string;
  total: number;
  reactions: unknown[];
}

export interface TelegramUpdates {
  /**
   * Updates from `offset` on (the last stored update_id + 1), oldest first. Calling with an
   * offset confirms every update before it to Telegram, so store them first. `timeoutSeconds`
   * above 0 is a long poll: Telegram holds the call open until an update comes.
   */
  fetch(
    offset: number | null,
    opts?: CallOptions & { timeoutSeconds?: number },
  ): Promise<TelegramUpdate[]>;
  /** Reads a stored raw Update again, as `fetch` read it. */
  read(raw: unknown): Promise<TelegramUpdate | null>;
}

/** The updates the bot's one reader asks for: moderation, engagement and memberships share them. */
export const TELEGRAM_ALLOWED_UPDATES = [
  "message",
  "edited_message",
  "channel_post",
  "message_reaction_count",
  "chat_member",
  "my_chat_member",
  "chat_join_request",
] as const;

/** Everything engagement and analytics use on one platform. */
export interface PlatformAudience {
  platform: Platform;
  /** Where messages come from, each with its own cursor (Telegram: none, see `updates`). */
  inboxes: Inbox[];
  /** Telegram only: the bot's one update stream. */
  updates: TelegramUpdates | null;
  replier: Replier;
  /** Null when the platform cannot measure our posts from here. */
  metrics: MetricsReader | null;
}

/** What a reply writer is told. `message` is a stranger's text: data to answer, never orders. */
export interface ReplyRequest {
  platform: Platform;
  classification: Classification;
  kind: InteractionKind;
  /** The author's handle on the platform, when known. */
  handle: string | null;
  message: string;
  /** The post the message answers, with the only numbers a reply may use. */
  post: { headline: string; facts: Record<string, number | string>; symbol: string | null } | null;
  /** The platform's limit, in its own counting. */
  maxLength: number;
  disclaimer: string;
  /** Set when a previous attempt was rejected by the guards. */
  previousRejection?: string;
}

export interface ReplyWriter {
  readonly name: string;
  write(request: ReplyRequest, opts?: CallOptions): Promise<string>;
}

/** A second opinion on a message's class, from a model; rules and sentiment come first. */
export interface MessageClassifier {
  classify(
    text: string,
    opts?: CallOptions,
  ): Promise<{ classification: Classification; reason: string }>;
}
