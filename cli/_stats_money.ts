/** The money part of `creator stats`, in integer cents. */
import type { Context } from "../core/agent.ts";
import type { Revenue } from "../storage/revenue.ts";
import { money } from "./members.ts";

export interface MoneyReport {
  revenue: Revenue[];
  /** Members whose access ended in the window, for whatever reason. */
  churnedMembers: number;
  funnel: Array<{ channel: string; state: string; n: number }>;
}

export async function moneyReport(ctx: Context, since: number): Promise<MoneyReport> {
  const to = ctx.clock.now();
  return {
    revenue: await ctx.store.revenue.since(since, to),
    churnedMembers: await ctx.store.revenue.churned(since, to),
    funnel: await ctx.store.conversions.funnel(since),
  };
}

export function moneyLines(r: MoneyReport): string[] {
  const lines = ["money:"];
  if (!r.revenue.length) lines.push("  no subscriptions yet");
  for (const m of r.revenue) {
    lines.push(
      `  MRR ${money(m.mrrCents, m.currency)} from ${m.activeSubscriptions} subscriptions; ` +
        `${m.newSubscriptions} new, ${m.cancelled} cancelled`,
    );
  }
  lines.push(`  members whose access ended: ${r.churnedMembers}`);
  for (const f of r.funnel) {
    lines.push(`  offers ${f.channel.padEnd(8)} ${f.state.padEnd(11)} ${f.n}`);
  }
  return lines;
}
