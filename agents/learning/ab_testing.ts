import type { Agent, Context } from "../../core/agent.ts";
import type { Experiment } from "../../storage/experiments.ts";
import { evaluate } from "./experiment_eval.ts";
import { applyVariant } from "./_apply_variant.ts";
import { pickWeighted, unitFor } from "./_random.ts";

/**
 * Runs the experiments a person started with `creator ab start`: gives each
 * new plan a variant (deterministically, from the test and plan ids, in
 * proportion to the variants' weights), then judges each running test on
 * its measured posts and concludes it when the stopping rule says so.
 */
export const abTesting: Agent = {
  name: "ab-testing",
  phase: "learning",
  description:
    "Runs A/B tests of post formats, hours and styles; concludes them by the stopping rule.",
  async run(ctx) {
    const running = await ctx.store.experiments.list("running");
    let assigned = 0, concluded = 0, measured = 0;
    for (const test of running) {
      assigned += await assignPlans(ctx, test);
      const outcome = await judge(ctx, test);
      measured += outcome.measured;
      if (outcome.concluded) concluded++;
    }
    return {
      read: measured,
      written: assigned + concluded,
      summary:
        `${running.length} running tests: ${assigned} plans assigned, ${concluded} concluded`,
      details: { running: running.length, assigned, concluded },
    };
  },
};

/** The variant a plan gets in a test: the same on every run and every instance. */
export function variantFor(test: Experiment, planId: number): number {
  const u = unitFor(`ab:${test.id}:${planId}`);
  return test.variants[pickWeighted(test.variants.map((v) => v.weight), u)].id;
}

async function assignPlans(ctx: Context, test: Experiment): Promise<number> {
  let n = 0;
  const now = ctx.clock.now();
  for (const plan of await ctx.store.experiments.unassignedPlans(test)) {
    const variantId = variantFor(test, plan.id);
    const variant = test.variants.find((v) => v.id === variantId)!;
    await ctx.store.transaction(async (tx) => {
      // Assign first: only the run that wins the plan changes it.
      if (!await tx.experiments.assign(test.id, variantId, plan.id, now)) return;
      if (!await applyVariant(ctx, tx, test, plan, variant)) throw new Unapplied();
      n++;
    }).catch((error) => {
      if (!(error instanceof Unapplied)) throw error;
      ctx.log.debug(`plan ${plan.id} left out of ${test.name}: no slot for ${variant.name}`);
    });
  }
  return n;
}

/** Rolls back an assignment whose variant could not be applied. */
class Unapplied extends Error {}

async function judge(ctx: Context, test: Experiment) {
  const { store, clock, log } = ctx;
  const outcomes = await store.experiments.outcomes(test.id);
  const { decision, result } = evaluate(
    test,
    outcomes,
    await store.experiments.assignmentCounts(test.id),
  );
  const frozen = decision.stop ? await store.learning.frozen() : null;
  if (!decision.stop || frozen) {
    await store.experiments.saveResult(test.id, result, frozen ? "frozen" : decision.reason);
    return { measured: outcomes.length, concluded: false };
  }
  const winner = decision.winner === null ? null : test.variants[decision.winner];
  const ended = await store.transaction(async (tx) => {
    await tx.experiments.saveResult(test.id, result, decision.reason);
    const ok = await tx.experiments.end(test.id, {
      status: "concluded",
      at: clock.now(),
      reason: decision.reason,
      winnerVariantId: winner?.id ?? null,
    });
    if (ok) {
      await tx.learning.recordChange({
        kind: "experiment",
        subject: test.name,
        before: { status: "running" },
        after: { status: "concluded", winner: winner?.name ?? null },
        evidence: result,
        reason: decision.reason,
      }, clock.now());
    }
    return ok;
  });
  if (ended) log.info(`experiment ${test.name} concluded: ${winner?.name ?? "no winner"}`);
  return { measured: outcomes.length, concluded: ended };
}
