/**
 * Reference values: computed with SciPy 1.17 (scipy.stats) and R, the tools
 * the formulas are defined by. The z-test is statsmodels' `proportions_ztest`
 * (pooled, two-sided, no continuity correction), which is z = (p2 - p1) / sqrt(p(1-p)(1/n1+1/n2))
 * and 2 * norm.sf(|z|).
 */
import assert from "node:assert/strict";
import {
  chanceToWin,
  compare,
  credibleInterval,
  decide,
  expectedLoss,
  sampleRatioMismatch,
  sampleSizePerArm,
  twoProportionZ,
  welchT,
} from "./mod.ts";

const close = (actual: number, expected: number, tolerance: number) =>
  assert.ok(
    Math.abs(actual - expected) <= tolerance,
    `${actual} is not within ${tolerance} of ${expected}`,
  );

Deno.test("the z-test matches proportions_ztest for 120/1000 against 150/1000", () => {
  const r = twoProportionZ({ successes: 120, trials: 1000 }, { successes: 150, trials: 1000 });
  close(r.z, 1.963049807622355, 1e-9);
  close(r.pValue, 0.04964038686536878, 1e-9);
});

Deno.test("the z-test matches proportions_ztest for unequal arms", () => {
  const r = twoProportionZ({ successes: 200, trials: 2000 }, { successes: 260, trials: 2100 });
  close(r.z, 2.414558186049353, 1e-9);
  close(r.pValue, 0.015754306446143545, 1e-9);
});

Deno.test("small p-values keep their digits (tails, not 1 - cdf)", () => {
  const z = twoProportionZ({ successes: 1000, trials: 10000 }, { successes: 1300, trials: 10000 });
  close(z.z, 6.64944964228774, 1e-9);
  close(z.pValue / 2.941909787615463e-11, 1, 1e-5);
  const a = [1.0, 1.1, 0.9, 1.05, 0.95, 1.02, 0.98, 1.01];
  const b = [2.0, 2.1, 1.9, 2.05, 1.95, 2.02, 1.98, 2.01, 2.03, 1.97];
  const t = welchT(a, b);
  close(t.t, 36.029812144558214, 1e-9);
  close(t.pValue / 1.492557427243841e-15, 1, 1e-5);
});

Deno.test("Welch's t-test matches scipy ttest_ind(equal_var=False)", () => {
  const a = [0.021, 0.034, 0.018, 0.045, 0.029, 0.031, 0.024, 0.038];
  const b = [0.041, 0.052, 0.030, 0.047, 0.061, 0.039, 0.044, 0.058, 0.036, 0.050];
  const r = welchT(a, b);
  close(r.t, 3.5643559837516996, 1e-9);
  close(r.df, 15.607310389659464, 1e-9);
  close(r.pValue, 0.0026752943168626654, 1e-8);
});

Deno.test("the sample-ratio check matches scipy chisquare and flags p < 0.001", () => {
  const mild = sampleRatioMismatch([5000, 5200], [1, 1]);
  close(mild.chi2, 3.9215686274509802, 1e-9);
  close(mild.pValue, 0.0476703806561615, 1e-9);
  assert.equal(mild.flagged, false);
  const bad = sampleRatioMismatch([4800, 5200], [1, 1]);
  close(bad.chi2, 16, 1e-9);
  close(bad.pValue, 6.334248366623988e-05, 1e-10);
  assert.equal(bad.flagged, true);
  const three = sampleRatioMismatch([1000, 1010, 950], [1, 1, 1]);
  close(three.pValue, 0.3508848060416291, 1e-9);
});

Deno.test("the chance to win and expected loss match numerical integration of the posteriors", () => {
  // scipy: quad(B.pdf * A.cdf) = 0.975067836812144; 2e7 beta draws give loss 0.0001447.
  const control = { successes: 120, trials: 1000 }, variant = { successes: 150, trials: 1000 };
  close(chanceToWin(control, variant), 0.975067836812144, 1e-9);
  close(expectedLoss(control, variant), 0.00014474, 2e-6);
  // Choosing the control instead gives up about the difference in means.
  close(expectedLoss(variant, control), 0.0300839, 2e-5);
});

Deno.test("credible intervals are beta quantiles (scipy beta.ppf)", () => {
  const ci = credibleInterval({ successes: 150, trials: 1000 });
  close(ci.lower, 0.12923057, 1e-7);
  close(ci.upper, 0.17348707, 1e-7);
});

Deno.test("the sample size matches R's power.prop.test", () => {
  close(sampleSizePerArm(0.10, 0.12), 3840.847482436276, 1e-6);
  close(sampleSizePerArm(0.12, 0.15), 2035.6049565869541, 1e-6);
  assert.throws(() => sampleSizePerArm(0.1, 0.1), /must be between 0 and 1 and differ/);
});

Deno.test("compare() carries the calculator's fields and refuses impossible counts", () => {
  const r = compare({ successes: 120, trials: 1000 }, { successes: 150, trials: 1000 });
  close(r.lift ?? NaN, 0.25, 1e-12);
  close(
    r.ci.lower,
    0.03 - 1.959963984540054 * Math.sqrt(0.15 * 0.85 / 1000 + 0.12 * 0.88 / 1000),
    1e-9,
  );
  assert.ok(r.ci.upper > r.ci.lower);
  assert.throws(
    () => compare({ successes: 5, trials: 3 }, { successes: 1, trials: 3 }),
    /0 <= successes <= trials/,
  );
});

Deno.test("the stopping rule waits for the minimum sample, then names the winner", () => {
  const rule = { minSample: 1000, maxSample: 5000, winChance: 0.95, maxRelativeLoss: 0.01 };
  const early = decide(
    [{ successes: 12, trials: 100 }, { successes: 30, trials: 100 }],
    rule,
  );
  assert.equal(early.stop, false);
  const clear = decide(
    [{ successes: 120, trials: 1000 }, { successes: 190, trials: 1000 }],
    rule,
  );
  assert.deepEqual(clear.stop && clear.winner, 1);
  const flat = decide(
    [{ successes: 600, trials: 5000 }, { successes: 602, trials: 5000 }],
    rule,
  );
  assert.deepEqual(flat.stop && flat.winner, 0);
});

Deno.test("beyond the exact sum, the normal approximation agrees with it", () => {
  // 1.2M successes is past the exact limit; the same rates at 1/10 the size are exact.
  const big = chanceToWin({ successes: 1_200_000, trials: 10_000_000 }, {
    successes: 1_201_500,
    trials: 10_000_000,
  });
  const exact = chanceToWin({ successes: 120_000, trials: 1_000_000 }, {
    successes: 120_150,
    trials: 1_000_000,
  });
  // z = 1500 / sqrt(2 * 1e7 * .12 * .88) = 1.0323; and 150 / sqrt(2 * 1e6 * .12 * .88) = 0.3264.
  close(big, 0.849, 0.002);
  close(exact, 0.6279, 0.002);
});
