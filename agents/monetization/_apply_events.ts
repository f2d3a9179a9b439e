/**
 * Applies stored Stripe events, oldest first, each in one transaction with
 * the mark that it was applied: a crash leaves an event pending, never half
 * done, and a second process finds it applied and skips it.
 */
import type { Context } from "../../core/agent.ts";
import type { Member } from "../../core/vocabulary.ts";
import type { SubscriptionState } from "../../integrations/stripe/mod.ts";
import type { StoredEvent } from "../../storage/billing.ts";
import type { Store } from "../../storage/mod.ts";
import { decideAccess } from "./_entitlement.ts";

export interface Applied {
  events: number;
  decisions: number;
  /** Events left pending after an error. */
  failed: number;
}

export async function applyPendingEvents(ctx: Context, graceMs: number): Promise<Applied> {
  const out: Applied = { events: 0, decisions: 0, failed: 0 };
  for (;;) {
    const batch = await ctx.store.billing.pendingEvents(100);
    let failed = 0;
    for (const event of batch) {
      let decided: boolean | undefined;
      try {
        const truth = await askStripeOnTie(ctx, event);
        decided = await ctx.store.transaction(
          (tx) => applyOne(tx, event, truth, ctx.clock.now(), graceMs),
          { lock: "creator.stripe-events" },
        );
      } catch (error) {
        // One event that cannot be applied must not hold up every later one: it
        // stays pending for the next run, and newer events never move a
        // subscription backwards whatever order they are applied in.
        failed++;
        ctx.log.error(`stripe event ${event.id} not applied; it stays pending`, {
          error: (error as Error).message,
        });
        continue;
      }
      if (decided === undefined) continue;
      out.events++;
      if (decided) out.decisions++;
    }
    out.failed += failed;
    if (batch.length < 100 || failed === batch.length) return out;
  }
}

/**
 * Stripe's `created` counts whole seconds, so an event can tie with the one
 * applied last, and which of the two happened later cannot be told from them.
 * On a tie that would change the status, Stripe is asked for the subscription
 * as it is now, which settles it. Without an answer the tie falls to the order
 * of a subscription's life (storage/billing.ts).
 */
async function askStripeOnTie(
  ctx: Context,
  event: StoredEvent,
): Promise<SubscriptionState | null> {
  const sub = event.subscription;
  if (!sub) return null;
  const known = await ctx.store.billing.get(sub.subscriptionId);
  if (!known || known.eventAt !== event.createdAt || known.status === sub.status) return null;
  const payments = await ctx.integrations.payments();
  if ("missing" in payments) return null;
  try {
    const now = await payments.subscription(sub.subscriptionId);
    return now && { ...now, member: now.member ?? sub.member };
  } catch (error) {
    ctx.log.warn(`cannot ask Stripe about ${sub.subscriptionId}; the tie goes by its life order`, {
      error: (error as Error).message,
    });
    return null;
  }
}

/** undefined when another process applied it first; else whether access was decided anew. */
async function applyOne(
  tx: Store,
  event: StoredEvent,
  truth: SubscriptionState | null,
  now: number,
  graceMs: number,
): Promise<boolean | undefined> {
  if (!await tx.billing.markApplied(event.rowId, now)) return undefined;
  let member: Member | null = null;
  if (event.subscription) {
    // Stripe's own answer on a tie stands for the event, as of the event's second.
    const sub = truth ?? event.subscription;
    const applied = await tx.billing.applySubscription(sub, event.createdAt, now, {
      fromStripe: truth !== null,
    });
    member = applied.member;
  }
  const checkout = event.checkout;
  if (checkout?.member && checkout.subscriptionId) {
    await tx.billing.link(checkout.subscriptionId, checkout.customerId, checkout.member, now);
    await tx.conversions.subscribed(checkout.sessionId, checkout.subscriptionId, now);
    member = checkout.member;
  }
  if (!member) return false;
  return (await decideAccess(tx, member, now, graceMs)) !== null;
}
