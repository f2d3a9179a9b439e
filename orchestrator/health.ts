import type { Context } from "../core/agent.ts";
import type { FailingAgent } from "./failing.ts";
import type { DaemonMetrics } from "./metrics.ts";
import {
  type HttpServer,
  type Routes,
  type ServeLimits,
  serveRoutes,
} from "../integrations/http/mod.ts";

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
  /** More routes on the same server, e.g. `{ "POST /webhooks/stripe": handler }`. */
  routes?: Routes;
  /** Connection cap, body size and timeouts; defaults in integrations/http/mod.ts. */
  limits?: Partial<ServeLimits>;
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

/**
 * /healthz (200 ok; 503 degraded or unhealthy), /livez (200 unless unhealthy),
 * Prometheus /metrics, plus any `routes` another room mounts on the same server
 * (a webhook is one line there).
 */
export function serveHealth(o: HealthOptions): Promise<HttpServer> {
  // A daemon still in its first cycle (a first scan takes a while) is not
  // stuck: it gets the same time to finish one as it has between cycles.
  const startedAt = o.ctx.clock.now();
  const report = (live: boolean) => async () => {
    const r = await health(o, startedAt);
    const up = r.ok || (live && r.status !== "unhealthy");
    return Response.json(r, { status: up ? 200 : 503 });
  };
  return serveRoutes({
    port: o.port,
    hostname: o.hostname,
    limits: o.limits,
    onError: (message) => o.ctx.log.warn(`health server: ${message}`),
    routes: {
      "GET /healthz": report(false),
      "GET /livez": report(true),
      "GET /metrics": () => metrics(o),
      ...o.routes,
    },
  });
}

async function metrics(o: HealthOptions): Promise<Response> {
  try {
    return new Response(await o.metrics.render(), {
      headers: { "content-type": o.metrics.contentType },
    });
  } catch (error) {
    return new Response(`metrics unavailable: ${(error as Error).message}\n`, { status: 503 });
  }
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
