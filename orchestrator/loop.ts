import type { Context } from "../core/agent.ts";
import { abortableSleep } from "../core/retry.ts";
import { runAgents, type RunOutcome } from "../core/runner.ts";
import { type Job, latestSlot, nextSlot } from "./jobs.ts";

export interface DaemonHooks {
  onRun?(job: Job, outcomes: RunOutcome[]): void;
  onTakeover?(job: Job, slot: number): void;
  onCycle?(at: number): void;
  onDatabaseError?(error: unknown): void;
}

export interface DaemonOptions {
  jobs: Job[];
  ctx: Context;
  /** Aborted on SIGINT/SIGTERM: no new claims; in-flight work finishes. */
  stop: AbortSignal;
  /** One pass over what is due, then return (cron, CI schedules). */
  once?: boolean;
  leaseMs: number;
  /** How often idle instances look for due or abandoned work. Default 1 s. */
  tickMs?: number;
  hooks?: DaemonHooks;
  /** Runs an isolated job's agents (in a child process); without it they run in this one. */
  runIsolated?: (job: Job) => Promise<RunOutcome[]>;
}

interface Seen {
  slot: number;
  /** When another instance held it; rechecked in case its owner dies. */
  takenAt?: number;
}

/**
 * The orchestrator loop: for each job, claims its latest due slot (exactly
 * one instance wins it, across processes and machines), runs its agents while
 * keeping the lease alive, and records the outcome. A database outage is
 * logged and waited out; a failing agent never stops the loop.
 * Returns whether any agent failed (for --once's exit code).
 */
export async function runDaemon(o: DaemonOptions): Promise<{ failed: boolean }> {
  const { ctx, stop, leaseMs } = o;
  const tick = o.tickMs ?? 1000;
  const seen = new Map<string, Seen>();
  const slots = slotCache();
  let failed = false;
  let outage = 0;
  while (!stop.aborted) {
    const now = ctx.clock.now();
    try {
      for (const job of o.jobs) {
        if (stop.aborted) break;
        const slot = await slots.latest(job, now);
        if (slot === null || !due(seen.get(job.name), slot, now, leaseMs)) continue;
        const claim = await ctx.store.jobRuns.claim(
          claimName(job, ctx.instance),
          slot,
          ctx.instance,
          now,
          leaseMs,
        );
        if (claim === "taken") {
          seen.set(job.name, { slot, takenAt: now });
          continue;
        }
        if (claim === "takeover") o.hooks?.onTakeover?.(job, slot);
        seen.set(job.name, { slot });
        if (!await runJob(o, job, slot)) failed = true;
      }
      outage = 0;
      o.hooks?.onCycle?.(ctx.clock.now());
    } catch (error) {
      // Most likely the database went away: say so once per outage, back off, go on.
      o.hooks?.onDatabaseError?.(error);
      const wait = Math.min(30_000, 1000 * 2 ** outage++);
      ctx.log.error(`daemon cycle failed; retrying in ${wait / 1000}s`, {
        error: (error as Error).message,
      });
      if (o.once) return { failed: true };
      await abortableSleep(wait, stop).catch(() => {});
      continue;
    }
    if (o.once) break;
    await abortableSleep(slots.untilNext(o.jobs, ctx.clock.now(), tick), stop).catch(() => {});
  }
  return { failed };
}

/** Concurrent jobs are claimed per instance: each runs every slot, items are claimed inside. */
function claimName(job: Job, instance: string): string {
  return job.concurrent ? `${job.name}@${instance}` : job.name;
}

/** A slot not handled yet, or one another instance held that may since have been abandoned. */
function due(prev: Seen | undefined, slot: number, now: number, leaseMs: number): boolean {
  if (!prev || prev.slot !== slot) return true;
  return prev.takenAt !== undefined && now - prev.takenAt >= leaseMs / 2;
}

async function runJob(o: DaemonOptions, job: Job, slot: number): Promise<boolean> {
  const { ctx, leaseMs } = o;
  const name = claimName(job, ctx.instance);
  const runs = ctx.store.jobRuns;
  // Renewing the lease is also the sign of life /healthz reads during a long job.
  const beat = setInterval(() => {
    runs.heartbeat(name, slot, ctx.instance, ctx.clock.now() + leaseMs)
      .then(() => o.hooks?.onCycle?.(ctx.clock.now()))
      .catch((error) =>
        ctx.log.warn(`lease of ${job.name} not extended`, { error: (error as Error).message })
      );
  }, Math.max(1000, leaseMs / 3));
  try {
    const outcomes =
      await (job.isolated && o.runIsolated ? o.runIsolated(job) : runAgents(job.agents, ctx));
    o.hooks?.onRun?.(job, outcomes);
    const failures = outcomes.filter((x) => x.status === "failed");
    if (o.stop.aborted && outcomes.length < job.agents.length) {
      // Interrupted before its last agent: hand the slot back for another instance.
      await runs.release(name, slot, ctx.instance);
    } else {
      await runs.finish(
        name,
        slot,
        ctx.instance,
        failures.length === 0,
        failures.map((f) => `${f.agent}: ${f.error}`).join("; ") || null,
        ctx.clock.now(),
      );
    }
    return failures.length === 0;
  } finally {
    clearInterval(beat);
  }
}

/**
 * Each job's latest and next slot, worked out again only once the next one
 * has come: asking cron every tick costs more than the rest of an idle loop.
 */
function slotCache() {
  const known = new Map<string, { latest: number | null; next: number | null }>();
  return {
    async latest(job: Job, now: number): Promise<number | null> {
      const k = known.get(job.name);
      // A clock that went back (tests, a corrected system clock) starts over too.
      const stale = !k || (k.next !== null && now >= k.next) || (k.latest ?? -Infinity) > now;
      if (!stale) return k.latest;
      const fresh = {
        latest: await latestSlot(job.cron, now),
        next: await nextSlot(job.cron, now),
      };
      known.set(job.name, fresh);
      return fresh.latest;
    },
    /** How long to sleep: until the nearest next slot, at most `tick`. */
    untilNext(jobs: Job[], now: number, tick: number): number {
      let next = now + tick;
      for (const job of jobs) {
        const at = known.get(job.name)?.next;
        if (at != null) next = Math.min(next, at);
      }
      return Math.max(10, next - now);
    },
  };
}
