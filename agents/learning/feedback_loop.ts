import type { Agent, AgentResult, Context } from "../../core/agent.ts";
import { abTesting } from "./ab_testing.ts";
import { distil } from "./lessons.ts";
import { performanceAnalytics } from "./performance_analytics.ts";
import { strategyTuning } from "./strategy_tuning.ts";

const DAY = 86_400_000;

/**
 * One pass of the loop, in order: the daily performance series, then the
 * experiments (assignments and conclusions), then the tuning of the arm
 * weights the strategist reads, then the lessons the writer is given. Every
 * change lands in learning_changes with its before, after and evidence;
 * while learning is frozen nothing is changed, only measured.
 */
export const feedbackLoop: Agent = {
  name: "feedback-loop",
  phase: "learning",
  description: "Runs performance, experiments, tuning and lessons in order; audits every change.",
  async run(ctx) {
    const [snapshots, experiments, tuning] = [
      await performanceAnalytics.run(ctx),
      await abTesting.run(ctx),
      await strategyTuning.run(ctx),
    ];
    const lessons = await updateLessons(ctx);
    const d = experiments.details ?? {};
    const reweighted = frozen(tuning) ? "frozen" : `${tuning.written} re-weighted`;
    return {
      read: snapshots.read + experiments.read + tuning.read,
      written: snapshots.written + experiments.written + tuning.written + (lessons ?? 0),
      summary: `${snapshots.details?.days} days measured, ${d.assigned} assigned, ` +
        `${d.concluded} concluded, arms ${reweighted}, lessons ${lessons ?? "frozen"}`,
      details: { snapshots, experiments, tuning, lessons },
    };
  },
};

const frozen = (r: AgentResult) => r.summary.startsWith("frozen");

/** Rewrites the lessons that changed; null while frozen. */
async function updateLessons(ctx: Context): Promise<number | null> {
  const { store, clock, config } = ctx;
  if (await store.learning.frozen()) return null;
  const now = clock.now();
  const outcomes = await store.outcomes.between(now - config.learning.lookbackDays * DAY, now);
  const fresh = distil(outcomes, {
    minPosts: Math.ceil(config.learning.minObservations / 2),
    lookbackDays: config.learning.lookbackDays,
    hourBucketHours: config.learning.hourBucketHours,
  }, now);
  const old = new Map((await store.learning.lessons()).map((l) => [l.topic, l.text]));
  const changed = fresh.filter((l) => old.get(l.topic) !== l.text);
  await store.transaction(async (tx) => {
    for (const lesson of changed) {
      await tx.learning.saveLesson(lesson);
      await tx.learning.recordChange({
        kind: "lesson",
        subject: lesson.topic,
        before: old.get(lesson.topic) ?? null,
        after: lesson.text,
        evidence: lesson.evidence,
        reason: `${outcomes.length} measured posts over ${config.learning.lookbackDays} days`,
      }, now);
    }
  });
  return changed.length;
}
