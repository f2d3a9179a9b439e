/**
 * Arms of the strategy bandit: a platform, a format, an hour-of-day bucket
 * (UTC) and an insight kind. The strategist chooses among the arms of one
 * (platform, insight kind); "*" is the kind that pools every insight kind.
 */
import type { Format, Platform } from "../../core/vocabulary.ts";
import { betaSample } from "./stats/_jstat.ts";

/** The formats the pipeline can write and publish on each platform today. */
export const FORMATS_BY_PLATFORM: Record<Platform, Format[]> = {
  x: ["single", "thread"],
  telegram: ["channel_post"],
  discord: ["channel_post"],
};

/** The kind whose arms pool every insight kind, used until a kind has data of its own. */
export const ANY_KIND = "*";

export interface ArmChoice {
  format: Format;
  hourBucket: number;
}

export function armKey(platform: string, format: string, hourBucket: number, kind: string) {
  return `${platform}|${format}|${String(hourBucket).padStart(2, "0")}|${kind}`;
}

export function hourBucketOf(at: number, bucketHours: number): number {
  const hour = new Date(at).getUTCHours();
  return hour - (hour % bucketHours);
}

/** The buckets that overlap at least one posting window ("HH:MM-HH:MM", UTC). */
export function bucketsInWindows(windows: string[], bucketHours: number): number[] {
  const out: number[] = [];
  for (let start = 0; start < 24; start += bucketHours) {
    const overlaps = windows.flatMap(windowSpans).some(([from, to]) =>
      from < (start + bucketHours) * 60 && to > start * 60
    );
    if (overlaps) out.push(start);
  }
  return out;
}

/** Every arm of one choice: the platform's formats times the buckets its windows reach. */
export function armsOf(platform: Platform, windows: string[], bucketHours: number): ArmChoice[] {
  const buckets = bucketsInWindows(windows, bucketHours);
  return FORMATS_BY_PLATFORM[platform].flatMap((format) =>
    buckets.map((hourBucket) => ({ format, hourBucket }))
  );
}

/** The windows cut down to one bucket, e.g. ["12:00-22:00"] and 20 (4h) gives ["20:00-22:00"]. */
export function windowsInBucket(windows: string[], bucket: number, bucketHours: number): string[] {
  const out: string[] = [];
  for (const [from, to] of windows.flatMap(windowSpans)) {
    const lo = Math.max(from, bucket * 60), hi = Math.min(to, (bucket + bucketHours) * 60);
    if (lo < hi) out.push(`${hhmm(lo)}-${hhmm(hi)}`);
  }
  return out;
}

/** A window's spans of one UTC day in minutes: two when it wraps midnight ("23:00-01:00"). */
function windowSpans(w: string): [number, number][] {
  const [from, to] = w.split("-").map((t) => {
    const [h, m] = t.split(":").map(Number);
    return h * 60 + m;
  });
  return from < to ? [[from, to]] : [[0, to], [from, 24 * 60]];
}

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/**
 * Thompson sampling turned into shares: the fraction of `draws` rounds in
 * which each arm's Beta draw is the highest, i.e. its chance of being best.
 */
export function thompsonShares(
  posteriors: { alpha: number; beta: number }[],
  draws: number,
  random: () => number,
): number[] {
  const wins = posteriors.map(() => 0);
  for (let d = 0; d < draws; d++) {
    let best = 0, bestValue = -1;
    for (const [i, p] of posteriors.entries()) {
      const v = betaSample(p.alpha, p.beta, random);
      if (v > bestValue) [best, bestValue] = [i, v];
    }
    wins[best]++;
  }
  return wins.map((w) => w / draws);
}

/** Mixes in exploration: every arm gets at least `floor`, or 1/n when n arms cannot all have it. */
export function withFloor(shares: number[], floor: number): number[] {
  const f = Math.min(floor, 1 / shares.length);
  const total = shares.reduce((s, x) => s + x, 0) || 1;
  return shares.map((s) => f + (1 - f * shares.length) * s / total);
}
