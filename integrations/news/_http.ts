// The one HTTP GET the news adapters share: a timeout, the caller's abort, and
// connection failures turned into NetworkError. Status codes are left to each
// adapter, since every service words its errors differently.
import { IntegrationError, NetworkError, parseRetryAfter } from "../../core/errors.ts";
import { networkReason } from "../../core/network_reason.ts";

export interface GetOptions {
  /** Names the service in errors; must never hold a secret. */
  service: string;
  fetch: typeof fetch;
  timeoutMs: number;
  headers?: HeadersInit;
  signal?: AbortSignal;
  /** Bodies above this are not read on: the call fails. Default MAX_BODY_BYTES. */
  maxBytes?: number;
}

/** 5 MiB: the largest real feeds are a few hundred KiB; a bigger body is a mistake or an attack. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

export interface Answer {
  status: number;
  headers: Headers;
  body: string;
}

/** GETs `url` and reads the whole body, up to `maxBytes`, within `timeoutMs`. */
export async function get(url: string, options: GetOptions): Promise<Answer> {
  const { signal } = options;
  signal?.throwIfAborted();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener("abort", onAbort, { once: true });
  try {
    const response = await options.fetch(url, {
      headers: options.headers,
      signal: controller.signal,
    });
    const body = await readCapped(response, options.maxBytes ?? MAX_BODY_BYTES, options.service);
    return { status: response.status, headers: response.headers, body };
  } catch (error) {
    // The caller's own abort is not a network failure: hand back its reason.
    if (signal?.aborted) throw signal.reason;
    if (error instanceof IntegrationError) throw error;
    if (controller.signal.aborted) {
      throw new NetworkError(options.service, `no answer within ${options.timeoutMs} ms`);
    }
    const reason = networkReason(error) ?? (error instanceof Error ? error.message : String(error));
    throw new NetworkError(options.service, reason, { cause: error });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  }
}

/**
 * The body as text, read chunk by chunk so an oversized one costs no more than
 * the cap: it is refused as soon as it passes `maxBytes`.
 */
async function readCapped(response: Response, maxBytes: number, service: string) {
  const tooBig = () => {
    const limit = `${Math.round(maxBytes / 1024)} KiB`;
    return new IntegrationError(service, response.status, `the body is over ${limit}: skipped`);
  };
  const declared = Number(response.headers.get("content-length"));
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw tooBig();
  }
  if (!response.body) return "";
  const decoder = new TextDecoder();
  let text = "", size = 0;
  for await (const chunk of response.body) {
    size += chunk.length;
    if (size > maxBytes) {
      // Leaving the loop early cancels the stream: the rest is never downloaded.
      throw tooBig();
    }
    text += decoder.decode(chunk, { stream: true });
  }
  return text + decoder.decode();
}

/** An IntegrationError for a non-2xx answer, carrying its Retry-After. */
export function statusError(service: string, answer: Answer, message: string): IntegrationError {
  const retryAfterMs = parseRetryAfter(answer.headers.get("retry-after"));
  return new IntegrationError(service, answer.status, message, retryAfterMs);
}

/** The body parsed as JSON, or undefined when it is not JSON (an HTML error page, say). */
export function parseJson(answer: Answer): unknown {
  try {
    return JSON.parse(answer.body);
  } catch {
    return undefined;
  }
}

/** For a 2xx answer whose body is not what the service documents. */
export function unexpectedBody(
  service: string,
  answer: Answer,
  expected: string,
): IntegrationError {
  const type = answer.headers.get("content-type") ?? "no content type";
  return new IntegrationError(service, answer.status, `expected ${expected}, got ${type}`);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A URL fit for messages and logs: no credentials, query or fragment. */
export function describeUrl(url: string): string {
  try {
    const { origin, pathname } = new URL(url);
    return origin + pathname;
  } catch {
    return "(invalid URL)";
  }
}
