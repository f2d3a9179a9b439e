/**
 * Benchmark 16: what a year of history costs each command. `status`, `agents`,
 * `logs`, `analyze` and `publish --dry-run` run as a user runs them (a fresh
 * `deno run main.ts` each) on an empty store and on a year-sized one (5M
 * candles, 1M log rows; bench/seed_year.ts), against `deno run` of an empty
 * file; `analyze` also against a store holding only the window it reads.
 * The seeded year is cached in the temp dir: seeding takes minutes, once.
 */
import { openStore } from "../storage/mod.ts";
import { type BenchResult, median, ms, progress, ratio, type Row, verdict } from "./_table.ts";
import { seedWindow, seedYear, YEAR } from "./seed_year.ts";

const ROOT = new URL("..", import.meta.url);
const RUNS = 5;
// v2: the seeded stores are kept as seeded; commands that write run on copies of them.
const CACHE = `${Deno.env.get("TMPDIR") ?? "/tmp"}/creator-bench-year-v2`;
const COMMANDS = [["status"], ["agents"], ["logs"], ["publish", "--dry-run"]];

interface Sample {
  ms: number;
  peakMb: number;
}

/** One `deno run`, its wall time and its peak resident memory (VmHWM, sampled). */
async function runOnce(args: string[]): Promise<Sample> {
  const child = new Deno.Command(Deno.execPath(), {
    args,
    cwd: ROOT,
    stdin: "null",
    stdout: "null",
    stderr: "piped",
    // The parsed config is kept here, as a user's is in their cache folder.
    env: { NO_COLOR: "1", CREATOR_CACHE_DIR: `${CACHE}/config-cache` },
  }).spawn();
  const start = performance.now();
  let peakMb = 0;
  const sample = setInterval(() => (peakMb = Math.max(peakMb, hwm(child.pid))), 5);
  const { code, stderr } = await child.output();
  const elapsed = performance.now() - start;
  clearInterval(sample);
  if (code !== 0) {
    const why = new TextDecoder().decode(stderr).trim().split("\n").at(-1);
    throw new Error(`deno ${args.join(" ")} exited with ${code}: ${why}`);
  }
  return { ms: elapsed, peakMb };
}

function hwm(pid: number): number {
  try {
    const text = Deno.readTextFileSync(`/proc/${pid}/status`);
    return Number(/^VmHWM:\s+(\d+) kB/m.exec(text)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/**
 * A command line, and for a command that writes (analyze, publish --dry-run: insights,
 * plans, charts) the seeded store it is given a fresh copy of before every run: each run is
 * then a first run after a year of history, the heaviest, as a user's first is.
 */
interface Variant {
  args: string[];
  copyOf?: { from: string; to: string };
}

/** Medians over RUNS rounds, each round running every variant once, so drift hits all alike. */
async function compare(variants: Variant[]): Promise<{ ms: number; peakMb: number }[]> {
  const once = async (v: Variant) => {
    if (v.copyOf) {
      await Deno.copyFile(v.copyOf.from, v.copyOf.to);
      // On disk before the run, as a user's store is: else the run's first checkpoint
      // (fsync) would write out the whole copy.
      using file = await Deno.open(v.copyOf.to, { read: true, write: true });
      await file.sync();
    }
    return await runOnce(v.args);
  };
  for (const v of variants) await once(v); // warm-up: caches, the kept config parse
  const samples: Sample[][] = variants.map(() => []);
  for (let r = 0; r < RUNS; r++) {
    for (const [i, v] of variants.entries()) samples[i].push(await once(v));
  }
  return samples.map((s) => ({
    ms: median(s.map((x) => x.ms)),
    peakMb: Math.max(...s.map((x) => x.peakMb)),
  }));
}

async function stores() {
  await Deno.mkdir(CACHE, { recursive: true });
  const year = `${CACHE}/year.db`;
  progress(`16: year-sized store at ${year} (seeding 5M candles + 1M logs takes minutes, once)`);
  const t0 = performance.now();
  if (await seedYear(year)) progress(`16: seeded in ${ms(performance.now() - t0)}`);
  const window = `${CACHE}/window.db`;
  if (!await exists(window)) await seedWindow(window, 200);
  const dir = await Deno.makeTempDir({ prefix: "creator-bench-" });
  // An empty store is a migrated one: read-only commands refuse a missing file.
  const empty = `${dir}/empty.db`;
  await (await openStore(empty)).close();
  return { year, window, empty, dir };
}

const PG_URL = Deno.env.get("TEST_DATABASE_URL") ?? "postgres://postgres@127.0.0.1:5432/test";
const PG_YEAR = "creator_bench_year_v1";

interface Stores {
  /** "" for SQLite, " (Postgres)" */
  label: string;
  empty: string;
  year: string;
  commands: string[][];
}

export async function benchYearCommands(): Promise<BenchResult> {
  const s = await stores();
  const emptyFile = `${s.dir}/empty.ts`;
  await Deno.writeTextFile(emptyFile, "");
  const rows: Row[] = [];
  const peak = { mb: 0 };
  const pg = await postgresStores();
  try {
    const variants: Stores[] = [{ label: "", empty: s.empty, year: s.year, commands: COMMANDS }];
    if (pg) variants.push({ label: " (Postgres)", ...pg.urls, commands: [["status"], ["logs"]] });
    for (const v of variants) rows.push(...await commandRows(v, emptyFile, peak));
    progress("16: analyze on the year-sized store and on the window it reads");
    const [year, window] = await compare([
      writing(s.year, `${s.dir}/year-run.db`, ["analyze"]),
      writing(s.window, `${s.dir}/window-run.db`, ["analyze"]),
    ]);
    peak.mb = Math.max(peak.mb, year.peakMb);
    rows.push({
      benchmark: "16. analyze, year-sized store",
      measured: `${ms(year.ms)}, ${Math.round(year.peakMb)} MB peak`,
      baseline: `${ms(window.ms)} (only the window)`,
      ratio: ratio(year.ms / window.ms),
      target: "<= 1.5x",
      verdict: verdict(year.ms / window.ms <= 1.5 && year.peakMb < 200),
    });
    return { rows, notes: [note(peak.mb, !!pg)] };
  } finally {
    await pg?.drop();
    await Deno.remove(s.dir, { recursive: true });
  }
}

/** As a user runs it: with the config `creator init` writes (every key set) beside the store. */
const CONFIG = new URL("../cli/templates/creator.yaml", import.meta.url).pathname;
const main = (db: string, command: string[]) => [
  "run",
  "-A",
  "main.ts",
  "--config",
  CONFIG,
  "--db",
  db,
  ...command,
];

/** A command that writes, on a fresh copy of `store` at `copy` each run. */
const writing = (store: string, copy: string, command: string[]): Variant => ({
  args: main(copy, command),
  copyOf: { from: store, to: copy },
});

async function commandRows(v: Stores, emptyFile: string, peak: { mb: number }) {
  const rows: Row[] = [];
  for (const command of v.commands) {
    progress(`16: ${command.join(" ")} on empty and year-sized stores${v.label}`);
    const writes = command[0] === "publish";
    // Both stores fresh each run: every run on either is a first run.
    const [empty, year, deno] = await compare([
      writes && !v.label
        ? writing(v.empty, `${v.empty}.run.db`, command)
        : { args: main(v.empty, command) },
      writes && !v.label
        ? writing(v.year, `${dirOf(v.empty)}/year-run.db`, command)
        : { args: main(v.year, command) },
      { args: ["run", "-A", emptyFile] },
    ]);
    peak.mb = Math.max(peak.mb, year.peakMb);
    const light = command[0] !== "publish";
    rows.push({
      benchmark: `16. ${command.join(" ")}, year-sized store${v.label}`,
      measured: `${ms(year.ms)}, ${Math.round(year.peakMb)} MB peak`,
      baseline: `${ms(empty.ms)} (empty store); ${ms(deno.ms)} (empty deno)`,
      ratio: `${ratio(year.ms / empty.ms)}; ${ratio(year.ms / deno.ms)}`,
      target: light ? "<= 1.2x; < 4x" : "< 200 MB",
      verdict: verdict(
        light
          ? year.ms / empty.ms <= 1.2 && year.ms / deno.ms < 4 && year.peakMb < 200
          : year.peakMb < 200,
      ),
    });
  }
  return rows;
}

/** The year seeded once in a schema of its own, and a fresh empty schema; null without Postgres. */
async function postgresStores() {
  const { openPostgres } = await import("../storage/postgres.ts");
  let admin;
  try {
    admin = await openPostgres(PG_URL, { connectTimeoutSeconds: 2, maxConnections: 1 });
  } catch {
    progress(`16: Postgres at ${PG_URL} unreachable: its rows are left out`);
    return null;
  }
  progress(`16: year-sized Postgres schema ${PG_YEAR} (seeded once, minutes)`);
  await seedYear(PG_URL, YEAR, PG_YEAR);
  const empty = `creator_bench_empty_${crypto.randomUUID().slice(0, 8)}`;
  await seedYear(PG_URL, { candles: 0, logs: 0 }, empty);
  const at = (schema: string) => `${PG_URL}?search_path=${schema}`;
  return {
    urls: { empty: at(empty), year: at(PG_YEAR) },
    drop: async () => {
      await admin.exec(`DROP SCHEMA IF EXISTS "${empty}" CASCADE`);
      await admin.close();
    },
  };
}

function note(peakMb: number, postgres: boolean): string {
  return `16. bench/year_commands.ts: each command as a fresh \`deno run -A main.ts --config ` +
    `creator.yaml --db <store>\` (the config \`creator init\` writes, every key set; its parse ` +
    `kept from the warm-up, as from a user's earlier run), median of ${RUNS} rounds after a ` +
    `warm-up, each round running every variant ` +
    `once. Year-sized store: ${YEAR.candles.toLocaleString("en")} candles (100 symbols: a year ` +
    `of 1h, the rest 5m) and ${YEAR.logs.toLocaleString("en")} agent_logs rows over the year, ` +
    `seeded by bench/seed_year.ts and cached (SQLite in ${CACHE}` +
    (postgres ? `, Postgres in schema ${PG_YEAR}` : "") + `). Window store: the same 200 ` +
    `series with only the 200 newest candles each. analyze and publish --dry-run write ` +
    `(insights, plans, charts), so each of their runs gets a fresh copy of the seeded store ` +
    `and is a first run, the heaviest. Peak = VmHWM sampled every 5 ms; the ` +
    `largest of any command on a year-sized store was ${Math.round(peakMb)} MB (target < 200 ` +
    `MB). Targets: status, agents and logs within 1.2x of the empty store and under 4x an ` +
    `empty deno start; analyze within 1.5x of the window store.`;
}

const dirOf = (path: string) => path.slice(0, path.lastIndexOf("/"));

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.stat(path);
    return true;
  } catch {
    return false;
  }
}
