import type { Agent, Context } from "../../core/agent.ts";
import type { DraftRequest, Writer } from "../../integrations/llm/mod.ts";
import type { Insight } from "../../storage/insights.ts";
import type { Plan } from "../../storage/plans.ts";
import { PLATFORM_LIMITS } from "../../integrations/publish/text_length.ts";
import { checkDraft, ensureDisclaimer } from "./content_guards.ts";

const BATCH = 50;

/**
 * Drafts each planned post with the configured writer (Claude, or the template
 * writer with no key) and accepts it only if it passes every guard; above all,
 * every number in it must be one of the insight's. A rejected draft is stored
 * with its reason and written again; after the last try the template writer,
 * whose numbers come straight from the facts, has the final word.
 */
export const contentCreation: Agent = {
  name: "content-creation",
  phase: "foundation",
  description: "Writes drafts with Claude (or templates without a key) and checks every number.",
  async run(ctx) {
    const items = await ctx.store.plans.awaitingDraft(BATCH);
    const writer = await ctx.integrations.writer();
    const template = await ctx.integrations.templateWriter();
    // Distilled lessons only: past posts themselves would be copied back.
    const lessons = await ctx.store.learning.lessons();
    let accepted = 0, rejected = 0, written = 0;
    for (const { plan, insight } of items) {
      if (ctx.signal.aborted) break;
      const mine = lessons.filter((l) => l.topic.startsWith(`${plan.platform}:`));
      const result = await draftPlan(ctx, plan, insight, writer, template, mine.map((l) => l.text));
      written += result.stored;
      if (result.accepted) accepted++;
      else rejected++;
    }
    return {
      read: items.length,
      written,
      summary: `${accepted} drafts accepted, ${rejected} plans rejected (writer: ${writer.name})`,
    };
  },
};

async function draftPlan(
  ctx: Context,
  plan: Plan,
  insight: Insight,
  writer: Writer,
  template: Writer,
  lessons: string[],
) {
  const { store, clock, config, log } = ctx;
  const request: DraftRequest = {
    insightType: insight.type,
    symbol: insight.symbol,
    headline: insight.headline,
    facts: insight.facts,
    platform: plan.platform,
    format: plan.format,
    maxLength: PLATFORM_LIMITS[plan.platform],
    disclaimer: config.content.disclaimer,
    ...(lessons.length ? { lessons } : {}),
  };
  const writers = writer === template ? [template] : [
    ...Array.from({ length: config.content.attempts }, () => writer),
    template,
  ];
  let stored = 0;
  for (const [i, w] of writers.entries()) {
    let parts: string[];
    let usage: unknown;
    try {
      const draft = await w.write(request, { signal: ctx.signal });
      parts = ensureDisclaimer(draft.parts, config.content.disclaimer, plan.platform);
      usage = draft.usage;
    } catch (error) {
      const reason = `${w.name} failed: ${(error as Error).message}`;
      log.warn(`draft for plan ${plan.id} not written`, { reason });
      request.previousRejection = undefined;
      await store.drafts.add({
        planId: plan.id,
        attempt: i + 1,
        writer: w.name,
        parts: [],
        status: "rejected",
        reason,
      }, clock.now());
      stored++;
      continue;
    }
    const verdict = checkDraft(parts, {
      platform: plan.platform,
      facts: insight.facts,
      disclaimer: config.content.disclaimer,
      linkAllowlist: config.content.linkAllowlist,
      symbol: insight.symbol ?? undefined,
    });
    const ok = verdict.ok;
    const reason = verdict.ok ? null : verdict.reason;
    await store.drafts.add(
      {
        planId: plan.id,
        attempt: i + 1,
        writer: w.name,
        parts,
        status: ok ? "accepted" : "rejected",
        reason,
        usage,
      },
      clock.now(),
    );
    stored++;
    if (ok) {
      await store.plans.setStatus(plan.id, "drafted");
      return { accepted: true, stored };
    }
    log.warn(`draft for plan ${plan.id} rejected`, { writer: w.name, reason });
    request.previousRejection = reason ?? undefined;
  }
  await store.plans.setStatus(plan.id, "rejected");
  return { accepted: false, stored };
}
