/** One offer: a Checkout Session for one person, recorded as the funnel's first step. */
import type { Context } from "../../core/agent.ts";
import { UsageError } from "../../core/errors.ts";
import type { Member } from "../../core/vocabulary.ts";
import type { OfferChannel } from "../../storage/conversions.ts";

export interface Attribution {
  communityUserId?: number | null;
  score?: number | null;
}

/**
 * The link to send `member`: Stripe's Checkout page, or our /offer redirect to
 * it when membership.publicUrl is set. Throws UsageError when offers are not configured.
 */
export async function createOffer(
  ctx: Context,
  member: Member,
  channel: OfferChannel,
  attribution: Attribution = {},
): Promise<string> {
  const m = ctx.config.membership;
  if (!m.successUrl || !m.cancelUrl) {
    throw new UsageError(
      "Cannot create an offer: set membership.successUrl and membership.cancelUrl in creator.yaml",
    );
  }
  const payments = await ctx.integrations.payments();
  if ("missing" in payments) throw new UsageError(`Cannot create an offer: ${payments.missing}`);
  const checkout = await payments.createCheckout({
    member,
    offer: m.priceId ? { priceId: m.priceId } : m.price,
    successUrl: m.successUrl,
    cancelUrl: m.cancelUrl,
  });
  await ctx.store.conversions.offered(
    {
      ...member,
      channel,
      sessionId: checkout.sessionId,
      checkoutUrl: checkout.url,
      ...attribution,
    },
    ctx.clock.now(),
  );
  // Through our own address the click is counted; Stripe's page is one redirect away.
  return m.publicUrl
    ? `${m.publicUrl.replace(/\/+$/, "")}/offer?s=${encodeURIComponent(checkout.sessionId)}`
    : checkout.url;
}
