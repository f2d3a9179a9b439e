/** performance_snapshots: the daily series per platform that `creator report` draws. */
import type { Db } from "./db.ts";
import { nullable } from "./post_outcomes.ts";

export interface Snapshot {
  /** UTC midnight, epoch ms. */
  day: number;
  /** A platform, or "all" for figures of the whole business. */
  platform: string;
  posts: number;
  impressions: number | null;
  engagements: number | null;
  engagementRate: number | null;
  followers: number | null;
  members: number | null;
  mrrCents: number | null;
  agentRuns: number | null;
  agentFailures: number | null;
}

const COLUMNS = [
  "day",
  "platform",
  "posts",
  "impressions",
  "engagements",
  "engagement_rate",
  "followers",
  "members",
  "mrr_cents",
  "agent_runs",
  "agent_failures",
  "computed_at",
];

const KEPT = new Set(["followers", "members", "mrr_cents"]);

export function snapshots(db: Db) {
  return {
    /** Writes each (day, platform) row, replacing what an earlier run computed. */
    upsert(rows: Snapshot[], now: number): Promise<number> {
      if (rows.length === 0) return Promise.resolve(0);
      // Members, MRR and followers are known only as of now: a recomputed past day keeps its own.
      const updates = COLUMNS.slice(2).map((c) =>
        KEPT.has(c)
          ? `${c} = COALESCE(excluded.${c}, performance_snapshots.${c})`
          : `${c} = excluded.${c}`
      ).join(", ");
      return db.insertMany(
        "performance_snapshots",
        COLUMNS,
        rows.map((s) => [
          s.day,
          s.platform,
          s.posts,
          s.impressions,
          s.engagements,
          s.engagementRate,
          s.followers,
          s.members,
          s.mrrCents,
          s.agentRuns,
          s.agentFailures,
          now,
        ]),
        `ON CONFLICT (day, platform) DO UPDATE SET ${updates}`,
      );
    },

    /** Members with access now, per platform (memberships granted and not revoked). */
    async activeMembers(): Promise<Record<string, number>> {
      const rows = await db.all<{ platform: string; n: number }>(
        "SELECT platform, COUNT(*) AS n FROM memberships WHERE state = 'active' GROUP BY platform",
      );
      return Object.fromEntries(rows.map((r) => [r.platform, Number(r.n)]));
    },

    async since(from: number): Promise<Snapshot[]> {
      const rows = await db.all<Record<string, unknown>>(
        "SELECT * FROM performance_snapshots WHERE day >= ? ORDER BY day, platform",
        [from],
      );
      return rows.map((r) => ({
        day: Number(r.day),
        platform: String(r.platform),
        posts: Number(r.posts),
        impressions: nullable(r.impressions),
        engagements: nullable(r.engagements),
        engagementRate: nullable(r.engagement_rate),
        followers: nullable(r.followers),
        members: nullable(r.members),
        mrrCents: nullable(r.mrr_cents),
        agentRuns: nullable(r.agent_runs),
        agentFailures: nullable(r.agent_failures),
      }));
    },
  };
}

export type SnapshotRepo = ReturnType<typeof snapshots>;
