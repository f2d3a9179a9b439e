/**
 * `creator members sync`: Stripe is the source of truth. Every subscription it
 * holds is applied as of now (newer than any event), every person's access is
 * decided again, and the changes are carried out.
 */
import type { Context } from "../../core/agent.ts";
import { UsageError } from "../../core/errors.ts";
import { memberRef } from "../../core/vocabulary.ts";
import { type CarriedOut, carryOut } from "./_carry_out.ts";
import { decideAccess } from "./_entitlement.ts";

export interface SyncResult extends CarriedOut {
  subscriptions: number;
  /** Subscriptions that did not come through one of our offers: no person to give access to. */
  unlinked: number;
  decisions: number;
}

/** A dry run works out the same changes inside a transaction, then rolls it back. */
export async function syncWithStripe(ctx: Context): Promise<SyncResult> {
  if (!ctx.dryRun) return await sync(ctx);
  const rollback = new Error("dry run");
  let result: SyncResult | undefined;
  await ctx.store.transaction(async (store) => {
    result = await sync({ ...ctx, store });
    throw rollback;
  }).catch((error) => {
    if (error !== rollback) throw error;
  });
  return result!;
}

async function sync(ctx: Context): Promise<SyncResult> {
  const payments = await ctx.integrations.payments();
  if ("missing" in payments) throw new UsageError(`Cannot sync members: ${payments.missing}`);
  const graceMs = ctx.config.membership.graceDays * 86_400_000;
  const people = new Map<string, { platform: "telegram" | "discord"; userId: string }>();
  let subscriptions = 0;
  let unlinked = 0;
  for await (const sub of payments.subscriptions()) {
    subscriptions++;
    const { member } = await ctx.store.billing.applySubscription(
      sub,
      ctx.clock.now(),
      ctx.clock.now(),
      { fromStripe: true },
    );
    if (member) people.set(memberRef(member), member);
    else unlinked++;
  }
  for (const row of await ctx.store.memberships.list()) people.set(memberRef(row), row);
  let decisions = 0;
  for (const member of people.values()) {
    if (await decideAccess(ctx.store, member, ctx.clock.now(), graceMs)) decisions++;
  }
  const done = ctx.dryRun ? { granted: 0, revoked: 0, failed: 0 } : await carryOut(ctx);
  return { subscriptions, unlinked, decisions, ...done };
}
