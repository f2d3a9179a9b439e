import type { Agent, Context } from "../../core/agent.ts";
import type { Platform } from "../../core/vocabulary.ts";
import { reactionMetrics } from "../../integrations/audience/mod.ts";
import type { DuePost, Snapshot } from "../../storage/post_metrics.ts";
import { utcDay } from "../../storage/x_spend.ts";

/**
 * Measures every published post at fixed ages (analytics.ages): X in batches of 100 ids per
 * call, Discord by its reactions, Telegram by the reaction counts its updates brought in (bots
 * get no view counts, so views stay empty, never zero). One snapshot per (post, age), however
 * many instances run; a post the platform reports deleted is recorded as deleted.
 */
export const analytics: Agent = {
  name: "analytics",
  phase: "audience",
  description: "Collects metrics of published posts.",
  async run(ctx) {
    const buckets = ctx.config.analytics.ages.map(toSeconds);
    const due = await ctx.store.postMetrics.due(ctx.clock.now(), buckets);
    const snapshots: Snapshot[] = [];
    const failed: string[] = [];
    let calls = 0;
    for (const [platform, posts] of Map.groupBy(due, (p) => p.platform)) {
      if (ctx.signal.aborted) break;
      try {
        const measured = await measure(ctx, platform, posts);
        snapshots.push(...measured.snapshots);
        calls += measured.calls;
      } catch (error) {
        failed.push(platform);
        ctx.log.error(`metrics of ${posts.length} ${platform} posts not read`, {
          error: (error as Error).message,
        });
      }
    }
    const written = await ctx.store.postMetrics.record(snapshots);
    const deleted = snapshots.filter((s) => s.state === "deleted").length;
    const summary = `${due.length} posts due, ${written} snapshots stored (${deleted} deleted), ` +
      `${calls} API calls` + (failed.length ? `; failed: ${failed.join(", ")}` : "");
    if (failed.length && written === 0) throw new Error(summary);
    return { read: due.length, written, summary, details: { due: due.length, calls, deleted } };
  },
};

async function measure(
  ctx: Context,
  platform: Platform,
  posts: DuePost[],
): Promise<{ snapshots: Snapshot[]; calls: number }> {
  const now = ctx.clock.now();
  const snap = (p: DuePost) => ({
    postId: p.postId,
    platform,
    ageSeconds: p.ageSeconds,
    measuredAt: now,
  });
  if (platform === "telegram") return { snapshots: await telegram(ctx, posts, snap), calls: 0 };
  const audience = await ctx.integrations.audience(platform);
  if ("missing" in audience || !audience.metrics) {
    ctx.log.info(
      `analytics skips ${platform}: ${"missing" in audience ? audience.missing : "no reader"}`,
    );
    return { snapshots: [], calls: 0 };
  }
  const { measured, calls } = await audience.metrics.read(posts, { now, signal: ctx.signal });
  if (platform === "x") {
    await ctx.store.xSpend.record({
      day: utcDay(now),
      kind: "metrics",
      calls,
      costMicros: Math.round(posts.length * ctx.config.engagement.x.readUsd * 1e6),
      at: now,
    });
  }
  const snapshots: Snapshot[] = [];
  for (const post of posts) {
    const m = measured.get(post.externalId);
    if (m === undefined) {
      ctx.log.warn(`${platform} said nothing about post ${post.externalId}; not measured`);
    } else if (m === "deleted") snapshots.push({ ...snap(post), state: "deleted" });
    else snapshots.push({ ...snap(post), state: "live", metrics: m });
  }
  return { snapshots, calls };
}

/** Reaction counts from the updates taken in; views are not available to bots. */
async function telegram(
  ctx: Context,
  posts: DuePost[],
  snap: (p: DuePost) => Omit<Snapshot, "state" | "metrics">,
): Promise<Snapshot[]> {
  const channel = ctx.config.secrets.telegramChannelId;
  const counts = channel
    ? await ctx.store.intake.reactions(channel, posts.map((p) => p.externalId))
    : new Map();
  return posts.map((post) => {
    const count = counts.get(post.externalId);
    // No count received means not known, not zero.
    const metrics = reactionMetrics(count ? count.total : null, {
      views: "not available to bots",
      ...(count ? { reactions: count.reactions } : {}),
    });
    return { ...snap(post), state: "live", metrics } as Snapshot;
  });
}

/** "1h" -> 3600. The config schema has already checked the shape. */
export function toSeconds(age: string): number {
  const n = Number(age.slice(0, -1));
  return n * { m: 60, h: 3600, d: 86_400 }[age.at(-1) as "m" | "h" | "d"];
}
