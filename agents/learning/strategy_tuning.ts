import type { Agent, Context } from "../../core/agent.ts";
import { tune } from "./tuning.ts";

const DAY = 86_400_000;

/**
 * Learns which format and posting hour work per platform and insight kind:
 * Thompson sampling over the measured posts of the last `lookbackDays`, with
 * an exploration floor, and no change until a choice has enough posts. The
 * strategist reads the weights; its caps and cooldowns still decide.
 */
export const strategyTuning: Agent = {
  name: "strategy-tuning",
  phase: "learning",
  description: "Tunes planning from what performed (Thompson sampling over format x hour).",
  async run(ctx) {
    const { store, clock, config, log } = ctx;
    const frozen = await store.learning.frozen();
    if (frozen) {
      log.info("learning is frozen: weights left as they are", { since: frozen.at });
      return { read: 0, written: 0, summary: "frozen: no weights changed" };
    }
    const now = clock.now();
    const outcomes = await store.outcomes.between(now - config.learning.lookbackDays * DAY, now);
    const { updates, waiting } = tune(outcomes, await store.learning.arms(), {
      ...config.learning,
      platforms: config.planning.platforms,
      windows: config.planning.windows,
    }, now);
    await saveUpdates(ctx, updates, now);
    const waits = Object.keys(waiting).length;
    if (waits) log.info("waiting for more measured posts", waiting);
    return {
      read: outcomes.length,
      written: updates.length,
      summary: `${outcomes.length} measured posts, ${updates.length} choices re-weighted` +
        (waits ? `, ${waits} waiting for ${config.learning.minObservations} posts` : ""),
      details: { updated: updates.map((u) => u.choice), waiting },
    };
  },
};

async function saveUpdates(ctx: Context, updates: ReturnType<typeof tune>["updates"], now: number) {
  await ctx.store.transaction(async (tx) => {
    for (const u of updates) {
      for (const arm of u.arms) await tx.learning.saveArm(arm);
      await tx.learning.recordChange({
        runId: null,
        kind: "arm_weights",
        subject: u.choice,
        before: u.before,
        after: u.after,
        evidence: u.evidence,
        reason: `re-weighted on ${u.evidence.posts} measured posts`,
      }, now);
    }
  });
}
