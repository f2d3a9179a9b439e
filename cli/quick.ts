/**
 * The reading commands a monitor or a cron job runs every minute (`status`, `agents`,
 * `logs`) start without commander: importing it loads Deno's Node layer, which alone costs
 * more than Deno's own start, and these commands need nothing of it.
 *
 * Only a command line this reader fully understands runs here. Anything else (--help, a
 * typo, a bad value, an option given twice, an extra argument) is declined and goes to
 * commander, which parses it again and words the error. quick_test.ts checks that both
 * read every accepted command line alike and know the same options.
 */
import { lazyImport } from "../core/lazy.ts";
import type { LogFlags } from "./logs.ts";
import type { Globals } from "./program.ts";
import { LOG_LEVELS } from "../core/vocabulary.ts";
import { countValue, LOG_LIMIT, sinceValue } from "./_values.ts";

/** An option: the key commander gives it, and for one that takes a value, its parser. */
interface Spec {
  key: string;
  value?: (text: string) => unknown;
}

const text = (v: string) => v;
const oneOf = (choices: readonly string[]) => (v: string) => {
  if (!choices.includes(v)) throw new Error(`not one of ${choices.join(", ")}`);
  return v;
};

/** The root command's options (cli/_command_kit.ts rootCommand), accepted anywhere. */
export const GLOBAL_OPTIONS: Record<string, Spec> = {
  "--db": { key: "db", value: text },
  "--config": { key: "config", value: text },
  "--json": { key: "json" },
  "-v": { key: "verbose" },
  "--verbose": { key: "verbose" },
  "-q": { key: "quiet" },
  "--quiet": { key: "quiet" },
};

type Run = (g: Globals, flags: Record<string, unknown>) => Promise<void>;
const command = <T>(name: string) => lazyImport<T>(`./${name}.ts`, import.meta.url);

/** Each quick command's own options (as in cli/commands/operations.ts), defaults and run. */
export const QUICK_COMMANDS: Record<
  string,
  { options: Record<string, Spec>; defaults: Record<string, unknown>; run: Run }
> = {
  status: {
    options: {},
    defaults: {},
    run: async (g) => await (await command<typeof import("./status.ts")>("status")).status(g),
  },
  agents: {
    options: {},
    defaults: {},
    run: async (g) => (await command<typeof import("./agents.ts")>("agents")).listAgents(g),
  },
  logs: {
    options: {
      "--agent": { key: "agent", value: text },
      "--level": { key: "level", value: oneOf(LOG_LEVELS) },
      "--since": { key: "since", value: sinceValue },
      "--limit": { key: "limit", value: countValue },
    },
    defaults: { limit: LOG_LIMIT },
    // Each key was parsed by its option's parser above, and the limit has its default.
    run: async (g, flags) =>
      await (await command<typeof import("./logs.ts")>("logs")).logs(
        g,
        flags as unknown as LogFlags,
      ),
  },
};

export interface QuickLine {
  command: string;
  globals: Globals;
  flags: Record<string, unknown>;
}

/** The command line read as commander would, or null when commander should read it. */
export function quickParse(args: readonly string[]): QuickLine | null {
  const globals: Record<string, unknown> = {};
  const seen = new Set<string>();
  let name: string | undefined;
  let flags: Record<string, unknown> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith("-")) {
      // The command's name; a second word is an argument none of these take.
      if (name !== undefined || !Object.hasOwn(QUICK_COMMANDS, arg)) return null;
      name = arg;
      flags = { ...QUICK_COMMANDS[name].defaults };
      continue;
    }
    const eq = arg.indexOf("=");
    const option = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
    const mine = name === undefined ? {} : QUICK_COMMANDS[name].options;
    const own = Object.hasOwn(mine, option) ? mine[option] : undefined;
    const spec = own ??
      (Object.hasOwn(GLOBAL_OPTIONS, option) ? GLOBAL_OPTIONS[option] : undefined);
    if (!spec || seen.has(spec.key)) return null;
    seen.add(spec.key);
    const target = own ? flags : globals;
    if (!spec.value) {
      if (option !== arg) return null; // --json=... is commander's to refuse
      target[spec.key] = true;
      continue;
    }
    let value: string;
    if (option !== arg) value = arg.slice(eq + 1);
    else if (i + 1 < args.length && !args[i + 1].startsWith("-")) value = args[++i];
    else return null;
    try {
      target[spec.key] = spec.value(value);
    } catch {
      return null;
    }
  }
  return name === undefined ? null : { command: name, globals: globals as Globals, flags };
}

/** Runs the command line here when it is a quick one; false when commander must. */
export async function runQuick(args: readonly string[]): Promise<boolean> {
  const line = quickParse(args);
  if (!line) return false;
  await QUICK_COMMANDS[line.command].run(line.globals, line.flags);
  return true;
}
