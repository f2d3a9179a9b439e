import type { Context, RunOptions } from "../core/agent.ts";
import { loadBreakerState, saveBreakerState } from "../core/breaker_state.ts";
import { createContext } from "../core/context.ts";
import { type Config, loadConfig } from "../core/config.ts";
import { createIntegrations, type Source } from "../core/integrations.ts";
import { createLogger, type Logger, stderrSink, useColor } from "../core/log.ts";
import { createProgress } from "../core/progress.ts";
import { openStore, type Store } from "../storage/mod.ts";
import type { Globals } from "./program.ts";
import { checkDatabase } from "./db_session.ts";
import { checkOutFile, writeRefusal } from "./_out_path.ts";

// Commands that open no session (agents, config) import it from ./output.ts directly.
export { output } from "./output.ts";

const BREAKER_OUT = { what: "circuit states", flag: "--breaker-state" };

export interface SessionOptions extends RunOptions {
  source?: Source;
  dryRun?: boolean;
  /** Apply pending migrations on open (default true). */
  migrate?: boolean;
  /** Overrides the configured database (the demo uses its own file). */
  db?: string;
  /** init: the --config file is written by the command, so it need not exist yet. */
  writesConfig?: boolean;
  /** A JSON file of circuit states: taken on at open, written back at close. */
  breakerState?: string;
  /**
   * Read-only commands: a SQLite file that does not exist is an error that
   * points at `creator init`, never a new empty store.
   */
  mustExist?: boolean;
}

export interface Session {
  ctx: Context;
  config: Config;
  sources: Record<string, string>;
  /** The config file, as --config, CREATOR_CONFIG or the default names it. */
  configPath: string;
  log: Logger;
  close(): Promise<void>;
}

export function makeLogger(g: Globals, level: Config["logLevel"] = "info"): Logger {
  const min = g.verbose ? "debug" : g.quiet ? "warn" : level;
  return createLogger([stderrSink({ json: !!g.json, color: useColor() })], min);
}

/** Config, database, integrations and a context, wired once per command. */
export async function openSession(g: Globals, options: SessionOptions = {}): Promise<Session> {
  const { config, sources, path: configPath } = await loadConfig({
    db: options.db ?? g.db,
    configPath: g.config,
    configMayBeMissing: options.writesConfig,
  });
  const log = makeLogger(g, config.logLevel);
  await checkDatabase(config.db, sources.db, !!options.mustExist);
  if (options.breakerState) await checkOutFile(options.breakerState, BREAKER_OUT);
  // Read before anything is opened: a damaged file must not leave a store open.
  const saved = options.breakerState ? await loadBreakerState(options.breakerState) : null;
  const store: Store = await openStore(config.db, { migrate: options.migrate });
  const integrations = createIntegrations(config, options.source ?? "live", {
    onBreakerChange: (b) =>
      b.state === "open"
        ? log.warn(`circuit open for ${b.service}: calls fail fast for a while`, {
          lastError: b.lastError,
        })
        : log.info(`circuit ${b.state} for ${b.service}`),
  });
  if (saved) integrations.restoreBreakers(saved);
  const abort = new AbortController();
  const onSignal = () => {
    log.warn("interrupted: finishing what is in flight");
    abort.abort(new DOMException("interrupted", "AbortError"));
  };
  const signals: Deno.Signal[] = Deno.build.os === "windows" ? ["SIGINT"] : ["SIGINT", "SIGTERM"];
  for (const s of signals) Deno.addSignalListener(s, onSignal);
  const ctx = createContext({
    store,
    config,
    log,
    integrations,
    dryRun: options.dryRun,
    ignoreSchedule: options.ignoreSchedule,
    signal: abort.signal,
    progress: createProgress(
      g.json || g.quiet ? "off" : Deno.stderr.isTerminal() ? "bar" : "lines",
    ),
  });
  return {
    ctx,
    config,
    sources,
    configPath,
    log,
    async close() {
      for (const s of signals) Deno.removeSignalListener(s, onSignal);
      try {
        if (options.breakerState) {
          await saveBreakerState(options.breakerState, integrations.breakers());
        }
      } catch (error) {
        // The run itself went through; only what it learned about circuits is lost.
        const refusal = writeRefusal(error, options.breakerState!, BREAKER_OUT);
        log.warn(`circuit states not saved: ${(refusal ?? error as Error).message}`);
      } finally {
        await integrations.close();
        await store.close();
      }
    },
  };
}

/** Opens a session, runs `fn`, and always closes it. */
export async function withSession<T>(
  g: Globals,
  options: SessionOptions,
  fn: (s: Session) => Promise<T>,
): Promise<T> {
  const session = await openSession(g, options);
  try {
    return await fn(session);
  } finally {
    await session.close();
  }
}
