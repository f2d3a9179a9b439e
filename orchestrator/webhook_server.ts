/**
 * `creator serve`: the Stripe webhook on its own, with the Onboarding agent
 * running in-process, so access is granted within seconds without a daemon.
 */
import type { Context } from "../core/agent.ts";
import { type HttpServer, type Routes, serveRoutes } from "../integrations/http/mod.ts";
import { DISCORD_INTERACTIONS_PATH, discordInteractions } from "./discord_interactions.ts";
import { membershipWorker } from "./membership_worker.ts";
import { OFFER_PATH, offerRedirect } from "./offer_redirect.ts";
import { STRIPE_WEBHOOK_PATH, stripeWebhook } from "./stripe_webhook.ts";

/** The routes the membership business adds to a server, the daemon's included. */
export function membershipRoutes(ctx: Context, onStored: () => void): Routes {
  const { webhookMaxBytes: maxBytes, discordPublicKey } = ctx.config.membership;
  const routes: Routes = {
    [`POST ${STRIPE_WEBHOOK_PATH}`]: stripeWebhook({ ctx, maxBytes, onStored }),
    [`GET ${OFFER_PATH}`]: offerRedirect(ctx),
  };
  if (discordPublicKey) {
    routes[`POST ${DISCORD_INTERACTIONS_PATH}`] = discordInteractions(ctx, discordPublicKey);
  }
  return routes;
}

export interface WebhookServerOptions {
  port: number;
  hostname: string;
  /** How often the agent runs without an event (grace periods). Default 15 minutes. */
  everyMs?: number;
}

/** The same hardened server the daemon uses (connection cap, body limit, timeouts). */
export async function serveWebhooks(ctx: Context, o: WebhookServerOptions) {
  const worker = membershipWorker(ctx, { everyMs: o.everyMs });
  let server: HttpServer;
  try {
    server = await serveRoutes({
      port: o.port,
      hostname: o.hostname,
      // Stripe's own limit is checked by the handler; the server's only has to let it through.
      limits: { maxBodyBytes: ctx.config.membership.webhookMaxBytes + 1 },
      onError: (message) => ctx.log.warn(`webhook server: ${message}`),
      routes: {
        ...membershipRoutes(ctx, worker.kick),
        "GET /healthz": () => Response.json({ ok: true, instance: ctx.instance }),
      },
    });
  } catch (error) {
    await worker.stop();
    throw error;
  }
  return {
    port: server.port,
    worker,
    async close() {
      await server.close();
      await worker.stop();
    },
  };
}
