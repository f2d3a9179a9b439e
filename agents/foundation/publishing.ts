import type { Agent, Context } from "../../core/agent.ts";
import { CircuitOpenError, IntegrationError, NetworkError } from "../../core/errors.ts";
import type { Platform } from "../../core/vocabulary.ts";
import {
  MediaUploadError,
  type OutgoingPost,
  type Publisher,
} from "../../integrations/publish/mod.ts";
import { PartialPublishError } from "../../integrations/publish/send_parts.ts";
import type { PendingPost } from "../../storage/posts.ts";
import type { StoredVariant } from "../../storage/variants.ts";
import { formatsFor, outgoing } from "./outgoing.ts";
import { renderPreviews } from "./preview.ts";
import { reconcile } from "./reconcile.ts";

/**
 * Sends due posts exactly once per (plan, platform): the row is reserved
 * before the call and the platform's id recorded after. A definite refusal
 * frees the row for a later try; an ambiguous failure leaves it reserved, to
 * be reconciled against the platform, never re-sent blind. In a dry run
 * nothing is sent and nothing is written: every pending post is rendered.
 */
export const publishing: Agent = {
  name: "publishing",
  phase: "foundation",
  description: "Publishes due posts to X, Telegram and Discord exactly once; dry-run previews.",
  async run(ctx) {
    if (ctx.dryRun) {
      const pending = await ctx.store.posts.pending();
      const images = await ctx.store.images.forPlans(pending.map((p) => p.planId));
      const formats = await formatsFor(ctx.store, pending);
      const previews = renderPreviews(pending, ctx.clock.now(), images, formats);
      return {
        read: pending.length,
        written: 0,
        summary: `dry run: ${pending.length} posts previewed, nothing sent`,
        details: { previews },
      };
    }
    const reconciled = await reconcile(ctx);
    const now = ctx.clock.now();
    const due = await ctx.store.posts.pending(ctx.options.ignoreSchedule ? undefined : now);
    const formats = await formatsFor(ctx.store, due);
    const counts = { published: 0, failed: 0, ambiguous: 0, deferred: 0, skipped: 0, taken: 0 };
    const publishers = new Map<Platform, Publisher | null>();
    // One queue per platform, all at once: a slow platform holds up only its
    // own posts, and each platform still gets its posts in order.
    await Promise.all([...byPlatform(due)].map(async ([platform, posts]) => {
      for (const post of posts) {
        if (ctx.signal.aborted) break;
        const publisher = await publisherFor(ctx, publishers, platform);
        if (!publisher) {
          counts.skipped++;
          continue;
        }
        counts[await sendOnce(ctx, publisher, post, formats.get(post.planId))]++;
      }
    }));
    const written = counts.published + counts.failed + counts.ambiguous + reconciled;
    const summary = `${counts.published} published, ${counts.failed} refused, ` +
      `${counts.ambiguous} awaiting reconciliation, ${counts.deferred} deferred, ` +
      `${counts.skipped} skipped (no credentials)` +
      (reconciled ? `, ${reconciled} reconciled` : "");
    if (counts.failed + counts.ambiguous > 0 && counts.published === 0) throw new Error(summary);
    return { read: due.length, written, summary, details: counts };
  },
};

function byPlatform(posts: PendingPost[]): Map<Platform, PendingPost[]> {
  const out = new Map<Platform, PendingPost[]>();
  for (const p of posts) out.set(p.platform, [...out.get(p.platform) ?? [], p]);
  return out;
}

/**
 * Sends one post in its platform's format when it has one (`variant`), the draft otherwise.
 * The reservation records which, so a reconciliation looks for what was really sent.
 */
async function sendOnce(
  ctx: Context,
  publisher: Publisher,
  post: PendingPost,
  variant: StoredVariant | undefined,
) {
  const { store, clock, log } = ctx;
  const installId = await store.installation.id();
  const unit = await withImage(ctx, outgoing(post, installId, variant), post.planId);
  const id = await store.posts.reserve(post, ctx.instance, clock.now(), variant?.id ?? null);
  if (id === null) return "taken" as const; // another instance has it
  try {
    // No abort signal: cutting a send short would leave it ambiguous. A shutdown
    // stops new claims (the loop checks ctx.signal) and lets this one finish.
    const ref = await publisher.publish(unit);
    await store.posts.markPublished(id, ref, clock.now());
    // Discord refs carry no url: leave the field out rather than print "undefined".
    log.info(`published plan ${post.planId} to ${post.platform}`, {
      id: ref.externalId,
      ...(ref.url ? { url: ref.url } : {}),
    });
    return "published" as const;
  } catch (error) {
    const message = (error as Error).message;
    if (notNow(error)) {
      // Rate-limited, circuit open or never connected: nothing went out and the
      // post is fine; a later run sends it without this counting against its attempts.
      await store.posts.defer(id, message);
      log.warn(`${post.platform} not taking posts now; plan ${post.planId} waits`, {
        error: message,
      });
      return "deferred" as const;
    }
    if (refusedForSure(error)) {
      await store.posts.markFailed(id, message);
      log.warn(`${post.platform} refused plan ${post.planId}`, { error: message });
      return "failed" as const;
    }
    if (error instanceof PartialPublishError) {
      // Part of the thread is out: neither a retry nor "published" would be true.
      await store.posts.markUnknown(id, `${message} (parts out: ${error.partIds.join(", ")})`);
      log.error(`plan ${post.planId} went out only in part on ${post.platform}; check it`, {
        parts: error.partIds,
      });
      return "ambiguous" as const;
    }
    await store.posts.noteError(id, message);
    log.error(`${post.platform} send of plan ${post.planId} is uncertain; it will be reconciled`, {
      error: message,
    });
    return "ambiguous" as const;
  }
}

/** The post and the chart ImageGeneration made for its plan, sent as one unit. */
async function withImage(ctx: Context, post: OutgoingPost, planId: number) {
  const image = (await ctx.store.images.forPlans([planId])).get(planId);
  if (!image) return post;
  const { png, width, height, alt } = image;
  return { ...post, image: { png, width, height, alt } };
}

/**
 * A 429 that outlasted its retries, an open circuit, or a connection that was
 * never made (no DNS, refused, TLS; a chart's upload included): nothing was
 * sent, so nothing is ambiguous, and the outage uses up none of the post's attempts.
 */
function notNow(error: unknown): boolean {
  return error instanceof CircuitOpenError ||
    (error instanceof NetworkError && error.unsent) ||
    (error instanceof IntegrationError && error.status === 429);
}

/** Any other 4xx, or an image the platform would not take: it did not act on the post. */
function refusedForSure(error: unknown): boolean {
  if (error instanceof MediaUploadError) return true;
  return error instanceof IntegrationError && error.status >= 400 && error.status < 500;
}

async function publisherFor(
  ctx: Context,
  cache: Map<Platform, Publisher | null>,
  platform: Platform,
) {
  if (!cache.has(platform)) {
    const made = await ctx.integrations.publisher(platform);
    if ("missing" in made) {
      ctx.log.warn(`skipping ${platform}: no credentials (${made.missing})`);
      cache.set(platform, null);
    } else cache.set(platform, made);
  }
  return cache.get(platform) ?? null;
}
