import { type GroupStats, type RankedPost, summarize } from "../agents/audience/stats.ts";
import type { Context } from "../core/agent.ts";
import { money } from "./members.ts";
import type { Globals } from "./program.ts";
import { output, withSession } from "./session.ts";

/** `creator stats [--since 7d] [--json]`: how the posts of a window engaged, and the money. */
export function stats(g: Globals, flags: { since: number }): Promise<void> {
  return withSession(g, { mustExist: true }, async ({ ctx }) => {
    const posts = await ctx.store.engagementStats.posts(flags.since);
    const messages = await ctx.store.engagementStats.messages(flags.since);
    const report = summarize(flags.since, posts, messages);
    const revenue = await moneySince(ctx, flags.since);
    output(g, { ...report, money: revenue }, () => {
      const lines = [
        `since ${new Date(flags.since).toISOString()}: ${report.posts} posts, ` +
        `${report.measured} measured`,
      ];
      for (
        const [title, rows] of [
          ["platform", report.byPlatform],
          ["format", report.byFormat],
          ["hour (UTC)", report.byHour],
          ["insight", report.byInsight],
        ] as const
      ) lines.push("", ...table(title, rows));
      lines.push("", ...ranking("best", report.best), "", ...ranking("worst", report.worst));
      const heard = messages.reduce((a, m) => a + m.n, 0);
      const sent = messages.filter((m) => m.replyState === "sent").reduce((a, m) => a + m.n, 0);
      lines.push("", `messages: ${heard} received, ${sent} answered`);
      lines.push("", ...moneyLines(revenue));
      return lines.join("\n");
    });
  });
}

/** One group per line, within 80 columns; "n/a" where no platform gives the figure. */
function table(title: string, rows: GroupStats[]): string[] {
  const head = `${title.padEnd(20)} ${"posts".padStart(6)} ${"meas.".padStart(6)} ` +
    `${"engaged".padStart(8)} ${"avg".padStart(7)} ${"views".padStart(9)} ${"msgs".padStart(6)}`;
  if (!rows.length) return [head, "  (no posts)"];
  return [
    head,
    ...rows.map((r) =>
      `${r.key.slice(0, 20).padEnd(20)} ${String(r.posts).padStart(6)} ` +
      `${String(r.measured).padStart(6)} ${String(r.engagement).padStart(8)} ` +
      `${(r.average === null ? "-" : r.average.toFixed(1)).padStart(7)} ` +
      `${(r.impressions === null ? "n/a" : String(r.impressions)).padStart(9)} ` +
      `${String(r.messages).padStart(6)}`
    ),
  ];
}

function ranking(title: string, posts: RankedPost[]): string[] {
  if (!posts.length) return [`${title}: -`];
  return [
    `${title}:`,
    ...posts.map((p) =>
      `  ${String(p.engagement).padStart(6)}  ${p.platform.padEnd(8)} ` +
      `${p.headline.slice(0, 58)}`
    ),
  ];
}

/** Memberships over the same window, in integer cents per currency. */
async function moneySince(ctx: Context, from: number) {
  const to = ctx.clock.now();
  return {
    revenue: await ctx.store.revenue.since(from, to),
    churnedMembers: await ctx.store.revenue.churned(from, to),
    funnel: await ctx.store.conversions.funnel(from),
  };
}

function moneyLines(m: Awaited<ReturnType<typeof moneySince>>): string[] {
  const lines = ["money:"];
  if (!m.revenue.length) lines.push("  no subscriptions yet");
  for (const r of m.revenue) {
    lines.push(
      `  MRR ${money(r.mrrCents, r.currency)} from ${r.activeSubscriptions} subscriptions; ` +
        `${r.newSubscriptions} new, ${r.cancelled} cancelled`,
    );
  }
  lines.push(`  members whose access ended: ${m.churnedMembers}`);
  if (m.funnel.length) {
    lines.push("offers:");
    for (const f of m.funnel) lines.push(`  ${f.channel.padEnd(8)} ${f.state.padEnd(11)} ${f.n}`);
  }
  return lines;
}
