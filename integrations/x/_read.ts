import { withRetry } from "../../core/retry.ts";
import { call } from "./twitter.ts";

/** Reads change nothing, so every transient failure (a 429 included) is worth waiting out. */
export function read<T>(fn: () => Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  return withRetry(() => call(fn), { signal, attempts: 3 });
}
