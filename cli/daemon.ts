import { AGENTS } from "../agents/mod.ts";
import { buildJobs, checkedCron, type Job } from "../orchestrator/jobs.ts";
import { retentionJob } from "../orchestrator/retention.ts";
import { runDaemon } from "../orchestrator/loop.ts";
import type { Globals } from "./program.ts";
import { withSession } from "./session.ts";
import type { Source } from "../core/integrations.ts";
import type { Context } from "../core/agent.ts";

export interface DaemonFlags {
  once?: boolean;
  port?: number;
  host: string;
  source: Source;
}

/**
 * `creator daemon`: loops every scheduled job until SIGINT/SIGTERM, or with
 * --once runs what is due and exits (1 when an agent failed).
 */
export function daemon(g: Globals, flags: DaemonFlags): Promise<void> {
  return withSession(g, { source: flags.source }, async ({ ctx, config, log }) => {
    const jobs = await buildJobs(config.daemon.schedules, AGENTS, config.daemon.isolate);
    const pruning = retentionJob(config);
    if (pruning) jobs.push(await checkedCron(pruning));
    // A --once process ends after one pass: it gives everything back anyway.
    const isolated = !flags.once && jobs.some((j) => j.isolated)
      ? (await import("../orchestrator/child.ts")).childRunner({
        ctx,
        source: flags.source,
        verbose: g.verbose,
      })
      : null;
    let members: Awaited<ReturnType<typeof membershipsOn>> = null;
    try {
      const { createMetrics } = await import("../orchestrator/metrics.ts");
      const metrics = createMetrics(ctx);
      members = flags.port === undefined ? null : await membershipsOn(ctx);
      const server = flags.port === undefined
        ? null
        : await (await import("../orchestrator/health.ts")).serveHealth({
          port: flags.port,
          hostname: flags.host,
          ctx,
          metrics,
          degradedAfterFailures: config.daemon.degradedAfterFailures,
          routes: members?.routes,
          // The webhook handler enforces its own limit; the server must let that much through.
          limits: { maxBodyBytes: Math.max(1 << 20, config.membership.webhookMaxBytes + 1) },
        });
      log.info(
        `daemon ${ctx.instance} on ${ctx.store.db.label}: ${describe(jobs, !!isolated)}${
          server ? `; health on http://${flags.host}:${server.port}` : ""
        }`,
      );
      const moderation = flags.once
        ? null
        : await (await import("../orchestrator/moderation.ts")).startModeration(ctx);
      const loop = runDaemon({
        jobs,
        ctx,
        stop: ctx.signal,
        once: flags.once,
        leaseMs: config.daemon.leaseSeconds * 1000,
        hooks: metrics.hooks,
        runIsolated: isolated?.run,
      });
      const result = await Promise.race([
        loop,
        graceAfterStop(ctx.signal, config.daemon.shutdownGraceSeconds * 1000),
      ]);
      await server?.close();
      await moderation?.done;
      if (result === "timeout") {
        log.warn(
          "shutdown grace ran out: in-flight work is left for the next instance to reconcile",
        );
      } else if (flags.once && result.failed) Deno.exitCode = 1;
    } finally {
      await members?.worker.stop();
      await isolated?.close();
    }
    if (ctx.signal.aborted) log.info("daemon stopped");
  });
}

/**
 * With Stripe configured, the health port also takes Stripe's webhook, and
 * Onboarding runs in-process on each event instead of waiting for a schedule.
 */
async function membershipsOn(ctx: Context) {
  const s = ctx.config.secrets;
  if (!s.stripeSecretKey || !s.stripeWebhookSecret) return null;
  const { membershipWorker } = await import("../orchestrator/membership_worker.ts");
  const { membershipRoutes } = await import("../orchestrator/webhook_server.ts");
  const worker = membershipWorker(ctx);
  return { worker, routes: membershipRoutes(ctx, worker.kick) };
}

function describe(jobs: Job[], isolating: boolean): string {
  return jobs.map((j) => {
    const where = isolating && j.isolated ? ", child process" : "";
    return `${j.name} (${j.cron}${where}) -> ${j.agents.map((a) => a.name).join(", ")}`;
  }).join("; ");
}

/** Resolves "timeout" `ms` after the stop signal fires; never before. */
function graceAfterStop(stop: AbortSignal, ms: number): Promise<"timeout"> {
  return new Promise((resolve) => {
    const arm = () => setTimeout(() => resolve("timeout"), ms);
    if (stop.aborted) arm();
    else stop.addEventListener("abort", arm, { once: true });
  });
}
