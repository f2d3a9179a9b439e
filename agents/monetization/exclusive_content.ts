import type { Agent, Context } from "../../core/agent.ts";
import { MEMBER_PLATFORMS, type MemberPlatform } from "../../core/vocabulary.ts";
import type { Insight } from "../../storage/insights.ts";
import { chartFor } from "./_premium_chart.ts";
import { sendPremium } from "./_premium_send.ts";

const HOUR = 3_600_000;
/** Premium posts cover this much of the latest analysis; one per symbol per window. */
const WINDOW_MS = 6 * HOUR;
/** A deep dive needs more than one insight about its symbol. */
const MIN_INSIGHTS = 2;

/**
 * Writes members-only deep dives (every timeframe and insight about a symbol
 * in the last window, with a chart where one can be drawn) and sends them to
 * the members' places only. Premium posts live in their own table, which
 * public Publishing never reads, and go out only through the members'
 * publisher, after the platform itself confirmed the place is closed to the
 * public. A dry run plans nothing and sends nothing.
 */
export const exclusiveContent: Agent = {
  name: "exclusive-content",
  phase: "monetization",
  description: "Writes and posts premium content for members.",
  async run(ctx) {
    const now = ctx.clock.now();
    const windowStart = now - (now % WINDOW_MS);
    const bySymbol = group(await ctx.store.premium.insightsSince(windowStart));
    const places = MEMBER_PLATFORMS.filter((p) => configured(ctx, p));
    const done = await ctx.store.premium.plannedSymbols(windowStart);
    let planned = 0;
    for (const [symbol, list] of bySymbol) {
      // Planned once per window: a later run in it draws no chart again.
      if (list.length < MIN_INSIGHTS || done.has(symbol) || places.length === 0) continue;
      if (ctx.dryRun) {
        planned += places.length;
        continue;
      }
      const parts = [deepDive(symbol, list, ctx.config.content.disclaimer)];
      const image = await chartFor(ctx, list);
      for (const destination of places) {
        const insightIds = list.map((i) => i.id);
        const post = { destination, symbol, windowStart, insightIds, parts, image };
        if (await ctx.store.premium.add(post, now)) planned++;
      }
    }
    if (ctx.dryRun) {
      const summary = `${planned} premium posts would be planned (dry run)`;
      return { read: bySymbol.size, written: 0, summary };
    }
    const sent = await sendPremium(ctx);
    const more = [
      sent.refused ? `${sent.refused} refused (members' place not private)` : "",
      sent.failed ? `${sent.failed} refused by the platform` : "",
      sent.deferred ? `${sent.deferred} deferred` : "",
      sent.ambiguous ? `${sent.ambiguous} awaiting reconciliation` : "",
      sent.reconciled ? `${sent.reconciled} reconciled` : "",
    ].filter(Boolean);
    return {
      read: bySymbol.size,
      written: planned + sent.sent + sent.reconciled,
      summary: [`${planned} premium posts planned, ${sent.sent} sent`, ...more].join(", "),
      details: { ...sent },
    };
  },
};

function configured(ctx: Context, p: MemberPlatform): boolean {
  const m = ctx.config.membership;
  return p === "telegram" ? !!m.telegramChatId : !!m.discordChannelId;
}

function group(insights: Insight[]): Map<string, Insight[]> {
  const out = new Map<string, Insight[]>();
  for (const i of insights) out.set(i.symbol!, [...out.get(i.symbol!) ?? [], i]);
  return out;
}

/** Every insight of the window, by timeframe: more depth than any public post carries. */
export function deepDive(symbol: string, list: Insight[], disclaimer: string): string {
  const timeframes = [...new Set(list.map((i) => i.timeframe ?? "news"))];
  const lines = list.map((i) => `• [${i.timeframe ?? "news"}] ${i.headline}`);
  return [`Members' deep dive: ${symbol} across ${timeframes.join(", ")}`, ...lines, disclaimer]
    .join("\n");
}
