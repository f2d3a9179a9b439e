/** How many observations an experiment needs, and when it may stop. */
import { normalInv } from "./_jstat.ts";
import { chanceToWin, expectedLoss } from "./bayesian.ts";
import { type Counts, rate } from "./frequentist.ts";

/**
 * Observations per arm to detect a change from rate `p1` to `p2` with a
 * two-sided test at `alpha` and the given power: the normal-approximation
 * formula R's `power.prop.test` solves (no continuity correction).
 */
export function sampleSizePerArm(p1: number, p2: number, alpha = 0.05, power = 0.8): number {
  if (!(p1 > 0 && p1 < 1 && p2 > 0 && p2 < 1) || p1 === p2) {
    throw new RangeError(
      `Cannot size an experiment for rates ${p1} and ${p2}: both must be between 0 and 1 and differ.`,
    );
  }
  const za = normalInv(1 - alpha / 2), zb = normalInv(power);
  const mean = (p1 + p2) / 2;
  const n = (za * Math.sqrt(2 * mean * (1 - mean)) +
        zb * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) ** 2 / (p2 - p1) ** 2;
  return n;
}

export interface StoppingRule {
  /** No decision before every arm has this many trials. */
  minSample: number;
  /** Past this many trials in every arm, stop: any difference left is too small to matter. */
  maxSample: number;
  /** A variant wins when its chance to beat control reaches this... */
  winChance: number;
  /** ...and choosing it would give up less than this share of the control's rate. */
  maxRelativeLoss: number;
}

export const DEFAULT_RULE: StoppingRule = {
  minSample: 1000,
  maxSample: 20_000,
  winChance: 0.95,
  maxRelativeLoss: 0.01,
};

export type Decision =
  | { stop: false; reason: string }
  | { stop: true; winner: number | null; reason: string };

/**
 * Applies the rule to a control (index 0) and its variants. The caller checks
 * the sample ratio first (on assignments, not on impressions, which differ
 * from post to post by nature).
 */
export function decide(arms: Counts[], rule = DEFAULT_RULE): Decision {
  const fewest = Math.min(...arms.map((a) => a.trials));
  if (fewest < rule.minSample) {
    return { stop: false, reason: `${fewest} of ${rule.minSample} trials in the smallest arm` };
  }
  const [control, ...variants] = arms;
  const scored = variants.map((v, i) => ({
    index: i + 1,
    chance: chanceToWin(control, v),
    loss: expectedLoss(control, v),
  })).sort((a, b) => b.chance - a.chance);
  const best = scored[0];
  if (best.chance >= rule.winChance && best.loss < rule.maxRelativeLoss * rate(control)) {
    return { stop: true, winner: best.index, reason: winText(best.chance) };
  }
  if (scored.every((s) => s.chance <= 1 - rule.winChance)) {
    return { stop: true, winner: 0, reason: "control beats every variant" };
  }
  if (fewest >= rule.maxSample) {
    return { stop: true, winner: 0, reason: "no difference worth having: keep control" };
  }
  return { stop: false, reason: `best variant ${winText(best.chance)}, not yet decisive` };
}

const winText = (chance: number) => `beats control with ${(chance * 100).toFixed(1)}% chance`;
