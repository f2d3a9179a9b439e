/** Sends a post part by part, at most once each: the shared core of every Publisher. */
import { IntegrationError } from "../../core/errors.ts";
import { withRetry } from "../../core/retry.ts";
import type { OutgoingPost } from "./mod.ts";
import type { Platform } from "../../core/vocabulary.ts";

/**
 * A thread stopped midway. `partIds` went out; the part after them may or may not have
 * (see `cause`), so the caller must reconcile rather than send the thread again.
 */
export class PartialPublishError extends Error {
  override name = "PartialPublishError";
  constructor(
    readonly platform: Platform,
    readonly partIds: string[],
    readonly totalParts: number,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      `Cannot finish the ${platform} thread: ${partIds.length} of ${totalParts} parts went out, then ${reason}`,
      { cause },
    );
  }
}

/** One part as it landed on the platform. */
export interface SentPart {
  id: string;
  url?: string;
}

/** What one send is given: `previous` is the part just sent, for reply chaining. */
export interface PartToSend {
  text: string;
  index: number;
  previous?: SentPart;
  signal?: AbortSignal;
}

/** Sends one part. Called again for the same part only after a 429. */
export type SendPart = (part: PartToSend) => Promise<SentPart>;

/**
 * Longest Retry-After we wait out in-process. A longer one (X's 15-minute windows) is thrown
 * with its `retryAfterMs`, so the caller can reschedule instead of holding a process.
 */
export const MAX_RATE_LIMIT_WAIT_MS = 60_000;

/**
 * Sends `post.parts` in order, each told about the previous one. Only a 429 is retried: the
 * platform did not act on it. Anything else is thrown as is for the first part, and wrapped
 * in a PartialPublishError once some part has gone out.
 */
export async function sendParts(
  platform: Platform,
  post: OutgoingPost,
  send: SendPart,
  signal?: AbortSignal,
): Promise<SentPart[]> {
  if (post.platform !== platform) {
    throw new TypeError(`Cannot publish a ${post.platform} post with the ${platform} publisher`);
  }
  if (post.parts.length === 0) {
    throw new RangeError(`Cannot publish post ${post.key}: it has no parts`);
  }
  const sent: SentPart[] = [];
  try {
    for (const [index, text] of post.parts.entries()) {
      signal?.throwIfAborted();
      const part = { text, index, previous: sent.at(-1), signal };
      sent.push(await retryRateLimits(() => send(part), signal));
    }
    return sent;
  } catch (error) {
    if (sent.length === 0) throw error;
    throw new PartialPublishError(
      platform,
      sent.map((part) => part.id),
      post.parts.length,
      error,
    );
  }
}

/** Carries a failure through withRetry untouched, so it is not retried. */
class DoNotRetry {
  constructor(readonly error: unknown) {}
}

function retryRateLimits<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  const attempt = async () => {
    try {
      return await fn();
    } catch (error) {
      if (isShortRateLimit(error)) throw error;
      throw new DoNotRetry(error);
    }
  };
  return withRetry(attempt, { signal, maxDelayMs: MAX_RATE_LIMIT_WAIT_MS }).catch((error) => {
    throw error instanceof DoNotRetry ? error.error : error;
  });
}

function isShortRateLimit(error: unknown): boolean {
  return error instanceof IntegrationError && error.status === 429 &&
    (error.retryAfterMs ?? 0) <= MAX_RATE_LIMIT_WAIT_MS;
}
