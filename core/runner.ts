import type { Agent, Context, Phase } from "./agent.ts";
import { teeLogger } from "./log.ts";
import { maskUrlsIn } from "./mask_url.ts";
import { NotImplementedError } from "./errors.ts";

export interface RunOutcome {
  agent: string;
  phase: Phase;
  status: "ok" | "failed";
  durationMs: number;
  read: number;
  written: number;
  summary: string;
  error?: string;
  notImplemented?: boolean;
  details?: Record<string, unknown>;
}

/**
 * Runs one agent with an agent_logs row at its start and its end. A failure is
 * recorded and returned, never thrown, so the rest of a phase still runs.
 */
export async function runAgent(agent: Agent, ctx: Context): Promise<RunOutcome> {
  const runId = crypto.randomUUID();
  const logs = ctx.store.logs;
  const started = performance.now();
  const pending: Promise<unknown>[] = [];
  const secrets = Object.values(ctx.config.secrets).filter((v): v is string =>
    !!v && v.length >= 6
  );
  // Secrets by value, and credentials inside any URL a message quotes (a base URL's user:pass@).
  const scrub = (text: string) =>
    maskUrlsIn(secrets.reduce((t, s) => t.replaceAll(s, "****"), text));

  await logs.append({
    runId,
    agent: agent.name,
    level: "info",
    event: "start",
    message: `${agent.name} started${ctx.dryRun ? " (dry run)" : ""}`,
    status: "running",
    at: ctx.clock.now(),
  });
  const log = teeLogger(ctx.log, (r) => {
    if (r.level === "debug") return;
    const { agent: _agent, ...data } = r.fields;
    pending.push(
      logs.append({
        runId,
        agent: agent.name,
        level: r.level,
        event: "log",
        message: scrub(r.message),
        data: Object.keys(data).length ? JSON.parse(scrub(JSON.stringify(data))) : undefined,
        at: ctx.clock.now(),
      }).catch(() => {}),
    );
  }, { agent: agent.name });

  let outcome: RunOutcome;
  try {
    const result = await agent.run({ ...ctx, log });
    outcome = { agent: agent.name, phase: agent.phase, status: "ok", durationMs: 0, ...result };
  } catch (error) {
    const message = scrub(error instanceof Error ? error.message : String(error));
    outcome = failedOutcome(agent, message, error instanceof NotImplementedError);
    if (!(error instanceof NotImplementedError)) {
      ctx.log.debug("stack", { stack: (error as Error)?.stack });
    }
    // One line on stderr for every failed run, wherever it runs (a terminal,
    // cron, the daemon, its child): a failure must never be silent.
    ctx.log.error(`${agent.name} failed: ${message}`, { agent: agent.name });
  }
  outcome.durationMs = Math.round(performance.now() - started);
  await Promise.all(pending);
  await logs.append({
    runId,
    agent: agent.name,
    level: outcome.status === "ok" ? "info" : "error",
    event: "end",
    message: outcome.status === "ok"
      ? `${agent.name} finished: ${outcome.summary}`
      : `${agent.name} failed: ${outcome.error}`,
    status: outcome.status,
    durationMs: outcome.durationMs,
    itemsRead: outcome.read,
    itemsWritten: outcome.written,
    error: outcome.error,
    at: ctx.clock.now(),
  });
  return outcome;
}

/** What an agent that failed with `message` reports. */
export function failedOutcome(agent: Agent, message: string, notImplemented = false): RunOutcome {
  return {
    agent: agent.name,
    phase: agent.phase,
    status: "failed",
    durationMs: 0,
    read: 0,
    written: 0,
    summary: message,
    error: message,
    notImplemented,
  };
}

/** Runs agents in order; each runs whatever happened to the one before. */
export async function runAgents(agents: Agent[], ctx: Context): Promise<RunOutcome[]> {
  const outcomes: RunOutcome[] = [];
  for (const agent of agents) {
    if (ctx.signal.aborted) break;
    outcomes.push(await runAgent(agent, ctx));
  }
  return outcomes;
}
