import { failureKind, networkReason, NEVER_SENT_KINDS } from "./network_reason.ts";

/**
 * The error types callers catch. Bad input elsewhere uses the built-in
 * TypeError / RangeError with a message that names the problem and the fix.
 */

/** A remote service answered, and the answer was an error. */
export class IntegrationError extends Error {
  override name = "IntegrationError";
  constructor(
    readonly service: string,
    readonly status: number,
    message: string,
    /** Milliseconds the service asked us to wait before trying again, if it said. */
    readonly retryAfterMs?: number,
  ) {
    super(`${service} answered ${status}: ${message}`);
  }

  /** 429 and 5xx are worth another try; other 4xx are our fault and are not. */
  get transient(): boolean {
    return this.status === 429 || this.status >= 500;
  }
}

/**
 * A circuit breaker turned the call away without making it: the service kept
 * failing and is being left alone for a while. Nothing was sent. Status 503 so
 * that it reads as "unavailable, try later"; `retryAfterMs` is the time until
 * the breaker lets a trial call through.
 */
export class CircuitOpenError extends IntegrationError {
  override name = "CircuitOpenError";
  constructor(service: string, lastError: string, retryAfterMs: number) {
    super(service, 503, lastError, retryAfterMs);
    this.message = `circuit open for ${service}: ${lastError}; ` +
      `retrying after ${Math.ceil(retryAfterMs / 1000)}s`;
  }
}

/** The service could not be reached at all (DNS, refused, reset, timeout). */
export class NetworkError extends Error {
  override name = "NetworkError";
  /**
   * True when the request provably never left this machine (the name did not
   * resolve, the connection was refused, TLS failed before the request): a
   * send that failed so is not ambiguous and may simply be tried again.
   */
  readonly unsent: boolean;
  /** The base URL that was tried, when known and not already in the service's name. */
  readonly at?: string;
  constructor(
    readonly service: string,
    message: string,
    options?: ErrorOptions & { unsent?: boolean; at?: string },
  ) {
    super(`Cannot reach ${service}${options?.at ? ` at ${options.at}` : ""}: ${message}`, options);
    this.unsent = options?.unsent ?? neverSent(options?.cause);
    this.at = options?.at;
  }
}

/**
 * A send that failed on the way: when no connection was made it is certain
 * nothing went out; otherwise the message says the `what` may have.
 */
export function sendFailure(
  service: string,
  reason: string,
  cause: unknown,
  what = "message",
): NetworkError {
  const unsent = neverSent(cause);
  const why = networkReason(cause) ?? reason;
  return new NetworkError(
    service,
    unsent ? `${why}; nothing was sent` : `${why}; the ${what} may or may not have gone out`,
    // The cause stays out: a fetch error quotes its URL, which may hold a token.
    { unsent },
  );
}

/**
 * Whether `error` (or anything in its cause chain) says no connection was made:
 * no DNS, refused, unreachable, TLS. A reset, a timeout or a hang-up is not: the
 * request may have gone out.
 */
export function neverSent(error: unknown): boolean {
  const kind = failureKind(error);
  return kind !== undefined && NEVER_SENT_KINDS.has(kind);
}

/** Bad command-line input: main.ts prints it with a help hint and exits 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/**
 * A path a person gave that cannot be used (a missing folder, a folder where a
 * file belongs): exit 2, and the message alone, which names the path and the
 * fix; the general help hint would say nothing more.
 */
export class PathError extends UsageError {
  override name = "PathError";
}

/** An agent exists in the design but has not been built yet. */
export class NotImplementedError extends Error {
  override name = "NotImplementedError";
  constructor(what: string) {
    super(`${what} is not implemented yet`);
  }
}

/** Parses an HTTP Retry-After header (seconds or an HTTP date) into milliseconds. */
export function parseRetryAfter(
  value: string | null | undefined,
  now = Date.now(),
): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Runs `fn`, passing anything it throws through `translate` (an SDK's errors into ours). */
export async function translateErrors<T>(
  fn: () => Promise<T>,
  translate: (error: unknown) => unknown,
): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw translate(error);
  }
}
