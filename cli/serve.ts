import type { Globals } from "./program.ts";
import { UsageError } from "../core/errors.ts";
import { withSession } from "./session.ts";

export interface ServeFlags {
  port: number;
  host: string;
}

/**
 * `creator serve`: Stripe's webhook on its own, granting access within
 * seconds of a payment, until SIGINT/SIGTERM.
 */
export function serve(g: Globals, flags: ServeFlags): Promise<void> {
  return withSession(g, {}, async ({ ctx, config, log }) => {
    if (!config.secrets.stripeSecretKey || !config.secrets.stripeWebhookSecret) {
      throw new UsageError(
        "Cannot serve webhooks: set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET",
      );
    }
    const { serveWebhooks } = await import("../orchestrator/webhook_server.ts");
    const server = await serveWebhooks(ctx, { port: flags.port, hostname: flags.host });
    log.info(`accepting Stripe webhooks on http://${flags.host}:${server.port}/webhooks/stripe`);
    await new Promise((resolve) => ctx.signal.addEventListener("abort", resolve, { once: true }));
    await server.close();
    log.info("stopped");
  });
}
