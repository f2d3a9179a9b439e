/**
 * The learning simulation: 30 days of one X account under a fake clock. Each
 * day the feedback loop runs, the real strategist plans eight insights, the
 * posts go out at their slots, and a planted engagement model (it depends on
 * the format and the hour, and nothing else) plays the platform: 24 hours
 * after each post its metrics appear in post_metrics, as Analytics would
 * store them. The best arm is known, so the learning can be scored.
 */
import { contentStrategist } from "../agents/foundation/content_strategist.ts";
import { hourBucketOf } from "../agents/learning/arms.ts";
import { feedbackLoop } from "../agents/learning/feedback_loop.ts";
import { publishPlan } from "../agents/learning/_test_seed.ts";
import { seededRandom } from "../agents/learning/_random.ts";
import { ConfigSchema } from "../core/config_schema.ts";
import { createContext } from "../core/context.ts";
import type { Clock } from "../core/clock.ts";
import { openStore, type Store } from "../storage/mod.ts";

const DAY = 86_400_000, HOUR = 3_600_000;
const START = Date.parse("2026-01-01T00:00:00Z");

/** The planted truth: engagement rate per (format, 4-hour bucket); threads at 16-20 UTC win. */
export const PLANTED: Record<string, number> = {
  "single|12": 0.020,
  "single|16": 0.030,
  "single|20": 0.025,
  "thread|12": 0.028,
  "thread|16": 0.060,
  "thread|20": 0.035,
};
const BEST = "thread|16";
const KINDS = ["price_move", "volume_spike"];

export interface SimResult {
  days: number;
  posts: number;
  /** Share of the last 10 days' posts in the best arm. */
  bestShareLate: number;
  /** Posts per arm over the last 10 days. */
  lateCounts: Record<string, number>;
  /** Expected engagements given up against always posting in the best arm. */
  regret: number;
  /** The same for choosing arms uniformly at random: learning's baseline. */
  uniformRegret: number;
  /** Expected engagements achieved over those of always choosing the best arm. */
  ofBest: number;
  wallMs: number;
}

export async function simulate(dir: string, days = 30, seed = 7): Promise<SimResult> {
  const started = performance.now();
  const store = await openStore(`${dir}/sim.db`);
  const random = seededRandom(seed);
  let now = START;
  const clock: Clock = { now: () => now };
  const config = ConfigSchema.parse({
    planning: {
      platforms: ["x"],
      dailyCaps: { x: 8 },
      windows: { x: ["12:00-24:00"] },
      spacingMinutes: 15,
      cooldownHours: 0,
      minImportance: 0,
      maxPerRun: 8,
    },
    learning: { minObservations: 20 },
  });
  const ctx = createContext({ config, store, clock });
  const pending: { planId: number; at: number; impressions: number; engagements: number }[] = [];
  const posts: { day: number; arm: string; impressions: number }[] = [];
  try {
    for (let day = 0; day < days; day++) {
      now = START + day * DAY + 6 * HOUR;
      await measure(store, pending, now);
      await feedbackLoop.run(ctx);
      await addInsights(store, day, now);
      await contentStrategist.run(ctx);
      for (const plan of await newPlans(store)) {
        const arm = `${plan.format}|${hourBucketOf(plan.scheduledAt, 4)}`;
        const impressions = 800 + Math.floor(random() * 400);
        let engagements = 0;
        for (let i = 0; i < impressions; i++) if (random() < PLANTED[arm]) engagements++;
        pending.push({ planId: plan.id, at: plan.scheduledAt, impressions, engagements });
        posts.push({ day, arm, impressions });
      }
    }
  } finally {
    await store.close();
  }
  return score(posts, days, performance.now() - started);
}

/** Publishes what went out and stores metrics that are 24 hours old by `now`. */
async function measure(
  store: Store,
  pending: { planId: number; at: number; impressions: number; engagements: number }[],
  now: number,
) {
  for (const p of pending.filter((p) => p.at + DAY <= now)) {
    await publishPlan(store, p.planId, {
      platform: "x",
      publishedAt: p.at,
      impressions: p.impressions,
      engagements: p.engagements,
    });
    pending.splice(pending.indexOf(p), 1);
  }
}

async function addInsights(store: Store, day: number, now: number) {
  await store.insights.add(
    Array.from({ length: 8 }, (_, i) => ({
      dedupKey: `sim-${day}-${i}`,
      type: KINDS[i % KINDS.length],
      symbol: `C${i}/USDT`,
      timeframe: "1h",
      headline: `coin ${i} moved`,
      importance: 0.8,
      facts: { changePct: 5 },
      sourceRef: "sim",
    })),
    now,
  );
}

async function newPlans(store: Store) {
  const rows = await store.db.all<{ id: number; format: string; scheduled_at: number }>(
    "SELECT id, format, scheduled_at FROM content_plans WHERE status = 'planned' ORDER BY id",
  );
  // Mark them so the next day sees only its own plans; drafting is not simulated.
  for (const r of rows) await store.plans.setStatus(Number(r.id), "drafted");
  return rows.map((r) => ({
    id: Number(r.id),
    format: r.format,
    scheduledAt: Number(r.scheduled_at),
  }));
}

function score(
  posts: { day: number; arm: string; impressions: number }[],
  days: number,
  wallMs: number,
): SimResult {
  const late = posts.filter((p) => p.day >= days - 10);
  const lateCounts = Object.fromEntries(
    Object.keys(PLANTED).map((a) => [a, late.filter((p) => p.arm === a).length]),
  );
  const best = PLANTED[BEST];
  const mean = Object.values(PLANTED).reduce((s, r) => s + r, 0) / Object.keys(PLANTED).length;
  const regret = posts.reduce((s, p) => s + (best - PLANTED[p.arm]) * p.impressions, 0);
  const uniformRegret = posts.reduce((s, p) => s + (best - mean) * p.impressions, 0);
  const achieved = posts.reduce((s, p) => s + PLANTED[p.arm] * p.impressions, 0);
  const ideal = posts.reduce((s, p) => s + best * p.impressions, 0);
  return {
    days,
    posts: posts.length,
    bestShareLate: lateCounts[BEST] / late.length,
    lateCounts,
    regret,
    uniformRegret,
    ofBest: achieved / ideal,
    wallMs,
  };
}
