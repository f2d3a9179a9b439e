import type { Agent } from "../../core/agent.ts";
import { applyPendingEvents } from "./_apply_events.ts";
import { carryOut } from "./_carry_out.ts";
import { OVERDUE_STATUSES } from "../../storage/billing.ts";
import { decideAccess } from "./_entitlement.ts";

/**
 * Turns Stripe's events into access: applies stored webhook events, ends the
 * access of overdue members whose grace ran out, then grants and revokes on
 * Telegram and Discord. Safe to run anywhere, any time, any number of times.
 */
export const onboarding: Agent = {
  name: "onboarding",
  phase: "monetization",
  description: "Turns a Stripe subscription into private channel access.",
  async run(ctx) {
    const graceMs = ctx.config.membership.graceDays * 86_400_000;
    const applied = await applyPendingEvents(ctx, graceMs);
    let expired = 0;
    for (const member of await ctx.store.billing.membersIn(OVERDUE_STATUSES)) {
      if (await decideAccess(ctx.store, member, ctx.clock.now(), graceMs) === "revoke") expired++;
    }
    if (ctx.dryRun) {
      return {
        read: applied.events,
        written: applied.decisions + expired,
        summary: `${applied.events} events applied; access changes left for a live run`,
      };
    }
    const done = await carryOut(ctx);
    const summary = `${applied.events} events, ${done.granted} granted, ${done.revoked} revoked` +
      `${expired ? ` (${expired} after grace)` : ""}${
        done.failed ? `, ${done.failed} to retry` : ""
      }${applied.failed ? `, ${applied.failed} events left pending after errors` : ""}`;
    return {
      read: applied.events,
      written: done.granted + done.revoked,
      summary,
      details: {
        events: applied.events,
        decisions: applied.decisions,
        eventsPending: applied.failed,
        ...done,
        expiredGrace: expired,
      },
    };
  },
};
