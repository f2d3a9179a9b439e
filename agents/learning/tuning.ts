/**
 * One tuning pass: scores measured posts, updates each arm's Beta posterior
 * and turns Thompson sampling into weights with an exploration floor.
 */
import type { Platform } from "../../core/vocabulary.ts";
import type { ArmWeight } from "../../storage/learning.ts";
import type { PostOutcome } from "../../storage/post_outcomes.ts";
import { ANY_KIND, armKey, armsOf, hourBucketOf, thompsonShares, withFloor } from "./arms.ts";
import { seededRandom } from "./_random.ts";

export interface TuningSettings {
  platforms: Platform[];
  windows: Record<Platform, string[]>;
  minObservations: number;
  explorationFloor: number;
  hourBucketHours: number;
  prior: { alpha: number; beta: number };
  /** Thompson rounds per choice; 2000 keeps the shares within about 0.01. */
  draws?: number;
}

export interface ChoiceUpdate {
  choice: string;
  arms: ArmWeight[];
  before: Record<string, number>;
  after: Record<string, number>;
  evidence: Record<string, unknown>;
}

/** Weight moves smaller than this are sampling noise and are not written. */
const NOISE = 0.02;

/** A post's score: engagement rate where the platform counts impressions, else engagements. */
export function score(o: PostOutcome): number | null {
  if (o.engagements === null) return null;
  if (o.impressions !== null && o.impressions > 0) return o.engagements / o.impressions;
  return o.impressions === null ? o.engagements : null;
}

/**
 * A post succeeds when it beats its platform's median post over the window
 * (a tie counts half): engagement is compared within a platform, and a
 * per-post success keeps the posterior as uncertain as the number of posts.
 */
export function successes(outcomes: PostOutcome[]): Map<PostOutcome, number> {
  const byPlatform = Map.groupBy(outcomes.filter((o) => score(o) !== null), (o) => o.platform);
  const out = new Map<PostOutcome, number>();
  for (const posts of byPlatform.values()) {
    const med = median(posts.map((o) => score(o)!));
    for (const o of posts) out.set(o, score(o)! > med ? 1 : score(o) === med ? 0.5 : 0);
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b), mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function tune(
  outcomes: PostOutcome[],
  current: ArmWeight[],
  settings: TuningSettings,
  now: number,
): { updates: ChoiceUpdate[]; waiting: Record<string, number> } {
  const scored = successes(outcomes);
  const stored = new Map(current.map((a) => [a.arm, a.weight]));
  const updates: ChoiceUpdate[] = [], waiting: Record<string, number> = {};
  for (const platform of settings.platforms) {
    const mine = [...scored.keys()].filter((o) => o.platform === platform);
    const kinds = [ANY_KIND, ...new Set(mine.map((o) => o.insightKind))];
    for (const kind of kinds) {
      const posts = kind === ANY_KIND ? mine : mine.filter((o) => o.insightKind === kind);
      const choice = `${platform}/${kind}`;
      if (posts.length < settings.minObservations) {
        waiting[choice] = posts.length;
        continue;
      }
      const update = tuneChoice(platform, kind, posts, scored, stored, settings, now);
      if (update) updates.push(update);
    }
  }
  return { updates, waiting };
}

function tuneChoice(
  platform: Platform,
  kind: string,
  posts: PostOutcome[],
  scored: Map<PostOutcome, number>,
  stored: Map<string, number>,
  s: TuningSettings,
  now: number,
): ChoiceUpdate | null {
  const arms = armsOf(platform, s.windows[platform], s.hourBucketHours).map((a) => {
    const mine = posts.filter((o) =>
      o.format === a.format && hourBucketOf(o.publishedAt, s.hourBucketHours) === a.hourBucket
    );
    const wins = mine.reduce((sum, o) => sum + scored.get(o)!, 0);
    return { ...a, key: armKey(platform, a.format, a.hourBucket, kind), n: mine.length, wins };
  });
  const posteriors = arms.map((a) => ({
    alpha: s.prior.alpha + a.wins,
    beta: s.prior.beta + a.n - a.wins,
  }));
  const random = seededRandom(`${platform}|${kind}|${now}`);
  const weights = withFloor(
    thompsonShares(posteriors, s.draws ?? 2000, random),
    s.explorationFloor,
  );
  const before = Object.fromEntries(arms.map((a) => [a.key, stored.get(a.key) ?? 1 / arms.length]));
  const after = Object.fromEntries(arms.map((a, i) => [a.key, round(weights[i])]));
  if (arms.every((a) => Math.abs(after[a.key] - before[a.key]) < NOISE)) return null;
  return {
    choice: `${platform}/${kind}`,
    before,
    after,
    evidence: {
      posts: posts.length,
      perArm: Object.fromEntries(arms.map((a) => [a.key, { posts: a.n, beatMedian: a.wins }])),
      rule: "Thompson sampling on 'beats the platform median at 24h'",
    },
    arms: arms.map((a, i) => ({
      arm: a.key,
      platform,
      format: a.format,
      hourBucket: a.hourBucket,
      insightKind: kind,
      alpha: posteriors[i].alpha,
      beta: posteriors[i].beta,
      observations: a.n,
      weight: after[a.key],
      updatedAt: now,
    })),
  };
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;
