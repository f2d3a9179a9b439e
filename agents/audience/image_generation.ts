import type { Agent, Context } from "../../core/agent.ts";
import type { ChartRenderer } from "../../integrations/charts/mod.ts";
import type { AwaitingImage } from "../../storage/images.ts";
import { unbackedClaims } from "../guard/mod.ts";
import {
  exchangeOf,
  lastCandleTime,
  planChart,
  VISIBLE_CANDLES,
  WARMUP_CANDLES,
} from "./_chart_spec.ts";

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
      if (!done.has(item.insight.id)) done.set(item.insight.id, draw(ctx, renderer, item));
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

interface Drawn {
  imageId: number;
  kind: string;
  alt: string;
}

/** Renders and stores one insight's chart, or says why there is none. */
async function draw(
  ctx: Context,
  renderer: ChartRenderer,
  { insight }: AwaitingImage,
): Promise<Drawn | string> {
  const last = lastCandleTime(insight);
  if (!insight.symbol || !insight.timeframe || last === undefined) {
    return "the insight names no series";
  }
  const key = {
    exchange: exchangeOf(insight),
    symbol: insight.symbol,
    timeframe: insight.timeframe,
  };
  const history = await ctx.store.marketData.candles(key, VISIBLE_CANDLES + WARMUP_CANDLES, last);
  const plan = planChart(insight, history);
  if ("skip" in plan) return plan.skip;
  const { spec } = plan;
  // The footer's date and the title's timeframe are labels, not claims about the market
  // (the guard knows the insight's own symbol already).
  const allowed = [spec.footer, spec.title];
  const invented = [spec.subtitle, ...spec.levels.map((l) => l.label), plan.alt]
    .flatMap((text) => unbackedClaims(text, insight, allowed));
  if (invented.length) return `chart text has numbers not in the facts: ${invented.join(", ")}`;
  const rendered = await renderer.render(spec);
  const sha256 = await sha256Hex(rendered.png);
  const meta = { sha256, mime: "image/png", width: rendered.width, height: rendered.height };
  const imageId = await ctx.store.images.save(rendered.png, meta, ctx.clock.now());
  ctx.log.debug(`chart for insight ${insight.id}`, { sha256, bytes: rendered.png.byteLength });
  return { imageId, kind: plan.kind, alt: plan.alt };
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new Uint8Array(bytes)));
  return [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
}
