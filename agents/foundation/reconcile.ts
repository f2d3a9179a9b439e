import type { Context } from "../../core/agent.ts";
import { outgoing } from "./outgoing.ts";

/**
 * The default of `daemon.sendLeaseSeconds`: a row in 'sending' for longer than
 * this is taken to belong to a crashed or failed send.
 */
export const SEND_LEASE_MS = 2 * 60_000;

/**
 * Settles rows left in 'sending' by a sender that is gone (or by this
 * instance itself): asks the platform whether the post is there. Found:
 * published. Not there: freed for a normal retry. The platform cannot tell,
 * or only part of a thread is there: 'unknown', for a person to check,
 * because re-sending could post twice.
 */
export async function reconcile(ctx: Context): Promise<number> {
  const { store, clock, log } = ctx;
  const now = clock.now();
  const lease = ctx.config.daemon.sendLeaseSeconds * 1000;
  const stale = await store.posts.stale(now - lease);
  let settled = 0;
  for (const post of stale) {
    const owner = post.reservedBy;
    if (owner && owner !== ctx.instance && await store.jobRuns.holdsLease(owner, now)) {
      // Its sender is alive and may still be sending (waiting out 429s can outlast the
      // send lease); asking the platform now could find nothing and send it twice.
      continue;
    }
    if (!await store.posts.claimStale(post.postId, ctx.instance, now, now - lease)) {
      continue;
    }
    const made = await ctx.integrations.publisher(post.platform);
    if ("missing" in made) continue;
    // In the form it was sent in: the format recorded with its reservation, or the draft.
    const variant = post.variantId === null ? null : await store.variants.get(post.variantId);
    const sent = outgoing(post, await store.installation.id(), variant);
    let found;
    try {
      found = await made.lookup(sent, { signal: ctx.signal });
    } catch (error) {
      // The row stays reserved and is looked at again after the next lease; the rest goes on.
      log.warn(`cannot check plan ${post.planId} on ${post.platform} now`, {
        error: (error as Error).message,
      });
      continue;
    }
    if (found && found.partIds.length < sent.parts.length) {
      // Half a thread is out: re-sending would repeat it, "published" would hide the rest.
      await store.posts.markUnknown(
        post.postId,
        `the ${post.platform} thread stopped after ${found.partIds.length} of ` +
          `${sent.parts.length} parts (first part ${found.externalId})`,
      );
      log.error(`plan ${post.planId} on ${post.platform} went out only in part; check it`, {
        id: found.externalId,
        hint: "it will not be re-sent automatically",
      });
    } else if (found) {
      await store.posts.markPublished(post.postId, found, clock.now());
      log.info(`reconciled plan ${post.planId} on ${post.platform}: it had gone out`, {
        id: found.externalId,
      });
    } else if (found === null) {
      await store.posts.markFailed(post.postId, "interrupted send; not found on the platform");
      log.warn(`reconciled plan ${post.planId} on ${post.platform}: not sent, will retry`);
    } else {
      await store.posts.markUnknown(
        post.postId,
        `${post.platform} cannot say whether the post went out`,
      );
      log.error(`plan ${post.planId} on ${post.platform} may have gone out; check the channel`, {
        hint: "it will not be re-sent automatically",
      });
    }
    settled++;
  }
  return settled;
}
