import { Counter, Gauge, Histogram, Registry } from "prom-client";
import type { Context } from "../core/agent.ts";
import { type FailingAgent, failureTracker } from "./failing.ts";
import type { DaemonHooks } from "./loop.ts";

export interface DaemonMetrics {
  hooks: DaemonHooks;
  /** Prometheus text exposition; refreshes the gauges read from the database. */
  render(): Promise<string>;
  contentType: string;
  /** When the last full cycle of the loop ended (epoch ms), for /healthz. */
  lastCycleAt(): number | null;
  /** Agents whose last `min` runs on this instance all failed, for /healthz. */
  failingAgents(min: number): FailingAgent[];
}

/**
 * Counters this instance keeps (runs, failures, durations, takeovers) and
 * gauges read from the shared database at scrape time (posts per platform,
 * posts waiting), which every instance reports alike.
 */
export function createMetrics(ctx: Context): DaemonMetrics {
  const registry = new Registry();
  const runs = new Counter({
    name: "creator_agent_runs_total",
    help: "Agent runs by this instance, by agent and outcome.",
    labelNames: ["agent", "status"] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "creator_agent_run_seconds",
    help: "Agent run durations.",
    labelNames: ["agent"] as const,
    buckets: [0.05, 0.1, 0.5, 1, 2, 5, 10, 30, 60, 300],
    registers: [registry],
  });
  const takeovers = new Counter({
    name: "creator_lease_takeovers_total",
    help: "Scheduled runs taken over from an instance whose lease ran out.",
    labelNames: ["job"] as const,
    registers: [registry],
  });
  const dbErrors = new Counter({
    name: "creator_database_errors_total",
    help: "Daemon cycles that failed on the database.",
    registers: [registry],
  });
  const posts = new Gauge({
    name: "creator_posts",
    help: "Posts in the shared database, by platform and status.",
    labelNames: ["platform", "status"] as const,
    registers: [registry],
  });
  const waiting = new Gauge({
    name: "creator_posts_waiting",
    help: "Drafted posts that are due and not yet sent.",
    registers: [registry],
  });
  let lastCycle: number | null = null;
  const failures = failureTracker();

  return {
    contentType: registry.contentType,
    lastCycleAt: () => lastCycle,
    failingAgents: (min) => failures.failing(min),
    hooks: {
      onRun(_job, outcomes) {
        for (const o of outcomes) {
          runs.inc({ agent: o.agent, status: o.status });
          duration.observe({ agent: o.agent }, o.durationMs / 1000);
        }
        failures.record(outcomes, ctx.clock.now());
      },
      onTakeover: (job) => takeovers.inc({ job: job.name }),
      onCycle: (at) => void (lastCycle = at),
      onDatabaseError: () => dbErrors.inc(),
    },
    async render() {
      posts.reset();
      for (const row of await ctx.store.posts.countByPlatform()) {
        posts.set({ platform: row.platform, status: row.status }, row.n);
      }
      waiting.set((await ctx.store.posts.pending(ctx.clock.now())).length);
      return await registry.metrics();
    },
  };
}
