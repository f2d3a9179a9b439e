import type { Agent } from "../../core/agent.ts";
import { drawChart, type Drawn } from "./_draw_chart.ts";

const BATCH = 50;

/**
 * Draws a chart for every planned post whose insight rests on one series'
 * candles, and links it to the plan. The chart's text passes the same number
 * guard as the posts; the same data gives the same bytes, so a re-run adds
 * nothing. One render serves every platform's plan of an insight.
 */
export const imageGeneration: Agent = {
  name: "image-generation",
  phase: "audience",
  description: "Renders charts and visuals for chart posts.",
  async run(ctx) {
    const items = await ctx.store.images.awaitingImage(BATCH);
    if (items.length === 0) {
      return { read: 0, written: 0, summary: "no planned post needs a chart" };
    }
    const renderer = await ctx.integrations.charts();
    const done = new Map<number, Promise<Drawn | string>>();
    let attached = 0;
    const skipped: string[] = [];
    for (const item of items) {
      if (ctx.signal.aborted) break;
      if (!done.has(item.insight.id)) {
        done.set(item.insight.id, drawChart(ctx, renderer, item.insight));
      }
      const drawn = await done.get(item.insight.id)!;
      if (typeof drawn === "string") {
        skipped.push(`plan ${item.plan.id}: ${drawn}`);
        continue;
      }
      attached += await ctx.store.images.attach({
        planId: item.plan.id,
        draftId: item.draftId,
        imageId: drawn.imageId,
        kind: drawn.kind,
        alt: drawn.alt,
      }, ctx.clock.now());
    }
    if (skipped.length) ctx.log.info(`${skipped.length} plans without a chart`, { skipped });
    const charts = [...done.values()].length;
    return {
      read: items.length,
      written: attached,
      summary: `${attached} posts given a chart (${charts} insights drawn)` +
        (skipped.length ? `, ${skipped.length} without one` : ""),
      details: { attached, skipped },
    };
  },
};
