/**
 * The strategist's use of learned weights: for one insight and platform, a
 * format and an hour bucket drawn in proportion to the arm weights that
 * StrategyTuning wrote. Deterministic per (insight, platform), so a re-run
 * plans the same way. No weights yet: null, and the fixed rules apply.
 */
import type { Config } from "../../core/config.ts";
import type { Format, Platform } from "../../core/vocabulary.ts";
import type { ArmWeight } from "../../storage/learning.ts";
import { ANY_KIND, windowsInBucket } from "../learning/arms.ts";
import { pickWeighted, unitFor } from "../learning/_random.ts";

export interface LearnedPick {
  format: Format;
  hourBucket: number;
  /** The platform's windows cut down to the chosen bucket. */
  windows: string[];
}

export function learnedChooser(arms: ArmWeight[], config: Config) {
  const byChoice = Map.groupBy(arms, (a) => `${a.platform}/${a.insightKind}`);
  const bucketHours = config.learning.hourBucketHours;
  return (insightId: number, kind: string, platform: Platform): LearnedPick | null => {
    const set = byChoice.get(`${platform}/${kind}`) ?? byChoice.get(`${platform}/${ANY_KIND}`);
    if (!set?.length) return null;
    const arm = set[pickWeighted(set.map((a) => a.weight), unitFor(`${insightId}:${platform}`))];
    const windows = windowsInBucket(config.planning.windows[platform], arm.hourBucket, bucketHours);
    return windows.length ? { format: arm.format, hourBucket: arm.hourBucket, windows } : null;
  };
}
