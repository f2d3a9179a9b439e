/**
 * Sends planned premium posts to the members' places, each at most once, the
 * way public posts go out (agents/foundation/publishing.ts): reserved before
 * the call, marked after. A refusal frees the post for a later run (failed
 * after MAX_PREMIUM_ATTEMPTS); an ambiguous failure leaves it reserved, to be
 * reconciled against the platform after the send lease, never re-sent blind.
 */
import type { Context } from "../../core/agent.ts";
import type { MemberPlatform } from "../../core/vocabulary.ts";
import type { Publisher } from "../../integrations/publish/mod.ts";
import { PartialPublishError } from "../../integrations/publish/send_parts.ts";
import type { PremiumPost } from "../../storage/premium.ts";
import { notNow, refusedForSure } from "../foundation/_send_outcome.ts";
import { reconcilePremium } from "./_premium_reconcile.ts";
import { premiumUnit } from "./_premium_unit.ts";

export interface PremiumSent {
  sent: number;
  refused: number;
  /** Refused by the platform: freed for another try, or failed for good. */
  failed: number;
  deferred: number;
  ambiguous: number;
  reconciled: number;
}

export async function sendPremium(ctx: Context): Promise<PremiumSent> {
  const out = { sent: 0, refused: 0, failed: 0, deferred: 0, ambiguous: 0, reconciled: 0 };
  out.reconciled = await reconcilePremium(ctx);
  const ready = new Map<MemberPlatform, Publisher | null>();
  for (const post of await ctx.store.premium.pending()) {
    if (ctx.signal.aborted) break;
    if (!ready.has(post.destination)) ready.set(post.destination, await privatePlace(ctx, post));
    const publisher = ready.get(post.destination);
    if (!publisher) {
      await ctx.store.premium.refuse(post.id, "members' place is not private");
      out.refused++;
      continue;
    }
    if (!await ctx.store.premium.reserve(post.id, ctx.instance, ctx.clock.now())) continue;
    out[await sendOnce(ctx, publisher, post)]++;
  }
  return out;
}

async function sendOnce(ctx: Context, publisher: Publisher, post: PremiumPost) {
  const { store, clock, log } = ctx;
  try {
    // No abort signal: cutting a send short would leave it ambiguous.
    const ref = await publisher.publish(await premiumUnit(ctx, post));
    await store.premium.markSent(post.id, ref.externalId, clock.now());
    return "sent" as const;
  } catch (error) {
    const message = (error as Error).message;
    if (notNow(error)) {
      await store.premium.release(post.id, message, false);
      log.warn(`${post.destination} not taking premium posts now; post ${post.id} waits`, {
        error: message,
      });
      return "deferred" as const;
    }
    if (refusedForSure(error)) {
      const now = await store.premium.release(post.id, message);
      log.warn(`${post.destination} refused premium post ${post.id}`, {
        error: message,
        ...(now === "failed" ? { hint: "tried 3 times: it will not be sent" } : {}),
      });
      return "failed" as const;
    }
    if (error instanceof PartialPublishError) {
      await store.premium.markUnknown(post.id, `${message} (parts out: ${error.partIds})`);
      log.error(`premium post ${post.id} went out only in part; check the members' place`);
      return "ambiguous" as const;
    }
    await store.premium.noteError(post.id, message);
    log.error(`premium post ${post.id} may or may not be out; it will be reconciled`, {
      error: message,
    });
    return "ambiguous" as const;
  }
}

/**
 * The members' publisher, when both the address (wiring) and the platform (a
 * live check) say the place is private; null otherwise.
 */
async function privatePlace(ctx: Context, post: PremiumPost): Promise<Publisher | null> {
  const publisher = await ctx.integrations.membersPublisher(post.destination);
  const access = await ctx.integrations.access(post.destination);
  if ("missing" in publisher || "missing" in access) {
    ctx.log.error(`premium posts for ${post.destination} refused`, {
      reason: "missing" in publisher ? publisher.missing : (access as { missing: string }).missing,
    });
    return null;
  }
  const closed = await access.placeIsPrivate();
  if (!closed) ctx.log.error(`the members' place on ${post.destination} is public: nothing sent`);
  return closed ? publisher : null;
}
