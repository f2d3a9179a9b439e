/**
 * The distribution functions the statistics use, typed, from jstat (a
 * maintained library): hand-written distributions are where such code goes wrong.
 */
import jStatModule from "jstat";

interface JStat {
  betaln(a: number, b: number): number;
  erfc(x: number): number;
  ibeta(x: number, a: number, b: number): number;
  normal: {
    cdf(x: number, mean: number, sd: number): number;
    inv(p: number, m: number, sd: number): number;
  };
  chisquare: { cdf(x: number, df: number): number };
  beta: { inv(p: number, a: number, b: number): number; sample(a: number, b: number): number };
  setRandom(fn: () => number): void;
}

const jStat = jStatModule as unknown as JStat;

export const betaln = (a: number, b: number): number => jStat.betaln(a, b);
/**
 * Two-sided tail probabilities computed on the tail itself, so tiny p-values
 * keep their digits instead of cancelling in 1 - cdf.
 */
export const normalTwoSided = (z: number): number => jStat.erfc(Math.abs(z) / Math.SQRT2);
export const studentTTwoSided = (t: number, df: number): number =>
  jStat.ibeta(df / (df + t * t), df / 2, 0.5);
export const normalCdf = (x: number): number => jStat.normal.cdf(x, 0, 1);
export const normalInv = (p: number): number => jStat.normal.inv(p, 0, 1);
export const chiSquareCdf = (x: number, df: number): number => jStat.chisquare.cdf(x, df);
export const betaInv = (p: number, a: number, b: number): number => jStat.beta.inv(p, a, b);

/**
 * One Beta(a, b) draw with jstat's sampler, fed by `random` so runs can be
 * replayed: jstat keeps its source of randomness globally, so it is put back
 * before returning (nothing else runs in between on this single thread).
 */
export function betaSample(a: number, b: number, random: () => number): number {
  jStat.setRandom(random);
  try {
    return jStat.beta.sample(a, b);
  } finally {
    jStat.setRandom(Math.random);
  }
}
