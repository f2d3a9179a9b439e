import type { Context, Progress } from "./agent.ts";
import { type Clock, systemClock } from "./clock.ts";
import type { Config } from "./config.ts";
import { createIntegrations, type Integrations, type Source } from "./integrations.ts";
import { type Logger, silentLogger } from "./log.ts";
import type { Store } from "../storage/mod.ts";

export interface ContextOptions {
  config: Config;
  store: Store;
  log?: Logger;
  clock?: Clock;
  source?: Source;
  /** Defaults to the real clients the config names. */
  integrations?: Integrations;
  dryRun?: boolean;
  ignoreSchedule?: boolean;
  signal?: AbortSignal;
  progress?: Progress;
  instance?: string;
}

const quietProgress: Progress = { start: () => ({ tick() {}, done() {} }) };

/** The one place a Context is assembled; the CLI, the daemon and tests all come through here. */
export function createContext(o: ContextOptions): Context {
  return {
    store: o.store,
    config: o.config,
    clock: o.clock ?? systemClock,
    log: o.log ?? silentLogger,
    integrations: o.integrations ?? createIntegrations(o.config, o.source ?? "live"),
    dryRun: !!o.dryRun,
    signal: o.signal ?? new AbortController().signal,
    progress: o.progress ?? quietProgress,
    instance: o.instance ?? `${Deno.hostname()}:${Deno.pid}:${crypto.randomUUID().slice(0, 8)}`,
    options: { ignoreSchedule: o.ignoreSchedule },
  };
}
