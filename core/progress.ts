import type { Progress } from "./agent.ts";

/** A one-line bar on stderr when it is a terminal; silent otherwise (cron, CI, --json). */
export function createProgress(enabled: boolean): Progress {
  if (!enabled) return { start: () => ({ tick() {}, done() {} }) };
  const encoder = new TextEncoder();
  const write = (s: string) => Deno.stderr.writeSync(encoder.encode(s));
  return {
    start(label, total) {
      let n = 0;
      const draw = () => {
        const width = 24;
        const filled = total ? Math.round((n / total) * width) : width;
        write(`\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${n}/${total}`);
      };
      draw();
      return {
        tick(k = 1) {
          n = Math.min(total, n + k);
          draw();
        },
        done() {
          write("\r\x1b[2K");
        },
      };
    },
  };
}
