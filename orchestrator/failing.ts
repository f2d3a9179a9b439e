import type { RunOutcome } from "../core/runner.ts";

/** An agent whose last runs all failed: how many in a row, since when, and why. */
export interface FailingAgent {
  agent: string;
  failures: number;
  /** Epoch ms of the first failure of the streak. */
  since: number;
  lastError: string;
}

/**
 * Counts consecutive failed runs per agent; a success ends the streak. Kept
 * per instance: /healthz reports what this daemon saw, as /metrics does.
 */
export function failureTracker() {
  const streaks = new Map<string, FailingAgent>();
  return {
    record(outcomes: readonly RunOutcome[], at: number): void {
      for (const o of outcomes) {
        if (o.status === "ok") {
          streaks.delete(o.agent);
          continue;
        }
        const prev = streaks.get(o.agent);
        streaks.set(o.agent, {
          agent: o.agent,
          failures: (prev?.failures ?? 0) + 1,
          since: prev?.since ?? at,
          lastError: o.error ?? "failed",
        });
      }
    },
    /** Agents that failed at least `min` runs in a row. */
    failing(min: number): FailingAgent[] {
      return [...streaks.values()].filter((s) => s.failures >= min);
    },
  };
}
