import type { RunOutcome } from "../core/runner.ts";

/** One line per agent run; failures say why. */
export function formatOutcomes(outcomes: RunOutcome[]): string {
  return outcomes.map((o) => {
    const mark = o.status === "ok" ? "ok  " : "FAIL";
    const secs = (o.durationMs / 1000).toFixed(2).padStart(6);
    return `${mark} ${o.agent.padEnd(22)} ${secs}s  ${o.status === "ok" ? o.summary : o.error}`;
  }).join("\n");
}

export function anyFailed(outcomes: RunOutcome[]): boolean {
  return outcomes.some((o) => o.status === "failed");
}
