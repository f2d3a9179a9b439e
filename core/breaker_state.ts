/**
 * Circuit states kept in a JSON file between runs, so separate processes (cron
 * runs, the daemon's child runs) remember that a service is down instead of
 * each finding out again by calling it.
 */
import type { BreakerSnapshot, BreakerState } from "./breaker.ts";
import { UsageError } from "./errors.ts";

const STATES: readonly BreakerState[] = ["closed", "open", "half-open"];

/** The saved states; none when the file does not exist yet. A damaged file is bad input. */
export async function loadBreakerState(file: string): Promise<BreakerSnapshot[]> {
  let text: string;
  try {
    text = await Deno.readTextFile(file);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return [];
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed) || !parsed.every(isSnapshot)) {
    throw new UsageError(
      `--breaker-state ${file}: not a list of circuit states; delete it to start afresh.`,
    );
  }
  return parsed;
}

/** Replaces the file in one rename, so a reader never sees half of it. */
export async function saveBreakerState(
  file: string,
  snapshots: readonly BreakerSnapshot[],
): Promise<void> {
  const tmp = `${file}.${Deno.pid}.tmp`;
  await Deno.writeTextFile(tmp, JSON.stringify(snapshots, null, 2) + "\n");
  await Deno.rename(tmp, file);
}

function isSnapshot(v: unknown): v is BreakerSnapshot {
  if (typeof v !== "object" || v === null) return false;
  const s = v as Record<string, unknown>;
  return typeof s.service === "string" &&
    STATES.includes(s.state as BreakerState) &&
    Number.isInteger(s.failures) &&
    (s.openedAt === null || typeof s.openedAt === "number") &&
    (s.lastError === null || typeof s.lastError === "string");
}
