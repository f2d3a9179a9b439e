/**
 * Start-up cost of the CLI: `deno run -A main.ts --help` against `deno run -A` of an empty
 * file, both spawned from the repository root with the real deno binary (never a wrapper
 * script, which would add its own start-up to both sides).
 */
import { type BenchResult, median, ms, progress, ratio, verdict } from "./_table.ts";

const RUNS = 10;
const TARGET = 2.5;
const ROOT = new URL("..", import.meta.url);

export interface ColdStart {
  helpMs: number[];
  emptyMs: number[];
}

/** One warm-up each, then RUNS alternating pairs so drift hits both sides alike. */
export async function measureColdStart(runs = RUNS): Promise<ColdStart> {
  const dir = await Deno.makeTempDir({ prefix: "creator-bench-" });
  const empty = `${dir}/empty.ts`;
  await Deno.writeTextFile(empty, "");
  try {
    const help = () => timeRun(["run", "-A", "main.ts", "--help"]);
    const none = () => timeRun(["run", "-A", empty]);
    await help();
    await none();
    const result: ColdStart = { helpMs: [], emptyMs: [] };
    for (let i = 0; i < runs; i++) {
      result.helpMs.push(await help());
      result.emptyMs.push(await none());
    }
    return result;
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

async function timeRun(args: string[]): Promise<number> {
  const command = new Deno.Command(Deno.execPath(), {
    args,
    cwd: ROOT,
    stdin: "null",
    stdout: "null",
    stderr: "piped",
    env: { NO_COLOR: "1" },
  });
  const start = performance.now();
  const { code, stderr } = await command.output();
  const elapsed = performance.now() - start;
  if (code !== 0) {
    const why = new TextDecoder().decode(stderr).trim().split("\n")[0];
    throw new Error(`deno ${args.join(" ")} exited with ${code}: ${why}`);
  }
  return elapsed;
}

export async function benchColdStart(): Promise<BenchResult> {
  progress(`cold start: ${RUNS} runs each of main.ts --help and an empty file`);
  const { helpMs, emptyMs } = await measureColdStart();
  const help = median(helpMs);
  const empty = median(emptyMs);
  return {
    rows: [{
      benchmark: "1. cold start `creator --help`",
      measured: ms(help),
      baseline: `${ms(empty)} (empty file)`,
      ratio: ratio(help / empty),
      target: `<= ${TARGET.toFixed(1)}x`,
      verdict: verdict(help / empty <= TARGET),
    }],
    notes: [
      `1. \`${
        Deno.execPath().split("/").at(-1)
      } run -A main.ts --help\` vs \`deno run -A <empty.ts>\`, ` +
      `the real binary (Deno ${Deno.version.deno}) spawned from the repository root on both ` +
      `sides; wall time of the whole process, median of ${RUNS} alternating runs after one ` +
      `warm-up each (help: min ${ms(Math.min(...helpMs))}, max ${ms(Math.max(...helpMs))}; ` +
      `empty: min ${ms(Math.min(...emptyMs))}, max ${ms(Math.max(...emptyMs))}).`,
    ],
  };
}
