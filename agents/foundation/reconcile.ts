import type { Context } from "../../core/agent.ts";
import { outgoing } from "./publishing.ts";

/** A row in 'sending' for longer than this is taken to belong to a crashed or failed send. */
export const SEND_LEASE_MS = 2 * 60_000;

/**
 * Settles rows left in 'sending': asks the platform whether the post is
 * there. Found: published. Not there: freed for a normal retry. The platform
 * cannot tell: 'unknown', for a person to check, because re-sending could post twice.
 */
export async function reconcile(ctx: Context): Promise<number> {
  const { store, clock, log } = ctx;
  const now = clock.now();
  const stale = await store.posts.stale(now - SEND_LEASE_MS);
  let settled = 0;
  for (const post of stale) {
    if (!await store.posts.claimStale(post.postId, ctx.instance, now, now - SEND_LEASE_MS)) {
      continue;
    }
    const made = await ctx.integrations.publisher(post.platform);
    if ("missing" in made) continue;
    const found = await made.lookup(outgoing(post), { signal: ctx.signal });
    if (found) {
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
