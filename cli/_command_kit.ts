/**
 * What every command group shares: common options, the lazy loader and the
 * argument parsers. Light on purpose: `creator --help` loads this and commander only.
 */
import { Command, InvalidArgumentError, Option } from "@commander-js/extra-typings";
import { countValue, sinceValue, ValueError } from "./_values.ts";

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

/**
 * A value parser of ./_values.ts, its error worded by commander ("option ... is invalid").
 * Only the value is passed on: commander calls a parser with the option's previous value
 * (its default) second, which `sinceValue` would take for "now".
 */
function forCommander<T>(parse: (value: string) => T) {
  return (value: string): T => {
    try {
      return parse(value);
    } catch (error) {
      if (error instanceof ValueError) throw new InvalidArgumentError(error.message);
      throw error;
    }
  };
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

export const parseCount = forCommander(countValue);

/** "30m", "6h", "2d" back from now, or an ISO date; epoch ms. */
export const parseSince = forCommander(sinceValue);

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
