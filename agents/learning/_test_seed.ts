/**
 * Test data for the learning agents: insights, plans and published posts with
 * a metrics snapshot, stored the way the pipeline and Analytics store them.
 */
import { fixedClock } from "../../core/clock.ts";
import { ConfigSchema } from "../../core/config_schema.ts";
import { createContext } from "../../core/context.ts";
import type { Format, Platform } from "../../core/vocabulary.ts";
import type { Store } from "../../storage/mod.ts";

export interface SeedPost {
  platform: Platform;
  format: Format;
  kind?: string;
  publishedAt: number;
  impressions: number | null;
  /** Spread over likes (platforms with impressions) or reactions (without). */
  engagements: number | null;
}

export async function seedInsight(store: Store, kind: string, at: number): Promise<number> {
  const dedupKey = `seed-${kind}-${crypto.randomUUID()}`;
  await store.insights.add([{
    dedupKey,
    type: kind,
    symbol: "BTC/USDT",
    timeframe: "1h",
    headline: `BTC ${kind}`,
    importance: 0.8,
    facts: { changePct: 5 },
    sourceRef: "seed",
  }], at);
  const [row] = await store.db.all<{ id: number }>(
    "SELECT id FROM insights WHERE dedup_key = ?",
    [dedupKey],
  );
  return Number(row.id);
}

/** A plan of a new insight, still waiting for its draft. */
export async function seedPlan(
  store: Store,
  p: { platform: Platform; format: Format; kind?: string; at: number },
): Promise<number> {
  const insightId = await seedInsight(store, p.kind ?? "price_move", p.at);
  await store.plans.add({
    insightId,
    platform: p.platform,
    format: p.format,
    scheduledAt: p.at,
    priority: 0.8,
  }, p.at);
  const [row] = await store.db.all<{ id: number }>(
    "SELECT id FROM content_plans WHERE insight_id = ?",
    [insightId],
  );
  return Number(row.id);
}

/** Drafts and publishes a plan at `publishedAt`, with its 24h metrics. */
export async function publishPlan(
  store: Store,
  planId: number,
  post: Pick<SeedPost, "platform" | "publishedAt" | "impressions" | "engagements">,
): Promise<number> {
  await store.drafts.add({
    planId,
    attempt: 1,
    writer: "template",
    parts: ["seeded"],
    status: "accepted",
    reason: null,
  }, post.publishedAt);
  await store.plans.setStatus(planId, "drafted");
  const [draft] = await store.db.all<{ id: number }>(
    "SELECT id FROM drafts WHERE plan_id = ?",
    [planId],
  );
  const [pub] = await store.db.all<{ id: number }>(
    `INSERT INTO published_content (plan_id, platform, draft_id, status, external_id, attempts,
       published_at) VALUES (?, ?, ?, 'published', ?, 1, ?) RETURNING id`,
    [planId, post.platform, Number(draft.id), `ext-${planId}`, post.publishedAt],
  );
  const withReach = post.impressions !== null;
  await store.db.run(
    `INSERT INTO post_metrics (post_id, platform, age_seconds, measured_at, impressions, likes,
       reactions) VALUES (?, ?, 86400, ?, ?, ?, ?)`,
    [
      Number(pub.id),
      post.platform,
      post.publishedAt + 86_400_000,
      post.impressions,
      withReach ? post.engagements : null,
      withReach ? null : post.engagements,
    ],
  );
  return Number(pub.id);
}

export async function seedPublished(store: Store, post: SeedPost): Promise<number> {
  const planId = await seedPlan(store, { ...post, at: post.publishedAt });
  await publishPlan(store, planId, post);
  return planId;
}

export const DAY = 86_400_000, HOUR = 3_600_000;
export const NOW = Date.parse("2026-03-31T00:00:00Z");

/** A context for X alone with a low minimum of observations, the clock at `now`. */
export function ctxFor(store: Store, now = NOW, learning = {}) {
  const config = ConfigSchema.parse({
    planning: { platforms: ["x"] },
    learning: { minObservations: 10, ...learning },
  });
  return createContext({ config, store, clock: fixedClock(now) });
}

/** 40 X posts over 20 days: threads at 16:00 UTC do three times as well as the rest. */
export async function seedHistory(store: Store) {
  for (let i = 0; i < 40; i++) {
    const thread = i % 2 === 0, late = i % 4 < 2;
    const at = NOW - (20 - Math.floor(i / 2)) * DAY + (late ? 16 : 12) * HOUR;
    const rate = thread && late ? 0.06 : 0.02;
    await seedPublished(store, {
      platform: "x",
      format: thread ? "thread" : "single",
      publishedAt: at,
      impressions: 1000,
      engagements: Math.round(1000 * rate) + (i % 3),
    });
  }
}
