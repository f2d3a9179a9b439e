/**
 * The chart a members' deep dive goes out with: the one ImageGeneration drew
 * for the most important of its insights that has one, else one drawn now the
 * same way. None when no insight of it rests on stored candles; a chart that
 * cannot be drawn never holds the post back.
 */
import type { Context } from "../../core/agent.ts";
import { CHART_TYPES, type ChartRef } from "../../storage/images.ts";
import type { Insight } from "../../storage/insights.ts";
import { drawChart } from "../audience/_draw_chart.ts";

/** `insights` most important first, as the deep dive lists them. */
export async function chartFor(ctx: Context, insights: Insight[]): Promise<ChartRef | null> {
  const drawn = await ctx.store.images.chartsOf(insights.map((i) => i.id));
  for (const insight of insights) {
    const chart = drawn.get(insight.id);
    if (chart) return chart;
  }
  const chartable = insights.filter((i) =>
    i.timeframe && (CHART_TYPES as readonly string[]).includes(i.type)
  );
  if (chartable.length === 0) return null;
  try {
    const renderer = await ctx.integrations.charts();
    for (const insight of chartable) {
      const made = await drawChart(ctx, renderer, insight);
      if (typeof made !== "string") return { imageId: made.imageId, alt: made.alt };
      ctx.log.debug(`no premium chart from insight ${insight.id}: ${made}`);
    }
  } catch (error) {
    ctx.log.warn(`premium post for ${insights[0].symbol} goes without a chart`, {
      error: (error as Error).message,
    });
  }
  return null;
}
