import type { Context } from "../core/agent.ts";
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
  /** More paths this server answers, e.g. the Stripe webhook. */
  routes?: Record<string, (req: Request) => Promise<Response>>;
}

export interface HealthReport {
  ok: boolean;
  instance: string;
  database: { ok: boolean; error?: string };
  startedAt: string;
  lastCycleAt: string | null;
  lastSuccessfulRunAt: string | null;
  openCircuits: string[];
}

/** /healthz (200 healthy, 503 not) and Prometheus /metrics. */
export function serveHealth(o: HealthOptions) {
  // A daemon still in its first cycle (a first scan takes a while) is not
  // stuck: it gets the same time to finish one as it has between cycles.
  const startedAt = o.ctx.clock.now();
  const server = Deno.serve(
    { port: o.port, hostname: o.hostname, onListen: () => {} },
    async (req) => {
      const path = new URL(req.url).pathname;
      const route = o.routes?.[path];
      if (route) return route(req);
      if (path === "/healthz") {
        const report = await health(o, startedAt);
        return Response.json(report, { status: report.ok ? 200 : 503 });
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
      return new Response("not found: try /healthz or /metrics\n", { status: 404 });
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
  return {
    ok: database.ok && fresh,
    instance: ctx.instance,
    database,
    startedAt: iso(startedAt)!,
    lastCycleAt: iso(lastCycle),
    lastSuccessfulRunAt: iso(lastRun),
    openCircuits,
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
