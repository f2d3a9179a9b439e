import { money } from "./members.ts";
import type { Globals } from "./program.ts";
import { output, withSession } from "./session.ts";

/** `creator stats`: the money side, in integer cents: MRR, new, cancelled and churned. */
export function stats(g: Globals, opts: { since?: number }): Promise<void> {
  return withSession(g, { mustExist: true }, async ({ ctx }) => {
    const to = ctx.clock.now();
    const from = opts.since ?? to - 30 * 86_400_000;
    const revenue = await ctx.store.revenue.since(from, to);
    const churned = await ctx.store.revenue.churned(from, to);
    const funnel = await ctx.store.conversions.funnel(from);
    const window = { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
    output(g, { window, revenue, churnedMembers: churned, funnel }, () => {
      const lines = [`since ${window.from.slice(0, 16)}Z:`];
      if (!revenue.length) lines.push("  no subscriptions yet");
      for (const r of revenue) {
        lines.push(
          `  MRR ${money(r.mrrCents, r.currency)} from ${r.activeSubscriptions} subscriptions; ` +
            `${r.newSubscriptions} new, ${r.cancelled} cancelled`,
        );
      }
      lines.push(`  members whose access ended: ${churned}`);
      if (funnel.length) {
        lines.push("offers:");
        for (const f of funnel) lines.push(`  ${f.channel.padEnd(8)} ${f.state.padEnd(11)} ${f.n}`);
      }
      return lines.join("\n");
    });
  });
}
