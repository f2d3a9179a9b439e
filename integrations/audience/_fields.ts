/**
 * A platform's message fields, checked before they become ours: ids look like
 * the platform's ids, names are text, and a time is taken only when it is
 * plausible. A broken or hostile field must not become a stored id, a cursor,
 * or a message from the future.
 */
import { FUTURE_SKEW_MS } from "../../core/clock.ts";

/** Discord snowflakes and X ids: a 64-bit number as a decimal string. */
export function isDecimalId(value: unknown): value is string {
  return typeof value === "string" && /^\d{1,20}$/.test(value);
}

/** Telegram's chat and user ids: integers (negative for groups and channels). */
export function isTelegramId(value: unknown): value is number {
  return Number.isSafeInteger(value);
}

/** Telegram's message ids: positive integers, counted per chat. */
export function isTelegramMessageId(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) > 0;
}

/** A text field; null when it is anything else. */
export function textOrNull(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

// Nothing we read was written before X began.
const EARLIEST = Date.UTC(2006, 0, 1);

/** When a message was written (epoch ms): the platform's time when plausible, else `now`. */
export function sentAt(at: number, now = Date.now()): number {
  return Number.isInteger(at) && at >= EARLIEST && at <= now + FUTURE_SKEW_MS ? at : now;
}
