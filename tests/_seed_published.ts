/** Puts published posts straight into a store, for tests of what happens after publishing. */
import type { Platform } from "../core/vocabulary.ts";
import type { Store } from "../storage/mod.ts";
import { seedDrafted } from "./_seed.ts";

export interface SeedPublished {
  platform: Platform;
  externalId: string;
  publishedAt: number;
  text?: string;
  /** Ids of every part when it is a thread; default [externalId]. */
  partIds?: string[];
}

/** Stores each post as published on its platform; returns the published_content ids. */
export async function seedPublished(store: Store, posts: SeedPublished[]): Promise<number[]> {
  const planIds = await seedDrafted(
    store,
    posts.map((p, i) => ({
      platform: p.platform,
      parts: [p.text ?? `BTC/USDT rose 4.2% in 1h (post ${i}). Not financial advice.`],
    })),
  );
  const ids: number[] = [];
  const byPlan = new Map((await store.posts.pending()).map((p) => [p.planId, p]));
  for (const [i, post] of posts.entries()) {
    const pending = byPlan.get(planIds[i])!;
    const id = await store.posts.reserve(pending, "seed", post.publishedAt);
    if (id === null) throw new Error(`cannot seed plan ${planIds[i]}`);
    await store.posts.markPublished(id, {
      platform: post.platform,
      externalId: post.externalId,
      partIds: post.partIds ?? [post.externalId],
    }, post.publishedAt);
    ids.push(id);
  }
  return ids;
}

/**
 * The same in four statements, for tests that need many posts. It sets the ids (1 to n)
 * itself, so use it on a store nothing else has put insights, plans or posts in.
 */
export async function seedPublishedMany(store: Store, posts: SeedPublished[]): Promise<number[]> {
  const rows = posts.map((_, i) => i + 1);
  const at = posts[0]?.publishedAt ?? 0;
  await store.db.insertMany(
    "insights",
    [
      "id",
      "dedup_key",
      "type",
      "symbol",
      "headline",
      "importance",
      "facts",
      "source_ref",
      "created_at",
    ],
    rows.map((
      i,
    ) => [i, `seed-many-${i}`, "price_move", "BTC/USDT", `post ${i}`, 0.5, "{}", "seed", at]),
  );
  await store.db.insertMany(
    "content_plans",
    ["id", "insight_id", "platform", "format", "scheduled_at", "priority", "status", "created_at"],
    rows.map((i) => [i, i, posts[i - 1].platform, "single", at, 0.5, "drafted", at]),
  );
  await store.db.insertMany(
    "drafts",
    ["id", "plan_id", "attempt", "writer", "parts", "status", "created_at"],
    rows.map((i) => [i, i, 1, "template", "[]", "accepted", at]),
  );
  await store.db.insertMany(
    "published_content",
    ["id", "plan_id", "platform", "draft_id", "status", "external_id", "part_ids", "published_at"],
    rows.map((i) => {
      const p = posts[i - 1];
      return [
        i,
        i,
        p.platform,
        i,
        "published",
        p.externalId,
        JSON.stringify([p.externalId]),
        p.publishedAt,
      ];
    }),
  );
  return rows;
}
