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
