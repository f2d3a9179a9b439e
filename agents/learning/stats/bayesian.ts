/** The Bayesian beta-binomial view: chance to beat control, expected loss, credible intervals. */
import { betaInv, betaln, normalCdf } from "./_jstat.ts";
import type { Counts } from "./frequentist.ts";

/** Beta(alpha, beta); Beta(1, 1), the uniform prior, by default. */
export interface Prior {
  alpha: number;
  beta: number;
}

export const UNIFORM: Prior = { alpha: 1, beta: 1 };

/** Beyond this many terms the exact sum is slow; the posteriors are then normal to any precision shown. */
const EXACT_TERMS = 1_000_000;

/**
 * P(pB > pA) for pA ~ Beta(a1, b1) and pB ~ Beta(a2, b2): exactly, by Evan
 * Miller's closed form (a sum of a2 terms of beta functions) when a2 is a
 * whole number below EXACT_TERMS, else by the normal approximation.
 */
export function betaBeats(a1: number, b1: number, a2: number, b2: number): number {
  if (!Number.isInteger(a2) || a2 > EXACT_TERMS) {
    const [m1, v1] = betaMoments(a1, b1), [m2, v2] = betaMoments(a2, b2);
    return normalCdf((m2 - m1) / Math.sqrt(v1 + v2));
  }
  let total = 0;
  const base = betaln(a1, b1);
  for (let i = 0; i < a2; i++) {
    total += Math.exp(betaln(a1 + i, b1 + b2) - Math.log(b2 + i) - betaln(1 + i, b2) - base);
  }
  return Math.min(1, Math.max(0, total));
}

function betaMoments(a: number, b: number): [number, number] {
  return [a / (a + b), a * b / ((a + b) ** 2 * (a + b + 1))];
}

function posterior(c: Counts, prior: Prior): [number, number] {
  return [prior.alpha + c.successes, prior.beta + c.trials - c.successes];
}

/** The probability that the variant's true rate beats the control's. */
export function chanceToWin(control: Counts, variant: Counts, prior = UNIFORM): number {
  const [a1, b1] = posterior(control, prior);
  const [a2, b2] = posterior(variant, prior);
  return betaBeats(a1, b1, a2, b2);
}

/**
 * E[max(pControl - pVariant, 0)]: the rate given up, on average, by choosing
 * the variant. Exact: E[pA 1{pA > pB}] is mean(A) times P(A' > B) with A'
 * ~ Beta(a1 + 1, b1), and likewise for pB.
 */
export function expectedLoss(control: Counts, variant: Counts, prior = UNIFORM): number {
  const [a1, b1] = posterior(control, prior);
  const [a2, b2] = posterior(variant, prior);
  const meanA = a1 / (a1 + b1), meanB = a2 / (a2 + b2);
  // Each as a sum of its own, not 1 - P(...): near certainty that would cancel to noise.
  const aWins = betaBeats(a2, b2, a1 + 1, b1);
  const aBeatsShiftedB = betaBeats(a2 + 1, b2, a1, b1);
  return Math.max(0, meanA * aWins - meanB * aBeatsShiftedB);
}

/** The equal-tailed credible interval of one arm's rate. */
export function credibleInterval(c: Counts, level = 0.95, prior = UNIFORM) {
  const [a, b] = posterior(c, prior);
  const tail = (1 - level) / 2;
  return { lower: betaInv(tail, a, b), upper: betaInv(1 - tail, a, b), level };
}
