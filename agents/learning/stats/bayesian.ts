/** The Bayesian beta-binomial view: chance to beat control, expected loss, credible intervals. */
import { betaInv, betaln } from "./_jstat.ts";
import type { Counts } from "./frequentist.ts";

/** Beta(alpha, beta); Beta(1, 1), the uniform prior, by default. */
export interface Prior {
  alpha: number;
  beta: number;
}

export const UNIFORM: Prior = { alpha: 1, beta: 1 };

/** Beyond this many terms the exact sum costs more than it is worth; see chanceToBeat. */
const EXACT_TERMS = 2_000_000;

/**
 * P(pB > pA) for pA ~ Beta(a1, b1) and pB ~ Beta(a2, b2), exactly, by Evan
 * Miller's closed form (a2 a whole number): a sum of a2 terms of beta functions.
 */
export function betaBeats(a1: number, b1: number, a2: number, b2: number): number {
  if (!Number.isInteger(a2) || a2 > EXACT_TERMS) {
    throw new RangeError(
      `Cannot compute the chance to win exactly: alpha ${a2} must be a whole number below ${EXACT_TERMS}.`,
    );
  }
  let total = 0;
  const base = betaln(a1, b1);
  for (let i = 0; i < a2; i++) {
    total += Math.exp(betaln(a1 + i, b1 + b2) - Math.log(b2 + i) - betaln(1 + i, b2) - base);
  }
  return Math.min(1, Math.max(0, total));
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
  // P(A' > B) = 1 - P(B > A'); P(A > B') = 1 - P(B' > A).
  const aWins = 1 - betaBeats(a1 + 1, b1, a2, b2);
  const aBeatsShiftedB = 1 - betaBeats(a1, b1, a2 + 1, b2);
  return Math.max(0, meanA * aWins - meanB * aBeatsShiftedB);
}

/** The equal-tailed credible interval of one arm's rate. */
export function credibleInterval(c: Counts, level = 0.95, prior = UNIFORM) {
  const [a, b] = posterior(c, prior);
  const tail = (1 - level) / 2;
  return { lower: betaInv(tail, a, b), upper: betaInv(1 - tail, a, b), level };
}
