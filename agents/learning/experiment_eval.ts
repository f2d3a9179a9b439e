/** Turns an experiment's measured posts into statistics and a decision. */
import type { Experiment, VariantOutcome } from "../../storage/experiments.ts";
import {
  chanceToWin,
  type Counts,
  decide,
  type Decision,
  DEFAULT_RULE,
  expectedLoss,
  rate,
  sampleRatioMismatch,
  sampleSizePerArm,
  twoProportionZ,
  welchT,
} from "./stats/mod.ts";

export interface Evaluation {
  decision: Decision;
  /** Stored on the test and shown by `creator ab show`. */
  result: Record<string, unknown>;
}

/**
 * The engagement rate is judged on impressions (beta-binomial and the z-test);
 * engagements per post on posts (Welch's t-test). Either way a sample-ratio
 * mismatch in the assignments stops the test without a winner.
 */
export function evaluate(
  test: Experiment,
  outcomes: VariantOutcome[],
  assigned: Map<number, number>,
): Evaluation {
  const weights = test.variants.map((v) => v.weight);
  const srm = sampleRatioMismatch(test.variants.map((v) => assigned.get(v.id) ?? 0), weights);
  const rule = { ...DEFAULT_RULE, minSample: test.minSample, maxSample: test.minSample * 20 };
  return test.metric === "engagement_rate_24h"
    ? rateEvaluation(test, outcomes, srm, rule)
    : perPostEvaluation(test, outcomes, srm, rule);
}

type Srm = ReturnType<typeof sampleRatioMismatch>;

function rateEvaluation(
  test: Experiment,
  outcomes: VariantOutcome[],
  srm: Srm,
  rule: typeof DEFAULT_RULE,
): Evaluation {
  const counts: Counts[] = test.variants.map((v) => {
    const mine = outcomes.filter((o) =>
      o.variantId === v.id && o.impressions !== null && o.impressions > 0 && o.engagements !== null
    );
    return {
      successes: mine.reduce((s, o) => s + Math.min(o.engagements!, o.impressions!), 0),
      trials: mine.reduce((s, o) => s + o.impressions!, 0),
    };
  });
  const [control] = counts;
  const arms = test.variants.map((v, i) => ({
    variant: v.name,
    ...counts[i],
    rate: counts[i].trials ? counts[i].successes / counts[i].trials : null,
    ...(i === 0 || control.trials === 0 || counts[i].trials === 0 ? {} : {
      pValue: twoProportionZ(control, counts[i]).pValue,
      chanceToWin: chanceToWin(control, counts[i]),
      expectedLoss: expectedLoss(control, counts[i]),
    }),
  }));
  const decision: Decision = srm.flagged
    ? { stop: true, winner: null, reason: srmReason(srm) }
    : decide(counts, rule);
  // What the test needs to see a 20% lift on the control's rate (power 0.8, alpha 0.05).
  const base = rate(control);
  const neededPerArm = base > 0 && base < 0.8
    ? Math.ceil(sampleSizePerArm(base, base * 1.2))
    : null;
  return {
    decision,
    result: { metric: test.metric, srm, arms, neededPerArm, reason: decision.reason },
  };
}

function perPostEvaluation(
  test: Experiment,
  outcomes: VariantOutcome[],
  srm: Srm,
  rule: typeof DEFAULT_RULE,
): Evaluation {
  const values = test.variants.map((v) =>
    outcomes.filter((o) => o.variantId === v.id && o.engagements !== null).map((o) =>
      o.engagements!
    )
  );
  const mean = (xs: number[]) => xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null;
  const fewest = Math.min(...values.map((v) => v.length));
  const tests = values.map((v, i) =>
    i === 0 || fewest < 2 ? null : { variant: i, ...welchT(values[0], v) }
  );
  const arms = test.variants.map((v, i) => ({
    variant: v.name,
    posts: values[i].length,
    mean: mean(values[i]),
    ...(tests[i] ? { t: tests[i]!.t, df: tests[i]!.df, pValue: tests[i]!.pValue } : {}),
  }));
  let decision: Decision;
  if (srm.flagged) decision = { stop: true, winner: null, reason: srmReason(srm) };
  else if (fewest < rule.minSample) {
    decision = { stop: false, reason: `${fewest} of ${rule.minSample} posts in the smallest arm` };
  } else {
    // Bonferroni across variants: several comparisons against one control.
    const alpha = 0.05 / Math.max(1, values.length - 1);
    const best = tests.filter((t) => t && t.pValue < alpha && t.t > 0)
      .sort((a, b) => b!.t - a!.t)[0];
    decision = best
      ? {
        stop: true,
        winner: best.variant,
        reason: `higher engagements, p = ${best.pValue.toFixed(4)}`,
      }
      : fewest >= rule.maxSample
      ? { stop: true, winner: 0, reason: "no difference worth having: keep control" }
      : { stop: false, reason: "no variant significantly better yet" };
  }
  return { decision, result: { metric: test.metric, srm, arms, reason: decision.reason } };
}

const srmReason = (srm: Srm) =>
  `sample ratio mismatch in assignments (p = ${srm.pValue.toExponential(2)}): check assignment`;
