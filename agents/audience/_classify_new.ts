/** Classifies what intake stored, decides on a reply, and notes who asked us to stop. */
import type { Context } from "../../core/agent.ts";
import type { Classification } from "../../core/vocabulary.ts";
import { asksToStop, classifyByRules, type Verdict } from "./_classify.ts";
import { decideReply } from "./_reply_policy.ts";

/** What each class adds to its author's engagement score. */
const POINTS: Record<Classification, number> = {
  question: 3,
  praise: 2,
  criticism: 1,
  other: 1,
  fud: 0,
  spam: 0,
  scam: 0,
};

export async function classifyNew(ctx: Context): Promise<Record<string, number>> {
  const { store, clock, config, log } = ctx;
  const score = await ctx.integrations.scoreSentiment();
  const model = await ctx.integrations.classifier();
  let modelFailed = false;
  const tally: Record<string, number> = {};
  // Who asked to stop in this very batch: their later messages are loaded already.
  const stopped = new Set<number>();
  for (const m of await store.interactions.unclassified()) {
    if (ctx.signal.aborted) break;
    let verdict: Verdict = classifyByRules(m.text, score(m.text));
    if (verdict.classification === "other" && model && !modelFailed) {
      try {
        verdict = await model.classify(m.text, { signal: ctx.signal });
      } catch (error) {
        // One warning, then the rules alone for the rest of the run.
        modelFailed = true;
        log.warn("claude could not classify messages; rules only this run", {
          error: (error as Error).message,
        });
      }
    }
    const now = clock.now();
    const optedOut = m.optedOut || stopped.has(m.userId);
    let decision = decideReply({ ...m, optedOut }, verdict.classification, config.engagement, now);
    if (asksToStop(m.text)) {
      await store.community.optOut(m.platform, m.authorId, now);
      stopped.add(m.userId);
      decision = { reply: false, reason: "the author asked us to stop" };
    }
    await store.interactions.classify(m.id, {
      classification: verdict.classification,
      reason: verdict.reason,
      reply: decision.reply,
      replyReason: decision.reason,
    });
    await store.community.addScore(m.userId, POINTS[verdict.classification]);
    tally[verdict.classification] = (tally[verdict.classification] ?? 0) + 1;
  }
  return tally;
}
