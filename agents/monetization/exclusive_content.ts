import type { Agent, Context } from "../../core/agent.ts";
import { MEMBER_PLATFORMS, type MemberPlatform } from "../../core/vocabulary.ts";
import type { Insight } from "../../storage/insights.ts";
import type { PremiumPost } from "../../storage/premium.ts";

const HOUR = 3_600_000;
/** Premium posts cover this much of the latest analysis; one per symbol per window. */
const WINDOW_MS = 6 * HOUR;
/** A deep dive needs more than one insight about its symbol. */
const MIN_INSIGHTS = 2;

/**
 * Writes members-only deep dives (every timeframe and insight about a symbol
 * in the last window) and sends them to the members' places only. Premium
 * posts live in their own table, which public Publishing never reads, and go
 * out only through the members' publisher, after the platform itself
 * confirmed the place is closed to the public.
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
    let planned = 0;
    for (const [symbol, list] of bySymbol) {
      if (list.length < MIN_INSIGHTS) continue;
      const parts = [deepDive(symbol, list, ctx.config.content.disclaimer)];
      for (const destination of places) {
        const post = { destination, symbol, windowStart, insightIds: list.map((i) => i.id), parts };
        if (await ctx.store.premium.add(post, now)) planned++;
      }
    }
    if (ctx.dryRun) {
      return { read: bySymbol.size, written: planned, summary: `${planned} premium posts planned` };
    }
    const sent = await sendPending(ctx);
    return {
      read: bySymbol.size,
      written: planned + sent.sent,
      summary: `${planned} premium posts planned, ${sent.sent} sent` +
        (sent.refused ? `, ${sent.refused} refused (members' place not private)` : ""),
      details: sent,
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

async function sendPending(ctx: Context) {
  const out = { sent: 0, refused: 0 };
  const ready = new Map<MemberPlatform, boolean>();
  for (const post of await ctx.store.premium.pending()) {
    if (ctx.signal.aborted) break;
    if (!ready.has(post.destination)) ready.set(post.destination, await isPrivate(ctx, post));
    if (!ready.get(post.destination)) {
      await ctx.store.premium.finish(
        post.id,
        { error: "members' place is not private" },
        ctx.clock.now(),
      );
      out.refused++;
      continue;
    }
    if (!await ctx.store.premium.reserve(post.id, ctx.instance)) continue;
    const publisher = await ctx.integrations.membersPublisher(post.destination);
    if ("missing" in publisher) throw new Error(publisher.missing);
    const ref = await publisher.publish({
      key: `premium-${post.id}`,
      platform: post.destination,
      parts: post.parts,
    });
    await ctx.store.premium.finish(post.id, { externalId: ref.externalId }, ctx.clock.now());
    out.sent++;
  }
  return out;
}

/** Both the address (wiring) and the platform (a live check) must say private. */
async function isPrivate(ctx: Context, post: PremiumPost): Promise<boolean> {
  const publisher = await ctx.integrations.membersPublisher(post.destination);
  const access = await ctx.integrations.access(post.destination);
  if ("missing" in publisher || "missing" in access) {
    ctx.log.error(`premium posts for ${post.destination} refused`, {
      reason: "missing" in publisher ? publisher.missing : (access as { missing: string }).missing,
    });
    return false;
  }
  const closed = await access.placeIsPrivate();
  if (!closed) ctx.log.error(`the members' place on ${post.destination} is public: nothing sent`);
  return closed;
}
