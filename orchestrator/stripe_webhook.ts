/**
 * POST /webhooks/stripe as a plain handler: verify, store once, answer. The
 * slow work (access, messages) is not done here: `onStored` is told, and runs
 * it from the stored event right afterwards, so Stripe gets its answer within
 * milliseconds and a crash in between is finished by the next run.
 */
import type { Context } from "../core/agent.ts";
import { WebhookSignatureError } from "../integrations/stripe/mod.ts";

export const STRIPE_WEBHOOK_PATH = "/webhooks/stripe";

export interface StripeWebhookOptions {
  ctx: Context;
  /** Bodies above this are refused with 413 (membership.webhookMaxBytes). */
  maxBytes: number;
  /** Called after a new event is stored. */
  onStored?: () => void;
}

export function stripeWebhook(o: StripeWebhookOptions): (req: Request) => Promise<Response> {
  const { ctx } = o;
  return async (req) => {
    if (req.method !== "POST") return text(405, "use POST", { allow: "POST" });
    const body = await readLimited(req, o.maxBytes);
    if (body === null) return text(413, `body over ${o.maxBytes} bytes`);
    const payments = await ctx.integrations.payments();
    if ("missing" in payments) return text(503, "payments not configured");
    let event;
    try {
      event = await payments.verifyEvent(body, req.headers.get("stripe-signature"));
    } catch (error) {
      if (!(error instanceof WebhookSignatureError)) throw error;
      ctx.log.warn(`stripe webhook refused: ${error.message}`);
      return text(400, "invalid signature");
    }
    let stored: boolean;
    try {
      stored = await ctx.store.billing.recordEvent(event, ctx.clock.now());
    } catch (error) {
      // Stripe retries anything but 2xx for days: nothing is lost by a 500.
      ctx.log.error(`stripe event ${event.id} not stored`, { error: (error as Error).message });
      return text(500, "not stored; retry later");
    }
    if (stored) {
      ctx.log.info(`stripe ${event.type} ${event.id} stored`);
      o.onStored?.();
    }
    return Response.json({ received: true, duplicate: !stored });
  };
}

/** The body as text, or null when it is longer than `max` bytes (declared or actual). */
async function readLimited(req: Request, max: number): Promise<string | null> {
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (declared > max) {
    await req.body?.cancel();
    return null;
  }
  if (!req.body) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of req.body) {
    size += chunk.byteLength;
    if (size > max) return null;
    chunks.push(chunk);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder().decode(all);
}

function text(status: number, message: string, headers: Record<string, string> = {}) {
  return new Response(`${message}\n`, { status, headers });
}
