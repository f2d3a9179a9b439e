import type { Globals } from "./program.ts";
import { output, withSession } from "./session.ts";

/** `creator members`: each person with access (or who had it), their state and subscription. */
export function listMembers(g: Globals): Promise<void> {
  return withSession(g, { mustExist: true }, async ({ ctx }) => {
    const subs = await ctx.store.billing.all();
    const rows = (await ctx.store.memberships.list()).map((m) => {
      const sub = subs.find((s) =>
        s.member?.platform === m.platform && s.member.userId === m.userId
      );
      return {
        member: `${m.platform}:${m.userId}`,
        state: m.state,
        reason: m.reason,
        subscription: sub
          ? {
            id: sub.subscriptionId,
            status: sub.status,
            amountCents: sub.amountCents,
            currency: sub.currency,
            currentPeriodEnd: sub.currentPeriodEnd,
          }
          : null,
        lastError: m.lastError,
      };
    });
    output(g, { members: rows }, () => {
      if (!rows.length) return "no members yet";
      return rows.map((r) => {
        const s = r.subscription;
        const paid = s ? `${s.status} ${money(s.amountCents, s.currency)}` : "no subscription";
        const error = r.lastError ? `  (retrying: ${r.lastError.slice(0, 30)})` : "";
        return `${r.member.padEnd(30)} ${r.state.padEnd(9)} ${paid}${error}`.slice(0, 80);
      }).join("\n");
    });
  });
}

/** `creator members sync`: reconciles access with Stripe. */
export function syncMembers(g: Globals, opts: { dryRun?: boolean }): Promise<void> {
  return withSession(g, { dryRun: opts.dryRun }, async ({ ctx }) => {
    const { syncWithStripe } = await import("../agents/monetization/sync.ts");
    const result = await syncWithStripe(ctx);
    output(
      g,
      result,
      () =>
        `${result.subscriptions} subscriptions in Stripe (${result.unlinked} not ours); ` +
        `${result.decisions} access changes decided\n` +
        (opts.dryRun
          ? "dry run: nothing granted or revoked"
          : `${result.granted} granted, ${result.revoked} revoked, ${result.failed} to retry`),
    );
    if (result.failed) Deno.exitCode = 1;
  });
}

export function money(cents: number, currency: string): string {
  return `${(cents / 100).toFixed(2)} ${currency.toUpperCase()}`;
}
