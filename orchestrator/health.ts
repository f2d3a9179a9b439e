import type { Context } from "../core/agent.ts";
import { UsageError } from "../core/errors.ts";
import type { FailingAgent } from "./failing.ts";
import type { DaemonMetrics } from "./metrics.ts";

export interface HealthOptions {
  port: number;
  hostname: string;
  ctx: Context;
  metrics: DaemonMetrics;
  /**
   * A cycle older than this makes /healthz unhealthy; so does no cycle this
   * long after the start. Default 5 minutes.
   */
  staleAfterMs?: number;
  /** Failed runs in a row that make an agent count as failing. Default 3. */
  degradedAfterFailures?: number;
}

/**
 * ok: the loop runs, the database answers, no agent keeps failing (200).
 * degraded: the loop runs, but some agent failed its last N runs (503).
 * unhealthy: the database does not answer, or the loop has not completed a
 * cycle in time (503). /livez answers 200 for ok and degraded alike: a
 * supervisor restarting a daemon whose exchange is down would not help.
 */
export type HealthStatus = "ok" | "degraded" | "unhealthy";

export interface HealthReport {
  status: HealthStatus;
  ok: boolean;
  instance: string;
  database: { ok: boolean; error?: string };
  startedAt: string;
  lastCycleAt: string | null;
  lastSuccessfulRunAt: string | null;
  openCircuits: string[];
  failingAgents: Array<Omit<FailingAgent, "since"> & { since: string }>;
}

/** /healthz (200 ok; 503 degraded or unhealthy), /livez (200 unless unhealthy), /metrics. */
export function serveHealth(o: HealthOptions) {
  // A daemon still in its first cycle (a first scan takes a while) is not
  // stuck: it gets the same time to finish one as it has between cycles.
  const startedAt = o.ctx.clock.now();
  const server = listen(
    { port: o.port, hostname: o.hostname, onListen: () => {} },
    async (req) => {
      const path = new URL(req.url).pathname;
      if (path === "/healthz" || path === "/livez") {
        const report = await health(o, startedAt);
        const live = path === "/livez" && report.status !== "unhealthy";
        return Response.json(report, { status: report.ok || live ? 200 : 503 });
      }
      if (path === "/metrics") {
        try {
          return new Response(await o.metrics.render(), {
            headers: { "content-type": o.metrics.contentType },
          });
        } catch (error) {
          return new Response(`metrics unavailable: ${(error as Error).message}\n`, {
            status: 503,
          });
        }
      }
      return new Response("not found: try /healthz, /livez or /metrics\n", { status: 404 });
    },
  );
  return {
    port: server.addr.port,
    close: () => server.shutdown(),
  };
}

async function health(o: HealthOptions, startedAt: number): Promise<HealthReport> {
  const { ctx, metrics } = o;
  const database: HealthReport["database"] = { ok: true };
  let lastRun: number | null = null;
  try {
    lastRun = await ctx.store.jobRuns.lastFinished();
  } catch (error) {
    database.ok = false;
    database.error = (error as Error).message;
  }
  const lastCycle = metrics.lastCycleAt();
  const fresh = ctx.clock.now() - (lastCycle ?? startedAt) < (o.staleAfterMs ?? 300_000);
  const openCircuits = openCircuitsOf(ctx);
  const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
  const failing = metrics.failingAgents(o.degradedAfterFailures ?? 3);
  const status: HealthStatus = !(database.ok && fresh)
    ? "unhealthy"
    : failing.length
    ? "degraded"
    : "ok";
  return {
    status,
    ok: status === "ok",
    instance: ctx.instance,
    database,
    startedAt: iso(startedAt)!,
    lastCycleAt: iso(lastCycle),
    lastSuccessfulRunAt: iso(lastRun),
    openCircuits,
    failingAgents: failing.map((f) => ({ ...f, since: iso(f.since)! })),
  };
}

/** Open circuits are reported, but a service being down does not make the daemon unhealthy. */
function openCircuitsOf(ctx: Context): string[] {
  const integrations = ctx.integrations as {
    breakers?: () => { service: string; state: string }[];
  };
  return (integrations.breakers?.() ?? []).filter((b) => b.state !== "closed").map((b) =>
    b.service
  );
}

/** Deno.serve, with the OS's refusals turned into a line that names the port and the fix. */
function listen(
  options: Deno.ServeTcpOptions,
  handler: Deno.ServeHandler,
): Deno.HttpServer<Deno.NetAddr> {
  const where = `${options.hostname}:${options.port}`;
  try {
    return Deno.serve(options, handler);
  } catch (error) {
    if (error instanceof Deno.errors.AddrInUse) {
      throw new UsageError(
        `Cannot listen on ${where}: the port is in use. Pick another with --port, ` +
          `or stop the process holding it.`,
      );
    }
    if (error instanceof Deno.errors.PermissionDenied) {
      throw new UsageError(
        `Cannot listen on ${where}: permission denied (ports below 1024 need privileges); ` +
          `pick a port above 1024 with --port.`,
      );
    }
    if (error instanceof Deno.errors.AddrNotAvailable) {
      throw new UsageError(`Cannot listen on ${where}: no such address on this machine (--host).`);
    }
    throw error;
  }
}
