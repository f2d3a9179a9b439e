import type { RunOutcome } from "../core/runner.ts";
import { useColor } from "../core/log.ts";

const WIDTH = 80;

/**
 * One line per agent run, within 80 columns; a summary or reason too long for
 * its line continues below, indented. FAIL is red on a terminal.
 */
export function formatOutcomes(
  outcomes: RunOutcome[],
  color = useColor(Deno.stdout),
): string {
  const red = (s: string) => color ? `\x1b[31m${s}\x1b[0m` : s;
  return outcomes.map((o) => {
    const mark = o.status === "ok" ? "ok  " : red("FAIL");
    const secs = (o.durationMs / 1000).toFixed(2).padStart(6);
    const head = `${mark} ${o.agent.padEnd(22)} ${secs}s`;
    const text = (o.status === "ok" ? o.summary : o.error) ?? "";
    const plainHead = head.length - (mark.length - 4);
    if (plainHead + 2 + text.length <= WIDTH) return `${head}  ${text}`;
    return [head, ...wrap(text, WIDTH - 6).map((l) => `      ${l}`)].join("\n");
  }).join("\n");
}

/** Word-wraps `text` to `width`; a word longer than the line is cut. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    for (let w = word; w;) {
      const room = line ? width - line.length - 1 : width;
      if (w.length <= room) {
        line = line ? `${line} ${w}` : w;
        w = "";
      } else if (line) {
        lines.push(line);
        line = "";
      } else {
        lines.push(w.slice(0, width));
        w = w.slice(width);
      }
    }
  }
  if (line) lines.push(line);
  return lines;
}

export function anyFailed(outcomes: RunOutcome[]): boolean {
  return outcomes.some((o) => o.status === "failed");
}
