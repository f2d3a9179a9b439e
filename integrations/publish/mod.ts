/** The publishing port: one Publisher per platform, plus a dry-run one that sends nothing. */
import type { Picture, Platform } from "../../core/vocabulary.ts";
import type { Embed } from "./formatting.ts";

/** A post ready to go out: one part, or several for a thread. */
export interface OutgoingPost {
  /** Our key for the (plan, platform) pair, sent where the platform supports idempotency. */
  key: string;
  platform: Platform;
  parts: string[];
  /**
   * "html": the parts are in Telegram's HTML parse mode (their length is the text a reader
   * sees). Plain text when absent.
   */
  markup?: "html";
  /**
   * Discord: the first part goes as this embed, the part's text (often "") above it. The
   * chart, when there is one, is shown inside the embed.
   */
  embed?: Embed;
  /** A picture that goes out with the first part (a chart); its alt text states its numbers. */
  image?: Picture;
}

/** Where the post landed. `externalId` is the first part's id on the platform. */
export interface PostRef {
  platform: Platform;
  externalId: string;
  url?: string;
  /** Ids of every part, in order (threads). */
  partIds: string[];
}

/**
 * The post's image could not be uploaded, so nothing was posted: the caller may try the whole
 * unit again later. (An upload may be repeated; only the post itself must go out once.)
 */
export class MediaUploadError extends Error {
  override name = "MediaUploadError";
  constructor(readonly platform: Platform, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`Cannot upload the image to ${platform}, so nothing was posted: ${reason}`, { cause });
  }
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface Publisher {
  readonly platform: Platform;
  /**
   * Sends the post once. Only a rejection the platform is known not to have acted on
   * (429, 4xx) is retried inside; an ambiguous failure (timeout, 5xx) is thrown so the
   * caller can reconcile instead of sending twice.
   */
  publish(post: OutgoingPost, opts?: CallOptions): Promise<PostRef>;
  /**
   * Looks for a post that may already have gone out (after a crash mid-send).
   * Returns its ref, `null` when the platform shows it was not sent, or
   * `undefined` when the platform cannot tell (then a person must decide).
   */
  lookup(post: OutgoingPost, opts?: CallOptions): Promise<PostRef | null | undefined>;
}
