/**
 * One insight's chart, drawn from its stored candles and kept once by its
 * content: what ImageGeneration gives public posts and ExclusiveContent gives
 * premium ones. Its text passes the same number guard as the posts.
 */
import type { Context } from "../../core/agent.ts";
import type { ChartRenderer } from "../../integrations/charts/mod.ts";
import type { Insight } from "../../storage/insights.ts";
import { unbackedClaims } from "../guard/mod.ts";
import {
  exchangeOf,
  lastCandleTime,
  planChart,
  VISIBLE_CANDLES,
  WARMUP_CANDLES,
} from "./_chart_spec.ts";

export interface Drawn {
  imageId: number;
  kind: string;
  alt: string;
}

/** Renders and stores one insight's chart, or says why there is none. */
export async function drawChart(
  ctx: Context,
  renderer: ChartRenderer,
  insight: Insight,
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
