import { cleanLine } from "../../core/clean_text.ts";
import { FUTURE_SKEW_MS } from "../../core/clock.ts";
import { IntegrationError } from "../../core/errors.ts";
import { FEAR_GREED_CLASSES, isFearGreedClass } from "../../core/vocabulary.ts";
import { type RetryOptions, withRetry } from "../../core/retry.ts";
import { plainText } from "./_article.ts";
import { get, isRecord, parseJson, statusError, unexpectedBody } from "./_http.ts";
import type { CallOptions, FearGreedReading, FearGreedSource } from "./mod.ts";

export interface FearGreedSourceOptions {
  /** Default https://api.alternative.me. */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Per attempt. Default 10 000. */
  timeoutMs?: number;
  /** Default 3 attempts with waits capped at 10 s; `{ attempts: 1 }` fails fast. */
  retry?: Omit<RetryOptions, "signal">;
}

const SERVICE = "alternative.me";

/** The Crypto Fear & Greed Index from alternative.me (`GET /fng/?limit=1`, no key needed). */
export function createFearGreedSource(options: FearGreedSourceOptions = {}): FearGreedSource {
  const base = (options.baseUrl ?? "https://api.alternative.me").replace(/\/+$/, "");
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;

  async function latestOnce(signal?: AbortSignal): Promise<FearGreedReading> {
    const headers = { accept: "application/json" };
    const answer = await get(`${base}/fng/?limit=1`, {
      service: SERVICE,
      fetch: doFetch,
      timeoutMs,
      headers,
      signal,
    });
    if (answer.status < 200 || answer.status > 299) {
      throw statusError(SERVICE, answer, plainText(answer.body, 160) || "empty body");
    }
    const body = parseJson(answer);
    if (!isRecord(body)) throw unexpectedBody(SERVICE, answer, "a JSON object");
    // The API reports its own failures in metadata.error, still with HTTP 200.
    const said = isRecord(body.metadata) ? body.metadata.error : null;
    if (typeof said === "string" && said) {
      throw new IntegrationError(SERVICE, 502, said);
    }
    const reading = Array.isArray(body.data) ? toReading(body.data[0]) : undefined;
    if (!reading) {
      throw new IntegrationError(SERVICE, 502, "the answer held no valid index reading");
    }
    if (!isFearGreedClass(reading.classification)) {
      // The label reaches headlines and prompts: only the index's own five words may.
      throw new IntegrationError(
        SERVICE,
        502,
        `unknown classification "${cleanLine(reading.classification, 40)}": ` +
          `expected one of ${FEAR_GREED_CLASSES.join(", ")}`,
      );
    }
    if (reading.at > Date.now() + FUTURE_SKEW_MS) {
      // Stored, it would stay the latest reading for good and freeze the signal.
      const shown = reading.at < 8.64e15 ? new Date(reading.at).toISOString() : String(reading.at);
      throw new IntegrationError(SERVICE, 502, `the reading is dated ${shown}, in the future`);
    }
    return reading;
  }

  return {
    latest: (opts: CallOptions = {}) =>
      withRetry(() => latestOnce(opts.signal), {
        attempts: 3,
        maxDelayMs: 10_000,
        ...options.retry,
        signal: opts.signal,
      }),
  };
}

/** `{ value: "40", value_classification: "Fear", timestamp: "1551157200" }`: strings, seconds. */
function toReading(item: unknown): FearGreedReading | undefined {
  if (!isRecord(item) || String(item.value ?? "").trim() === "") return undefined;
  const value = Number(item.value);
  const seconds = Number(item.timestamp);
  const classification = item.value_classification;
  if (!Number.isFinite(value) || value < 0 || value > 100) return undefined;
  if (!Number.isFinite(seconds) || seconds <= 0 || typeof classification !== "string") {
    return undefined;
  }
  return { value, classification, at: seconds * 1000 };
}
