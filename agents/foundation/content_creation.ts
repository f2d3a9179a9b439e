import type { Agent, Context } from "../../core/agent.ts";
import type { DraftRequest, Writer } from "../../integrations/llm/mod.ts";
import type { Insight } from "../../storage/insights.ts";
import type { Plan } from "../../storage/plans.ts";
import { PLATFORM_LIMITS } from "../../integrations/publish/text_length.ts";
import { checkDraft, ensureDisclaimer } from "../guard/mod.ts";
import { formatsFor } from "./outgoing.ts";
import { renderPreviews } from "./preview.ts";
import { mapLimit } from "../../core/pool.ts";
import type { PendingPost } from "../../storage/posts.ts";
import type { PostStyle } from "../../core/vocabulary.ts";
import { applyStyle, styledLimit, styleProblems, writerLimit } from "./_post_style.ts";

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
    const template = await ctx.integrations.templateWriter();
    // A plan in an experiment of a style dimension is written in its variant's style.
    const styles = await ctx.store.experiments.stylesFor(items.map((i) => i.plan.id));
    const styleOf = (plan: Plan) => styles.get(plan.id) ?? {};
    if (ctx.dryRun) return previewDrafts(ctx, items, template, styleOf);
    const writer = await ctx.integrations.writer();
    // Distilled lessons only: past posts themselves would be copied back.
    const lessons = await ctx.store.learning.lessons();
    const lessonsFor = (plan: Plan) =>
      lessons.filter((l) => l.topic.startsWith(`${plan.platform}:`)).map((l) => l.text);
    // Each draft waits seconds on the writer: several are written at once.
    const results = await mapLimit(
      items,
      ctx.config.content.concurrency,
      async ({ plan, insight }) =>
        ctx.signal.aborted
          ? null
          : await draftPlan(ctx, plan, insight, styleOf(plan), writer, template, lessonsFor(plan)),
    );
    const done = results.filter((r) => r !== null);
    const accepted = done.filter((r) => r.accepted).length;
    return {
      read: items.length,
      written: done.reduce((n, r) => n + r.stored, 0),
      summary: `${accepted} drafts accepted, ${
        done.length - accepted
      } plans rejected (writer: ${writer.name})`,
    };
  },
};

/**
 * A dry run calls no paid writer and stores nothing: each plan awaiting a
 * draft is shown as the template writer words it, labelled as such, or in the
 * platform's own format when it has one.
 */
async function previewDrafts(
  ctx: Context,
  items: { plan: Plan; insight: Insight }[],
  template: Writer,
  styleOf: (plan: Plan) => PostStyle,
) {
  const now = ctx.clock.now();
  const pending: PendingPost[] = [];
  for (const { plan, insight } of items) {
    const style = styleOf(plan);
    const request = requestFor(ctx, plan, insight, style);
    const draft = await template.write(request, { signal: ctx.signal });
    const disclaimer = ctx.config.content.disclaimer;
    pending.push({
      planId: plan.id,
      platform: plan.platform,
      format: plan.format,
      scheduledAt: plan.scheduledAt,
      priority: plan.priority,
      insightId: insight.id,
      insightType: insight.type,
      headline: insight.headline,
      draftId: 0,
      parts: applyStyle(
        ensureDisclaimer(draft.parts, disclaimer, plan.platform),
        style,
        disclaimer,
      ),
      writer: `${template.name} (dry run: no paid writer called, not stored)`,
      status: null,
      attempts: 0,
    });
  }
  return {
    read: items.length,
    written: 0,
    summary: `dry run: ${items.length} plans shown as template drafts; nothing stored`,
    // A plan whose insight ContentRepurposing has formatted would go out in that format.
    details: {
      previews: renderPreviews(pending, now, new Map(), await formatsFor(ctx.store, pending)),
    },
  };
}

/** What the writer is asked for; an experiment's style lowers the limit by what it adds. */
function requestFor(ctx: Context, plan: Plan, insight: Insight, style: PostStyle): DraftRequest {
  const { opening, length } = style;
  return {
    ...(opening || length ? { style: { opening, length } } : {}),
    insightType: insight.type,
    symbol: insight.symbol,
    headline: insight.headline,
    facts: insight.facts,
    platform: plan.platform,
    format: plan.format,
    maxLength: writerLimit(PLATFORM_LIMITS[plan.platform], style, plan.platform),
    disclaimer: ctx.config.content.disclaimer,
  };
}

async function draftPlan(
  ctx: Context,
  plan: Plan,
  insight: Insight,
  style: PostStyle,
  writer: Writer,
  template: Writer,
  lessons: string[],
) {
  const { store, clock, config, log } = ctx;
  const request = requestFor(ctx, plan, insight, style);
  if (lessons.length) request.lessons = lessons;
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
      const disclaimer = config.content.disclaimer;
      parts = applyStyle(
        ensureDisclaimer(draft.parts, disclaimer, plan.platform),
        style,
        disclaimer,
      );
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
      insight,
      disclaimer: config.content.disclaimer,
      linkAllowlist: config.content.linkAllowlist,
      approximationPct: config.content.approximationPct,
      maxLength: styledLimit(PLATFORM_LIMITS[plan.platform], style),
    });
    const problems = [...verdict.problems, ...styleProblems(parts, style)];
    const ok = problems.length === 0;
    const reason = problems.join("; ") || null;
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
