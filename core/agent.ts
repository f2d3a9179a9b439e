import type { Config } from "./config.ts";
import type { Clock } from "./clock.ts";
import type { Integrations } from "./integrations.ts";
import type { Logger } from "./log.ts";
import type { Store } from "../storage/mod.ts";

export const PHASES = ["foundation", "audience", "monetization", "learning"] as const;
export type Phase = typeof PHASES[number];

/** Everything an agent may use. Agents hold no state between runs: it all lives in `store`. */
export interface Context {
  store: Store;
  config: Config;
  clock: Clock;
  log: Logger;
  integrations: Integrations;
  /** Nothing leaves the machine: no post is sent, none is marked published. */
  dryRun: boolean;
  signal: AbortSignal;
  /** Tells the terminal how far a long step has got (a no-op off a TTY). */
  progress: Progress;
  /** Who holds a reservation: unique per process, e.g. "host:pid:abcd". */
  instance: string;
  options: RunOptions;
}

export interface RunOptions {
  /** Publishing: send pending posts now instead of waiting for their slot. */
  ignoreSchedule?: boolean;
}

export interface Progress {
  start(label: string, total: number): { tick(n?: number): void; done(): void };
}

/** What a run did, for agent_logs and the CLI. */
export interface AgentResult {
  read: number;
  written: number;
  /** One line for the terminal, e.g. "3 symbols, 600 candles, 12 articles". */
  summary: string;
  /** Anything a caller may want in --json output. */
  details?: Record<string, unknown>;
}

export interface Agent {
  /** The CLI name, e.g. "market-scanner". */
  name: string;
  phase: Phase;
  description: string;
  run(ctx: Context): Promise<AgentResult>;
}
