/**
 * Engagement over a window, grouped by platform, format, hour of day (UTC) and insight kind,
 * with the best and worst posts. A post's engagement is the sum of the interaction figures its
 * latest snapshot has (likes, reposts, replies, quotes, reactions); views are kept apart,
 * and a figure no platform gave stays null rather than becoming zero. Pure.
 */
import type { PostPerformance } from "../../storage/engagement_stats.ts";

export interface GroupStats {
  key: string;
  posts: number;
  measured: number;
  engagement: number;
  /** Mean engagement of the measured posts; null when none was measured. */
  average: number | null;
  /** Summed impressions where the platform gives them; null when none does. */
  impressions: number | null;
  messages: number;
}

export interface EngagementReport {
  since: number;
  posts: number;
  measured: number;
  byPlatform: GroupStats[];
  byFormat: GroupStats[];
  byHour: GroupStats[];
  byInsight: GroupStats[];
  best: RankedPost[];
  worst: RankedPost[];
  messages: Array<
    { platform: string; classification: string | null; replyState: string; n: number }
  >;
}

/** A post among the best or worst: who it is, and its engagement. */
export interface RankedPost
  extends
    Pick<PostPerformance, "postId" | "platform" | "format" | "insightType" | "headline" | "url"> {
  engagement: number;
}

export function engagementOf(p: PostPerformance): number | null {
  if (p.measuredAge === null || p.deleted) return null;
  const figures = [p.likes, p.reposts, p.replies, p.quotes, p.reactions];
  if (figures.every((f) => f === null)) return null;
  return figures.reduce<number>((sum, f) => sum + (f ?? 0), 0);
}

export function summarize(
  since: number,
  posts: PostPerformance[],
  messages: EngagementReport["messages"],
  top = 3,
): EngagementReport {
  const ranked = posts.flatMap((p) => {
    const engagement = engagementOf(p);
    return engagement === null ? [] : [{ ...rankedOf(p), engagement }];
  }).sort((a, b) => b.engagement - a.engagement || a.postId - b.postId);
  return {
    since,
    posts: posts.length,
    measured: ranked.length,
    byPlatform: group(posts, (p) => p.platform),
    byFormat: group(posts, (p) => p.format),
    byHour: group(
      posts,
      (p) => `${String(new Date(p.publishedAt).getUTCHours()).padStart(2, "0")}h`,
    ),
    byInsight: group(posts, (p) => p.insightType),
    best: ranked.slice(0, top),
    worst: ranked.length > top ? ranked.slice(-top).reverse() : [],
    messages,
  };
}

function group(posts: PostPerformance[], keyOf: (p: PostPerformance) => string): GroupStats[] {
  const out: GroupStats[] = [];
  for (const [key, list] of Map.groupBy(posts, keyOf)) {
    const measured = list.map(engagementOf).filter((e): e is number => e !== null);
    const views = list.map((p) => p.impressions).filter((v): v is number => v !== null);
    const engagement = measured.reduce((a, b) => a + b, 0);
    out.push({
      key,
      posts: list.length,
      measured: measured.length,
      engagement,
      average: measured.length ? engagement / measured.length : null,
      impressions: views.length ? views.reduce((a, b) => a + b, 0) : null,
      messages: list.reduce((a, p) => a + p.messages, 0),
    });
  }
  return out.sort((a, b) => (b.average ?? -1) - (a.average ?? -1) || a.key.localeCompare(b.key));
}

function rankedOf(p: PostPerformance): Omit<RankedPost, "engagement"> {
  return {
    postId: p.postId,
    platform: p.platform,
    format: p.format,
    insightType: p.insightType,
    headline: p.headline,
    url: p.url,
  };
}
