/** Experiment statistics, from jstat's distributions; `compare` is what `creator ab stats` prints. */
import { chanceToWin, credibleInterval, expectedLoss } from "./bayesian.ts";
import { type Counts, differenceCi, rate, twoProportionZ } from "./frequentist.ts";

export * from "./bayesian.ts";
export * from "./frequentist.ts";
export * from "./sample_size.ts";

export interface Comparison {
  controlRate: number;
  variantRate: number;
  /** The variant's rate over the control's, minus 1 (0.25 is 25% better); null when control is 0. */
  lift: number | null;
  z: number;
  /** Pooled two-proportion z-test, two-sided, no continuity correction. */
  pValue: number;
  /** P(variant's rate > control's) under Beta(1, 1) priors, exact. */
  chanceToWin: number;
  /** The rate given up, on average, by choosing the variant. */
  expectedLoss: number;
  /** 95% Wald interval of the variant's rate minus the control's. */
  ci: { lower: number; upper: number };
  /** 95% credible intervals of each arm's rate. */
  credible: {
    control: { lower: number; upper: number };
    variant: { lower: number; upper: number };
  };
}

export function compare(control: Counts, variant: Counts): Comparison {
  for (const [name, c] of [["control", control], ["variant", variant]] as const) {
    if (
      !Number.isInteger(c.successes) || !Number.isInteger(c.trials) || c.trials <= 0 ||
      c.successes < 0 || c.successes > c.trials
    ) {
      throw new RangeError(
        `Cannot compare: the ${name} needs whole numbers with 0 <= successes <= trials and trials > 0, got ${c.successes}/${c.trials}.`,
      );
    }
  }
  const z = twoProportionZ(control, variant);
  const ci = differenceCi(control, variant);
  const strip = ({ lower, upper }: { lower: number; upper: number }) => ({ lower, upper });
  return {
    controlRate: rate(control),
    variantRate: rate(variant),
    lift: rate(control) === 0 ? null : rate(variant) / rate(control) - 1,
    z: z.z,
    pValue: z.pValue,
    chanceToWin: chanceToWin(control, variant),
    expectedLoss: expectedLoss(control, variant),
    ci: strip(ci),
    credible: {
      control: strip(credibleInterval(control)),
      variant: strip(credibleInterval(variant)),
    },
  };
}
