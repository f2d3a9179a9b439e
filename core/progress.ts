import type { Progress } from "./agent.ts";

/**
 * How long steps show progress on stderr: "bar" redraws one line on a
 * terminal; "lines" prints a plain line every tenth of the way (at most one
 * every 2 s) for logs that are read later; "off" for --json and --quiet.
 */
export type ProgressMode = "bar" | "lines" | "off";

/** Steps shorter than this many items show nothing in "lines" mode. */
const MIN_LINES_TOTAL = 20;

export function createProgress(
  mode: ProgressMode,
  write: (s: string) => void = stderrWriter(),
): Progress {
  if (mode === "off") return { start: () => ({ tick() {}, done() {} }) };
  return {
    start(label, total) {
      let n = 0;
      let shown = 0;
      let shownAt = 0;
      const draw = () => {
        const width = 24;
        const filled = total ? Math.round((n / total) * width) : width;
        write(`\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${n}/${total}`);
      };
      const line = () => {
        const now = Date.now();
        const step = Math.max(1, Math.ceil(total / 10));
        if (n - shown < step || now - shownAt < 2000) return;
        [shown, shownAt] = [n, now];
        write(`${label}: ${n}/${total} (${Math.round((n / total) * 100)}%)\n`);
      };
      if (mode === "bar") draw();
      else if (total >= MIN_LINES_TOTAL) write(`${label}: 0/${total}\n`);
      return {
        tick(k = 1) {
          n = Math.min(total, n + k);
          if (mode === "bar") draw();
          else if (total >= MIN_LINES_TOTAL) line();
        },
        done() {
          if (mode === "bar") write("\r\x1b[2K");
          else if (total >= MIN_LINES_TOTAL && shown < total) {
            write(`${label}: ${n}/${total} done\n`);
          }
        },
      };
    },
  };
}

function stderrWriter(): (s: string) => void {
  const encoder = new TextEncoder();
  return (s) => Deno.stderr.writeSync(encoder.encode(s));
}
