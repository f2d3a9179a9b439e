/**
 * Parsers and defaults of option values shared by commander (cli/_command_kit.ts) and the quick
 * path of the reading commands (cli/quick.ts), which must not load commander.
 */

/** A value the option does not take; commander words it as "argument ... is invalid". */
export class ValueError extends Error {
  override name = "ValueError";
}

export function countValue(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new ValueError("expected a whole number of at least 1.");
  return n;
}

/** "30m", "6h", "2d" back from now, or an ISO date; epoch ms. */
export function sinceValue(value: string, now = Date.now()): number {
  const m = /^(\d+)\s*(m|h|d)$/.exec(value.trim());
  if (m) {
    return now - Number(m[1]) * { m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as "m" | "h" | "d"];
  }
  const t = Date.parse(value);
  if (Number.isNaN(t)) {
    throw new ValueError('expected a duration like "30m", "6h", "2d" or an ISO date.');
  }
  return t;
}

/** `creator logs --limit` when not given. */
export const LOG_LIMIT = 100;
