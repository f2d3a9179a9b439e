import type { Agent } from "../core/agent.ts";
import { isBuilt } from "../agents/not_built.ts";
import { ConfigError } from "../core/config.ts";

/** A cron schedule and the agents it runs, in order: its head and everything chained after it. */
export interface Job {
  name: string;
  cron: string;
  agents: Agent[];
  /**
   * Every instance runs each slot, not just one: for agents that claim their
   * own work item by item, so more instances mean more throughput.
   */
  concurrent: boolean;
  /** Runs in a short-lived child process (`daemon.isolate` names one of its agents). */
  isolated: boolean;
}

/** Publishing reserves each post before sending it, so instances can share its slots safely. */
const CONCURRENT_SAFE = new Set(["publishing"]);

/**
 * Builds the daemon's jobs from `daemon.schedules`: each agent with a cron
 * expression heads a job; "after:<agent>" appends an agent to the job of the
 * one it follows. A job is isolated when `isolate` names any of its agents.
 * Unknown agents, broken chains and bad cron are config errors.
 */
export async function buildJobs(
  schedules: Record<string, string>,
  agents: readonly Agent[],
  isolate: readonly string[] = [],
): Promise<Job[]> {
  const { Cron } = await import("croner");
  const byName = new Map(agents.map((a) => [a.name, a]));
  const known = (name: string, key: string) => {
    const agent = byName.get(name);
    if (!agent) {
      throw new ConfigError(
        `${key}: unknown agent "${name}"; \`creator agents\` lists the 17 names.`,
      );
    }
    return agent;
  };
  const agentOf = (name: string) => {
    const key = "daemon.schedules";
    const agent = known(name, key);
    if (!isBuilt(agent)) {
      throw new ConfigError(
        `${key}.${name}: the ${name} agent is not built yet, so it cannot be scheduled; ` +
          `remove it (\`creator agents\` shows which are built).`,
      );
    }
    return agent;
  };
  const jobs: Job[] = [];
  for (const [name, spec] of Object.entries(schedules)) {
    if (spec.startsWith("after:")) continue;
    try {
      new Cron(spec, { paused: true, timezone: "UTC" }).stop();
    } catch (error) {
      throw new ConfigError(`daemon.schedules.${name} = "${spec}": ${(error as Error).message}`);
    }
    jobs.push({ name, cron: spec, agents: [agentOf(name)], concurrent: false, isolated: false });
  }
  const followers = Object.entries(schedules).filter(([, s]) => s.startsWith("after:"));
  let pending = followers.map(([name, spec]) => ({ name, after: spec.slice("after:".length) }));
  while (pending.length) {
    const before = pending.length;
    pending = pending.filter(({ name, after }) => {
      agentOf(name);
      const job = jobs.find((j) => j.agents.at(-1)?.name === after);
      if (!job) return true;
      job.agents.push(agentOf(name));
      return false;
    });
    if (pending.length === before) {
      const { name, after } = pending[0];
      throw new ConfigError(
        `daemon.schedules.${name} = "after:${after}": "${after}" has no schedule to follow (or the chain loops).`,
      );
    }
  }
  const isolated = new Set(isolate.map((name) => known(name, "daemon.isolate").name));
  for (const job of jobs) {
    job.concurrent = job.agents.every((a) => CONCURRENT_SAFE.has(a.name));
    job.isolated = job.agents.some((a) => isolated.has(a.name));
  }
  return jobs;
}

/** Returns `job` once its cron expression parses; a config error naming `key` otherwise. */
export async function checkedCron(job: Job, key = `retention.schedule`): Promise<Job> {
  const { Cron } = await import("croner");
  try {
    new Cron(job.cron, { paused: true, timezone: "UTC" }).stop();
  } catch (error) {
    throw new ConfigError(`${key} = "${job.cron}": ${(error as Error).message}`);
  }
  return job;
}

/** The most recent slot of `cron` at or before `now` (epoch ms), or null if it never fired. */
export async function latestSlot(cron: string, now: number): Promise<number | null> {
  const { Cron } = await import("croner");
  const job = new Cron(cron, { paused: true, timezone: "UTC" });
  // previousRuns looks strictly before its reference: step 1 ms past now so "now" counts.
  const [prev] = job.previousRuns(1, new Date(now + 1));
  job.stop();
  return prev ? prev.getTime() : null;
}

/** When `cron` fires next after `now`. */
export async function nextSlot(cron: string, now: number): Promise<number | null> {
  const { Cron } = await import("croner");
  const job = new Cron(cron, { paused: true, timezone: "UTC" });
  const next = job.nextRun(new Date(now));
  job.stop();
  return next ? next.getTime() : null;
}
