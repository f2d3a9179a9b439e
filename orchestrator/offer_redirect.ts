/**
 * GET /offer?s=<Checkout Session id>: counts the click on an offer's link,
 * then forwards to Stripe's Checkout page. Unknown sessions get 404.
 */
import type { Context } from "../core/agent.ts";

export const OFFER_PATH = "/offer";

export function offerRedirect(ctx: Context): (req: Request) => Promise<Response> {
  return async (req) => {
    if (req.method !== "GET") return new Response("use GET\n", { status: 405 });
    const session = new URL(req.url).searchParams.get("s") ?? "";
    if (!/^cs_\w{1,250}$/.test(session)) return new Response("no such offer\n", { status: 404 });
    const target = await ctx.store.conversions.clicked(session, ctx.clock.now());
    if (!target) return new Response("no such offer\n", { status: 404 });
    return new Response(null, { status: 302, headers: { location: target } });
  };
}
