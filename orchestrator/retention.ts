import type { Agent } from "../core/agent.ts";
import type { Config } from "../core/config.ts";
import type { PruneStep, RetentionPolicy } from "../storage/mod.ts";
import type { Job } from "./jobs.ts";

/** The retention settings as storage takes them; analysis's window is never pruned. */
export function retentionPolicy(config: Config): RetentionPolicy {
  const r = config.retention;
  return {
    candles: r.candles,
    keepCandles: config.exchange.candles,
    tickers: r.tickers,
    logs: r.logs,
    jobRuns: r.jobRuns,
    postMetrics: r.postMetrics,
    batchSize: r.batchSize,
  };
}

/**
 * Pruning, shaped as an agent so the daemon claims, leases and logs it like
 * any job (one instance prunes per slot). It is housekeeping, not one of the
 * 17 agents: `creator agents` does not list it. It keeps the foundation's
 * tables, hence its phase.
 */
export const retention: Agent = {
  name: "retention",
  phase: "foundation",
  description: "Deletes candles, logs, job runs and metric snapshots past their retention.",
  async run(ctx) {
    const steps = await ctx.store.prune(retentionPolicy(ctx.config), ctx.clock.now(), {
      signal: ctx.signal,
    });
    const byTable = totals(steps);
    const written = Object.values(byTable).reduce((a, b) => a + b, 0);
    ctx.log.info(`pruned ${written} rows`, byTable);
    return { read: steps.length, written, summary: describeTotals(byTable), details: byTable };
  },
};

/** The daemon job for `retention.schedule`, or null when it is "off". */
export function retentionJob(config: Config): Job | null {
  const cron = config.retention.schedule;
  if (cron === "off") return null;
  return { name: "retention", cron, agents: [retention], concurrent: false, isolated: false };
}

export function totals(steps: PruneStep[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of steps) out[s.table] = (out[s.table] ?? 0) + s.rows;
  return out;
}

export function describeTotals(byTable: Record<string, number>): string {
  const parts = Object.entries(byTable).filter(([, n]) => n > 0).map(([t, n]) => `${n} ${t}`);
  return parts.length ? parts.join(", ") : "nothing past its retention";
}
