/** Text for `creator ab show` and `creator ab stats`, within 80 columns. */
import type { Comparison, Counts } from "../agents/learning/stats/mod.ts";
import type { Experiment } from "../storage/experiments.ts";

const pct = (x: number, digits = 2) => `${(x * 100).toFixed(digits)}%`;
const pValue = (p: number) => p === 0 ? "< 1e-300" : p < 1e-4 ? p.toExponential(2) : p.toFixed(4);
const signed = (x: number, digits = 2) => `${x >= 0 ? "+" : ""}${pct(x, digits)}`;

export function renderComparison(control: Counts, variant: Counts, r: Comparison): string {
  return [
    `control  ${control.successes}/${control.trials}  ${pct(r.controlRate)}`,
    `variant  ${variant.successes}/${variant.trials}  ${pct(r.variantRate)}` +
    (r.lift === null ? "" : `  lift ${signed(r.lift, 1)}`),
    `z-test   z = ${r.z.toFixed(3)}, p = ${pValue(r.pValue)} (pooled, two-sided)`,
    `Bayes    chance to win ${pct(r.chanceToWin, 1)}, expected loss ${
      r.expectedLoss.toPrecision(3)
    } (Beta(1,1) priors)`,
    `95% CI of the difference: ${signed(r.ci.lower)} to ${signed(r.ci.upper)}`,
  ].join("\n");
}

export function renderExperiment(t: Experiment, assigned: Map<number, number>): string {
  const lines = [
    `${t.name}: ${t.status}, ${t.dimension} on ${
      t.platform ?? "every platform"
    }, metric ${t.metric}`,
    `started ${new Date(t.startedAt).toISOString()}` +
    (t.endedAt ? `, ended ${new Date(t.endedAt).toISOString()}` : "") +
    `; decides after ${t.minSample} trials per arm`,
  ];
  const arms = (t.result.arms ?? []) as Record<string, unknown>[];
  for (const v of t.variants) {
    const a = arms.find((x) => x.variant === v.name) ?? {};
    const figures = [
      `${assigned.get(v.id) ?? 0} plans`,
      a.trials !== undefined
        ? `${a.successes}/${a.trials}`
        : a.posts !== undefined
        ? `${a.posts} posts`
        : "",
      typeof a.rate === "number" ? pct(a.rate) : "",
      typeof a.chanceToWin === "number" ? `win ${pct(a.chanceToWin, 1)}` : "",
      typeof a.pValue === "number" ? `p ${a.pValue.toFixed(4)}` : "",
    ].filter(Boolean);
    const mark = v.id === t.winnerVariantId ? " (winner)" : v.isControl ? " (control)" : "";
    lines.push(`  ${(v.name + mark).padEnd(22)} ${figures.join(", ")}`);
  }
  const srm = t.result.srm as { pValue: number; flagged: boolean } | undefined;
  if (srm) {
    lines.push(`  sample ratio: p = ${srm.pValue.toPrecision(3)}${srm.flagged ? " MISMATCH" : ""}`);
  }
  const needed = t.result.neededPerArm;
  if (typeof needed === "number") {
    lines.push(`  a 20% lift on the control's rate needs about ${needed} impressions per arm`);
  }
  if (t.reason) lines.push(`  ${t.reason}`);
  return lines.join("\n");
}
