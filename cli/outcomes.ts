import type { RunOutcome } from "../core/runner.ts";
import { useColor } from "../core/log.ts";

/** One line per agent run; failures say why, in red on a terminal. */
export function formatOutcomes(
  outcomes: RunOutcome[],
  color = useColor(Deno.stdout),
): string {
  const red = (s: string) => color ? `\x1b[31m${s}\x1b[0m` : s;
  return outcomes.map((o) => {
    const mark = o.status === "ok" ? "ok  " : red("FAIL");
    const secs = (o.durationMs / 1000).toFixed(2).padStart(6);
    return `${mark} ${o.agent.padEnd(22)} ${secs}s  ${o.status === "ok" ? o.summary : o.error}`;
  }).join("\n");
}

export function anyFailed(outcomes: RunOutcome[]): boolean {
  return outcomes.some((o) => o.status === "failed");
}
