/** Who should have access, from what Stripe told us: the one rule, used everywhere. */
import type { Member } from "../../core/vocabulary.ts";
import { OVERDUE_STATUSES, type Subscription } from "../../storage/billing.ts";
import type { Store } from "../../storage/mod.ts";

const PAID = new Set(["active", "trialing"]);
/** Stripe is still retrying the payment: access is kept for the grace period. */
const OVERDUE = new Set(OVERDUE_STATUSES);

/** Why a subscription entitles its person to access now, or null when it does not. */
export function entitlement(sub: Subscription, now: number, graceMs: number): string | null {
  if (PAID.has(sub.status)) return `subscription ${sub.status}`;
  if (OVERDUE.has(sub.status) && now - sub.statusSince < graceMs) {
    return `subscription ${sub.status}, within grace`;
  }
  return null;
}

/**
 * Decides a person's access from all their subscriptions: any one that
 * entitles them keeps them in (a new subscription after a cancelled one).
 * Returns the decision taken, or null when nothing changes.
 */
export async function decideAccess(
  store: Store,
  member: Member,
  now: number,
  graceMs: number,
): Promise<"grant" | "revoke" | null> {
  const subs = await store.billing.forMember(member);
  const reasons = subs.map((s) => entitlement(s, now, graceMs)).filter((r) => r !== null);
  if (reasons.length) {
    return await store.memberships.decide(member, "pending", reasons[0], now) ? "grant" : null;
  }
  const latest = subs[0];
  const why = latest
    ? OVERDUE.has(latest.status)
      ? `subscription ${latest.status} past the grace period`
      : `subscription ${latest.status}`
    : "no subscription";
  return await store.memberships.decide(member, "revoking", why, now) ? "revoke" : null;
}
