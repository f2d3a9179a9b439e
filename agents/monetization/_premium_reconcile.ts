/**
 * Settles premium posts left in 'sending' by a send cut short (its process
 * died, or the platform's answer was lost), as agents/foundation/reconcile.ts
 * does for public posts: the platform is asked whether the post is there.
 * Found: sent. Not there: freed for a normal retry. The platform cannot tell
 * (Telegram's Bot API cannot read a chat's history), or only part of it is
 * there: 'unknown', for a person to check, because re-sending could post twice.
 */
import type { Context } from "../../core/agent.ts";
import { premiumUnit } from "./_premium_unit.ts";

export async function reconcilePremium(ctx: Context): Promise<number> {
  const { store, clock, log } = ctx;
  const now = clock.now();
  const lease = ctx.config.daemon.sendLeaseSeconds * 1000;
  let settled = 0;
  for (const post of await store.premium.stale(now - lease)) {
    const owner = post.reservedBy;
    if (owner && owner !== ctx.instance && await store.jobRuns.holdsLease(owner, now)) {
      // Its sender is alive and may still be sending (waiting out a 429).
      continue;
    }
    if (!await store.premium.claimStale(post.id, ctx.instance, now, now - lease)) continue;
    const publisher = await ctx.integrations.membersPublisher(post.destination);
    if ("missing" in publisher) continue;
    const sent = await premiumUnit(ctx, post);
    let found;
    try {
      found = await publisher.lookup(sent, { signal: ctx.signal });
    } catch (error) {
      // Looked at again after the next lease; the rest goes on.
      log.warn(`cannot check premium post ${post.id} on ${post.destination} now`, {
        error: (error as Error).message,
      });
      continue;
    }
    if (found && found.partIds.length < sent.parts.length) {
      await store.premium.markUnknown(
        post.id,
        `stopped after ${found.partIds.length} of ${sent.parts.length} parts`,
      );
      log.error(`premium post ${post.id} went out only in part; check the members' place`);
    } else if (found) {
      await store.premium.markSent(post.id, found.externalId, clock.now());
      log.info(`reconciled premium post ${post.id}: it had gone out`, { id: found.externalId });
    } else if (found === null) {
      const now = await store.premium.release(post.id, "interrupted send; not found");
      // Null: another instance settled it meanwhile, and said so.
      if (now) {
        log.warn(
          `reconciled premium post ${post.id}: not sent, ${
            now === "pending" ? "will retry" : "failed"
          }`,
        );
      }
    } else {
      await store.premium.markUnknown(
        post.id,
        `${post.destination} cannot say whether the post went out`,
      );
      log.error(`premium post ${post.id} may have gone out; check the members' place`, {
        hint: "it will not be re-sent automatically",
      });
    }
    settled++;
  }
  return settled;
}
