import { IntegrationError, NetworkError } from "./errors.ts";

export interface RetryOptions {
  /** Attempts in all, the first included. Default 4. */
  attempts?: number;
  /** First backoff in ms, doubled each time, with full jitter. Default 250. */
  baseDelayMs?: number;
  /** Longest single wait, including a service's Retry-After. Default 60 s. */
  maxDelayMs?: number;
  signal?: AbortSignal;
  /** Told before each wait; the CLI uses it to say why it is pausing. */
  onRetry?: (error: unknown, waitMs: number, attempt: number) => void;
  /** Injected in tests so they need not sleep. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

/** Network failures and 429/5xx answers are retried; anything else is thrown at once. */
export function isTransient(error: unknown): boolean {
  if (error instanceof IntegrationError) return error.transient;
  return error instanceof NetworkError;
}

/**
 * Runs `fn` until it succeeds or fails for good. A 429 with Retry-After waits
 * exactly as long as the service asked (capped by maxDelayMs); other transient
 * failures back off exponentially with jitter so several instances spread out.
 */
export async function withRetry<T>(fn: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 4;
  const base = options.baseDelayMs ?? 250;
  const max = options.maxDelayMs ?? 60_000;
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;
  for (let attempt = 1;; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= attempts || !isTransient(error) || options.signal?.aborted) throw error;
      const asked = error instanceof IntegrationError ? error.retryAfterMs : undefined;
      const wait = Math.min(max, asked ?? random() * base * 2 ** (attempt - 1));
      options.onRetry?.(error, wait, attempt);
      await sleep(wait, options.signal);
    }
  }
}

/** setTimeout as a promise that rejects when the signal aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
