/**
 * Puts drafted posts straight into a store, for tests of publishing that need
 * no market data, and reads back what publishing recorded and sent.
 */
import assert from "node:assert/strict";
import type { RunOutcome } from "../core/runner.ts";
import type { Platform } from "../core/vocabulary.ts";
import type { Store } from "../storage/mod.ts";
import { type Harness, HARNESS_NOW } from "./harness.ts";

export interface SeedPost {
  platform: Platform;
  parts: string[];
}

/**
 * Stores one insight per post, planned for its platform and due at `at`, with
 * an accepted draft of `parts`. Returns the plan ids in the order given.
 */
export async function seedDrafted(
  store: Store,
  posts: SeedPost[],
  at = HARNESS_NOW,
): Promise<number[]> {
  const ids: number[] = [];
  for (const [i, post] of posts.entries()) {
    const dedupKey = `seed-${i}-${post.platform}-${crypto.randomUUID()}`;
    await store.insights.add([{
      dedupKey,
      type: "price_move",
      symbol: "BTC/USDT",
      timeframe: "1h",
      headline: post.parts[0],
      importance: 0.5,
      facts: {},
      sourceRef: "seed",
    }], at);
    const [insight] = await store.db.all<{ id: number }>(
      "SELECT id FROM insights WHERE dedup_key = ?",
      [dedupKey],
    );
    const plan = {
      insightId: Number(insight.id),
      platform: post.platform,
      format: post.platform === "x" ? "single" : "channel_post",
      scheduledAt: at,
      priority: 0.5,
    } as const;
    await store.plans.add(plan, at);
    const [row] = await store.db.all<{ id: number }>(
      "SELECT id FROM content_plans WHERE insight_id = ?",
      [plan.insightId],
    );
    const planId = Number(row.id);
    await store.drafts.add({
      planId,
      attempt: 1,
      writer: "template",
      parts: post.parts,
      status: "accepted",
      reason: null,
    }, at);
    await store.plans.setStatus(planId, "drafted");
    ids.push(planId);
  }
  return ids;
}

export interface PublishedRow {
  planId: number;
  platform: Platform;
  status: string;
  externalId: string | null;
  attempts: number;
  error: string | null;
}

/** Every published_content row, by plan id. */
export async function publishedRows(store: Store): Promise<PublishedRow[]> {
  const rows = await store.db.all<Record<string, unknown>>(
    `SELECT plan_id, platform, status, external_id, attempts, error FROM published_content
     ORDER BY plan_id`,
  );
  return rows.map((r) => ({
    planId: Number(r.plan_id),
    platform: r.platform as Platform,
    status: String(r.status),
    externalId: r.external_id == null ? null : String(r.external_id),
    attempts: Number(r.attempts),
    error: r.error == null ? null : String(r.error),
  }));
}

/** Requests that create a post, per platform fake. */
export function creates(h: Harness): Record<Platform, number> {
  return {
    x: h.x.requests.filter((r) => r.method === "POST" && r.path === "/2/tweets").length,
    telegram: h.telegram.requests.filter((r) => r.path.endsWith("/sendMessage")).length,
    discord: h.discord.requests.filter((r) => r.method === "POST").length,
  };
}

export function assertOk(outcome: RunOutcome): void {
  assert.deepEqual([outcome.status, outcome.error], ["ok", undefined]);
}
