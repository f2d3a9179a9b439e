/**
 * `creator serve`: the Stripe webhook on its own, with the Onboarding agent
 * running in-process, so access is granted within seconds without a daemon.
 */
import type { Context } from "../core/agent.ts";
import { DISCORD_INTERACTIONS_PATH, discordInteractions } from "./discord_interactions.ts";
import { membershipWorker } from "./membership_worker.ts";
import { OFFER_PATH, offerRedirect } from "./offer_redirect.ts";
import { STRIPE_WEBHOOK_PATH, stripeWebhook } from "./stripe_webhook.ts";

export type Handler = (req: Request) => Promise<Response>;

/** The routes the membership business adds to a server, the daemon's included. */
export function membershipRoutes(ctx: Context, onStored: () => void): Record<string, Handler> {
  const { webhookMaxBytes: maxBytes, discordPublicKey } = ctx.config.membership;
  const routes = {
    [STRIPE_WEBHOOK_PATH]: stripeWebhook({ ctx, maxBytes, onStored }),
    [OFFER_PATH]: offerRedirect(ctx),
  };
  return discordPublicKey
    ? { ...routes, [DISCORD_INTERACTIONS_PATH]: discordInteractions(ctx, discordPublicKey) }
    : routes;
}

export interface WebhookServerOptions {
  port: number;
  hostname: string;
  /** How often the agent runs without an event (grace periods). Default 15 minutes. */
  everyMs?: number;
}

export function serveWebhooks(ctx: Context, o: WebhookServerOptions) {
  const worker = membershipWorker(ctx, { everyMs: o.everyMs });
  const routes: Record<string, Handler> = {
    ...membershipRoutes(ctx, worker.kick),
    "/healthz": () => Promise.resolve(Response.json({ ok: true, instance: ctx.instance })),
  };
  const server = Deno.serve({ port: o.port, hostname: o.hostname, onListen() {} }, (req) => {
    const handler = routes[new URL(req.url).pathname];
    return handler ? handler(req) : new Response("not found\n", { status: 404 });
  });
  return {
    port: server.addr.port,
    worker,
    async close() {
      await server.shutdown();
      await worker.stop();
    },
  };
}
