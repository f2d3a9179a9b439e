/** The publishing port: one Publisher per platform, plus a dry-run one that sends nothing. */
import type { Platform } from "../../core/vocabulary.ts";

/** A post ready to go out: one part, or several for a thread. */
export interface OutgoingPost {
  /** Our key for the (plan, platform) pair, sent where the platform supports idempotency. */
  key: string;
  platform: Platform;
  parts: string[];
}

/** Where the post landed. `externalId` is the first part's id on the platform. */
export interface PostRef {
  platform: Platform;
  externalId: string;
  url?: string;
  /** Ids of every part, in order (threads). */
  partIds: string[];
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
