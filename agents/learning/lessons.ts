/**
 * Distilled lessons for the writer's prompt: one sentence per clear pattern
 * in the measured posts (format or hour against the rest, per platform), with
 * the figures behind it. Never the posts themselves.
 */
import type { Lesson } from "../../storage/learning.ts";
import type { PostOutcome } from "../../storage/post_outcomes.ts";
import { hourBucketOf } from "./arms.ts";
import { score } from "./tuning.ts";

/** Below this ratio (either way) a difference is not worth telling the writer. */
const MIN_RATIO = 1.2;

const FORMAT_WORDS: Record<string, string> = {
  single: "single posts",
  thread: "threads",
  channel_post: "channel posts",
  chart_post: "chart posts",
};
const PLATFORM_NAMES: Record<string, string> = { x: "X", telegram: "Telegram", discord: "Discord" };

export function distil(
  outcomes: PostOutcome[],
  settings: { minPosts: number; lookbackDays: number; hourBucketHours: number },
  now: number,
): Lesson[] {
  const out: Lesson[] = [];
  const byPlatform = Map.groupBy(outcomes.filter((o) => score(o) !== null), (o) => o.platform);
  for (const [platform, posts] of byPlatform) {
    const on = `on ${PLATFORM_NAMES[platform] ?? platform}`;
    const over = `over ${settings.lookbackDays} days`;
    const formats = compareGroups(posts, (o) => o.format, settings.minPosts);
    if (formats) {
      out.push({
        topic: `${platform}:format`,
        text: `${FORMAT_WORDS[formats.best] ?? formats.best} outperform ${
          FORMAT_WORDS[formats.worst] ?? formats.worst
        } ${on} by ${formats.ratio.toFixed(1)}x ${over}`,
        evidence: formats.evidence,
        updatedAt: now,
      });
    }
    const hours = compareGroups(
      posts,
      (o) => String(hourBucketOf(o.publishedAt, settings.hourBucketHours)),
      settings.minPosts,
    );
    if (hours) {
      const span = (h: string) =>
        `${h.padStart(2, "0")}:00-${
          String(Number(h) + settings.hourBucketHours).padStart(2, "0")
        }:00 UTC`;
      out.push({
        topic: `${platform}:hour`,
        text: `posts at ${span(hours.best)} outperform posts at ${span(hours.worst)} ${on} by ${
          hours.ratio.toFixed(1)
        }x ${over}`,
        evidence: hours.evidence,
        updatedAt: now,
      });
    }
  }
  return out;
}

/** The best and worst group by mean score, when both have enough posts and differ enough. */
function compareGroups(posts: PostOutcome[], key: (o: PostOutcome) => string, minPosts: number) {
  const groups = [...Map.groupBy(posts, key)]
    .filter(([, g]) => g.length >= minPosts)
    .map(([name, g]) => ({
      name,
      posts: g.length,
      mean: g.reduce((s, o) => s + score(o)!, 0) / g.length,
    }))
    .sort((a, b) => b.mean - a.mean);
  if (groups.length < 2) return null;
  const [best, worst] = [groups[0], groups[groups.length - 1]];
  if (worst.mean <= 0 || best.mean / worst.mean < MIN_RATIO) return null;
  return {
    best: best.name,
    worst: worst.name,
    ratio: best.mean / worst.mean,
    evidence: { groups, ratio: best.mean / worst.mean },
  };
}
