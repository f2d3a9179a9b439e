import type { Agent, Context } from "../../core/agent.ts";
import type { PostOutcome } from "../../storage/post_outcomes.ts";
import type { Snapshot } from "../../storage/snapshots.ts";

const DAY = 86_400_000;
/** Metrics of a day's posts keep arriving for days (the 24h and 72h snapshots): recompute them. */
const RECOMPUTE_DAYS = 8;

/**
 * Writes the daily series per platform to performance_snapshots: posts,
 * impressions, engagements and the engagement rate of each day's posts (at
 * 24h), and a row "all" with agent run health; today's rows also carry the
 * members with access and the MRR. Followers stay NULL: no source stores
 * them, and unknown is not zero.
 */
export const performanceAnalytics: Agent = {
  name: "performance-analytics",
  phase: "learning",
  description: "Daily performance series per platform: posts, reach, engagement, run health.",
  async run(ctx) {
    const { store, clock } = ctx;
    const today = Math.floor(clock.now() / DAY) * DAY;
    // The first run fills the whole look-back period, so a report has history at once.
    const first = (await store.snapshots.since(0)).length === 0;
    const days = first
      ? Math.max(RECOMPUTE_DAYS, ctx.config.learning.lookbackDays)
      : RECOMPUTE_DAYS;
    const rows: Snapshot[] = [];
    let read = 0;
    for (let day = today - (days - 1) * DAY; day <= today; day += DAY) {
      const outcomes = await store.outcomes.between(day, day + DAY);
      const published = await store.outcomes.publishedCounts(day, day + DAY);
      const health = await store.outcomes.agentHealth(day, day + DAY);
      read += outcomes.length;
      rows.push(...daySnapshots(day, outcomes, published), {
        ...empty(day, "all"),
        posts: Object.values(published).reduce((s, n) => s + n, 0),
        agentRuns: health.runs,
        agentFailures: health.failures,
      });
    }
    await stampToday(ctx, rows, today);
    const written = await store.snapshots.upsert(rows, clock.now());
    return {
      read,
      written,
      summary: `${days} days of snapshots, ${read} measured posts`,
      details: { days },
    };
  },
};

/**
 * Members and MRR exist only as of now: today's rows get them (members per
 * platform and in all; MRR in "all", when every subscription is in one
 * currency, since cents of two currencies do not add up).
 */
async function stampToday(ctx: Context, rows: Snapshot[], today: number): Promise<void> {
  const members = await ctx.store.snapshots.activeMembers();
  const money = await ctx.store.revenue.since(today, today + DAY);
  for (const row of rows.filter((r) => r.day === today)) {
    if (row.platform === "all") {
      row.members = Object.values(members).reduce((s, n) => s + n, 0);
      row.mrrCents = money.length === 0 ? 0 : money.length === 1 ? money[0].mrrCents : null;
    } else row.members = members[row.platform] ?? 0;
  }
}

export function daySnapshots(
  day: number,
  outcomes: PostOutcome[],
  published: Record<string, number>,
): Snapshot[] {
  const platforms = new Set([...Object.keys(published), ...outcomes.map((o) => o.platform)]);
  return [...platforms].sort().map((platform) => {
    const mine = outcomes.filter((o) => o.platform === platform);
    const withReach = mine.filter((o) => o.impressions !== null && o.engagements !== null);
    const impressions = sumOrNull(withReach.map((o) => o.impressions!));
    const reachEngagements = sumOrNull(withReach.map((o) => o.engagements!));
    return {
      ...empty(day, platform),
      posts: published[platform] ?? 0,
      impressions,
      engagements: sumOrNull(mine.filter((o) => o.engagements !== null).map((o) => o.engagements!)),
      engagementRate: impressions ? reachEngagements! / impressions : null,
    };
  });
}

function sumOrNull(xs: number[]): number | null {
  return xs.length ? xs.reduce((s, x) => s + x, 0) : null;
}

function empty(day: number, platform: string): Snapshot {
  return {
    day,
    platform,
    posts: 0,
    impressions: null,
    engagements: null,
    engagementRate: null,
    followers: null,
    members: null,
    mrrCents: null,
    agentRuns: null,
    agentFailures: null,
  };
}
