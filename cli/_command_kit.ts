/**
 * What every command group shares: common options, the lazy loader and the
 * argument parsers. Light on purpose: `creator --help` loads this and commander only.
 */
import { Command, InvalidArgumentError, Option } from "@commander-js/extra-typings";

export const sourceOption = () =>
  new Option(
    "--source <source>",
    "where market data comes from: live services, or the bundled recorded sample",
  )
    .choices(["live", "sample"] as const).default("live" as const);
export const breakerStateOption = () =>
  new Option(
    "--breaker-state <file>",
    "keep circuit-breaker state in this JSON file: read before the run, written after, so " +
      "separate runs (cron) skip a service that is down instead of each retrying it",
  );
export const dryRunOption = () =>
  new Option("--dry-run", "render what would be posted; send nothing and mark nothing published");

/**
 * Loads a command's module when its action runs. The path is built at run
 * time on purpose: Deno pulls a literal `import("./x.ts")` into the start-up
 * module graph even if it never runs, which would make `--help` load every
 * command, agent and SDK adapter.
 */
export function load<T>(name: string): Promise<T> {
  return import(new URL(`./${name}.ts`, import.meta.url).href);
}

export function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new InvalidArgumentError("expected a port from 0 to 65535.");
  }
  return n;
}

export function parseUserId(value: string): string {
  if (!/^\d{1,20}$/.test(value)) {
    throw new InvalidArgumentError("expected a numeric user id, like 123456789.");
  }
  return value;
}

export function parseId(value: string): number {
  const n = Number(value.replace(/^#/, ""));
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError("expected an id like 12.");
  return n;
}

export function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new InvalidArgumentError("expected a whole number of at least 1.");
  }
  return n;
}

/** "30m", "6h", "2d" back from now, or an ISO date; epoch ms. */
export function parseSince(value: string, now = Date.now()): number {
  const m = /^(\d+)\s*(m|h|d)$/.exec(value.trim());
  if (m) {
    return now - Number(m[1]) * { m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as "m" | "h" | "d"];
  }
  const t = Date.parse(value);
  if (Number.isNaN(t)) {
    throw new InvalidArgumentError('expected a duration like "30m", "6h", "2d" or an ISO date.');
  }
  return t;
}

/** "120/1000": successes out of trials, whole numbers. */
export function parseRatio(value: string): [number, number] {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  if (!m || Number(m[2]) === 0 || Number(m[1]) > Number(m[2])) {
    throw new InvalidArgumentError(
      'expected successes/trials as whole numbers with successes <= trials, e.g. "120/1000".',
    );
  }
  return [Number(m[1]), Number(m[2])];
}

/** The `creator` command with its global options; each group adds its commands to it. */
export function rootCommand() {
  return new Command()
    .name("creator")
    .description(
      "Turns crypto market data and news into posts for X, Telegram and Discord.\n" +
        "Default database: ./creator.db (SQLite). Shared mode: --db postgres://...",
    )
    .version("0.1.0", "-V, --version", "print the version")
    .option(
      "--db <url>",
      "database: a SQLite path, sqlite:<path> or postgres://... (else CREATOR_DB, DATABASE_URL, ./creator.db)",
    )
    .option(
      "--config <file>",
      "config file (else CREATOR_CONFIG, else ./creator.yaml when present)",
    )
    .option("--json", "machine-readable result on stdout; logs as JSON lines on stderr")
    .option("-v, --verbose", "debug logs, and stack traces on errors")
    .option("-q, --quiet", "warnings and errors only")
    .exitOverride()
    .showHelpAfterError("(run with --help for usage)")
    .configureHelp({ sortSubcommands: false, showGlobalOptions: true });
}

export type Root = ReturnType<typeof rootCommand>;
