/** Frequentist tests: two proportions (z), two means (Welch's t), and the sample ratio (chi-square). */
import { chiSquareCdf, normalInv, normalTwoSided, studentTTwoSided } from "./_jstat.ts";

/** Successes out of trials, e.g. engagements out of impressions. */
export interface Counts {
  successes: number;
  trials: number;
}

export interface ZTest {
  z: number;
  /** Two-sided. */
  pValue: number;
}

/**
 * The pooled two-proportion z-test without continuity correction, two-sided:
 * what statsmodels' `proportions_ztest` computes. Positive z: the variant is higher.
 */
export function twoProportionZ(control: Counts, variant: Counts): ZTest {
  const pooled = (control.successes + variant.successes) / (control.trials + variant.trials);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / control.trials + 1 / variant.trials));
  const diff = rate(variant) - rate(control);
  if (se === 0) return { z: 0, pValue: 1 };
  const z = diff / se;
  return { z, pValue: normalTwoSided(z) };
}

/** The Wald interval of the variant's rate minus the control's (unpooled standard error). */
export function differenceCi(control: Counts, variant: Counts, level = 0.95) {
  const [pc, pv] = [rate(control), rate(variant)];
  const se = Math.sqrt(pc * (1 - pc) / control.trials + pv * (1 - pv) / variant.trials);
  const half = normalInv(1 - (1 - level) / 2) * se;
  return { lower: pv - pc - half, upper: pv - pc + half, level };
}

export function rate(c: Counts): number {
  return c.trials === 0 ? 0 : c.successes / c.trials;
}

export interface TTest {
  t: number;
  df: number;
  pValue: number;
}

/** Welch's t-test (unequal variances), two-sided: scipy's `ttest_ind(b, a, equal_var=False)`. */
export function welchT(control: number[], variant: number[]): TTest {
  if (control.length < 2 || variant.length < 2) {
    throw new RangeError(
      `Cannot run Welch's t-test: each group needs 2 values or more, got ${control.length} and ${variant.length}.`,
    );
  }
  const [ma, va, na] = moments(control);
  const [mb, vb, nb] = moments(variant);
  const [sa, sb] = [va / na, vb / nb];
  if (sa + sb === 0) return { t: 0, df: na + nb - 2, pValue: 1 };
  const t = (mb - ma) / Math.sqrt(sa + sb);
  const df = (sa + sb) ** 2 / (sa ** 2 / (na - 1) + sb ** 2 / (nb - 1));
  return { t, df, pValue: studentTTwoSided(t, df) };
}

/** Mean, sample variance (n - 1) and count. */
function moments(xs: number[]): [number, number, number] {
  const n = xs.length;
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
  return [mean, variance, n];
}

/** Below this p-value the split is not what was planned: the experiment's data is suspect. */
export const SRM_THRESHOLD = 0.001;

export interface SrmCheck {
  chi2: number;
  pValue: number;
  flagged: boolean;
}

/**
 * The sample-ratio-mismatch check: a chi-square goodness-of-fit test of the
 * observed counts per variant against the planned weights.
 */
export function sampleRatioMismatch(observed: number[], weights: number[]): SrmCheck {
  const total = observed.reduce((s, n) => s + n, 0);
  const weightSum = weights.reduce((s, w) => s + w, 0);
  if (total === 0 || observed.length < 2) return { chi2: 0, pValue: 1, flagged: false };
  let chi2 = 0;
  for (const [i, n] of observed.entries()) {
    const expected = total * weights[i] / weightSum;
    chi2 += (n - expected) ** 2 / expected;
  }
  const pValue = 1 - chiSquareCdf(chi2, observed.length - 1);
  return { chi2, pValue, flagged: pValue < SRM_THRESHOLD };
}
