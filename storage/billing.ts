/**
 * What Stripe told us: its webhook events (each stored once, applied once) and
 * the subscriptions they describe. Events that arrive late never move a
 * subscription backwards.
 */
import type { Member } from "../core/vocabulary.ts";
import type { PaymentEvent, SubscriptionState } from "../integrations/stripe/mod.ts";
import { type Db, fromJson, toJson } from "./db.ts";

export interface StoredEvent extends PaymentEvent {
  rowId: number;
  receivedAt: number;
}

export interface Subscription extends SubscriptionState {
  statusSince: number;
  eventAt: number;
  updatedAt: number;
}

/** Statuses a subscription never leaves: a late "active" must not revive one. */
const TERMINAL = new Set(["canceled", "incomplete_expired"]);
/**
 * Stripe is still retrying the payment. Moving between these two keeps the
 * time the subscription first fell overdue: the grace counts from there.
 */
export const OVERDUE_STATUSES = ["past_due", "unpaid"];
const OVERDUE = new Set(OVERDUE_STATUSES);
/**
 * Where a status comes in a subscription's life: a subscription starts
 * incomplete, may trial, then is paid for (or overdue). Stripe's `created`
 * counts whole seconds, so two events can tie; on a tie a status from earlier
 * in life never replaces a later one (a "created: incomplete" delivered after
 * the "updated: active" of the same second).
 */
const LIFE_STAGE: Record<string, number> = { incomplete: 0, trialing: 1 };
const stageOf = (status: string) => LIFE_STAGE[status] ?? 2;

export function billing(db: Db) {
  const one = async (id: string) =>
    (await db.all("SELECT * FROM subscriptions WHERE subscription_id = ?", [id])).map(toSub)[0];
  return {
    /** Stores a verified event; false when its id was seen before (a replay). */
    async recordEvent(e: PaymentEvent, receivedAt: number): Promise<boolean> {
      const { id, type, createdAt, ...payload } = e;
      const n = await db.run(
        `INSERT INTO stripe_events (event_id, type, created_at, payload, received_at)
         VALUES (?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING`,
        [id, type, createdAt, toJson(payload), receivedAt],
      );
      return n > 0;
    },

    /** Events stored but not applied yet, oldest first. */
    async pendingEvents(limit = 100): Promise<StoredEvent[]> {
      const rows = await db.all(
        `SELECT * FROM stripe_events WHERE applied_at IS NULL ORDER BY created_at, id LIMIT ?`,
        [limit],
      );
      return rows.map((r) => ({
        rowId: Number(r.id),
        id: String(r.event_id),
        type: String(r.type),
        createdAt: Number(r.created_at),
        receivedAt: Number(r.received_at),
        ...fromJson<Omit<PaymentEvent, "id" | "type" | "createdAt">>(r.payload, {}),
      }));
    },

    /** Marks an event applied; false when another process got there first. */
    async markApplied(rowId: number, at: number): Promise<boolean> {
      const n = await db.run(
        "UPDATE stripe_events SET applied_at = ? WHERE id = ? AND applied_at IS NULL",
        [at, rowId],
      );
      return n > 0;
    },

    /**
     * Applies what an event says about a subscription, unless a newer event
     * was applied already (or it would revive a finished one). `fromStripe`
     * marks the subscription as Stripe itself just described it: it wins a
     * tie. Returns whether it changed the status. The person it is for is
     * kept once known.
     */
    async applySubscription(
      s: SubscriptionState,
      eventAt: number,
      now: number,
      options: { fromStripe?: boolean } = {},
    ) {
      const old = await one(s.subscriptionId);
      const stale = old &&
        (eventAt < old.eventAt ||
          (eventAt === old.eventAt && !options.fromStripe &&
            stageOf(s.status) < stageOf(old.status)) ||
          (TERMINAL.has(old.status) && !TERMINAL.has(s.status)));
      const member = s.member ?? old?.member ?? null;
      if (stale) {
        if (member && !old.member) await this.link(s.subscriptionId, s.customerId, member, now);
        return { applied: false, member };
      }
      const since = old &&
          (old.status === s.status || (OVERDUE.has(old.status) && OVERDUE.has(s.status)))
        ? old.statusSince
        : eventAt;
      await db.run(
        `INSERT INTO subscriptions (subscription_id, customer_id, price_id, status, status_since,
           current_period_end, platform, user_id, amount_cents, currency, billing_interval,
           interval_count, event_at, started_at, canceled_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (subscription_id) DO UPDATE SET customer_id = excluded.customer_id,
           price_id = excluded.price_id, status = excluded.status,
           status_since = excluded.status_since, current_period_end = excluded.current_period_end,
           platform = excluded.platform, user_id = excluded.user_id,
           amount_cents = excluded.amount_cents, currency = excluded.currency,
           billing_interval = excluded.billing_interval, interval_count = excluded.interval_count,
           event_at = excluded.event_at, started_at = excluded.started_at,
           canceled_at = excluded.canceled_at, updated_at = excluded.updated_at`,
        [
          s.subscriptionId,
          s.customerId,
          s.priceId,
          s.status,
          since,
          s.currentPeriodEnd,
          member?.platform ?? null,
          member?.userId ?? null,
          s.amountCents,
          s.currency,
          s.interval,
          s.intervalCount,
          eventAt,
          s.startedAt,
          s.canceledAt,
          now,
        ],
      );
      return { applied: old?.status !== s.status, member };
    },

    /**
     * Ties a subscription to its person (a completed Checkout). When the
     * subscription is not known yet it is recorded as incomplete, as of no
     * event, so the first subscription event of any age sets its status.
     */
    async link(subscriptionId: string, customerId: string | null, member: Member, now: number) {
      await db.run(
        `INSERT INTO subscriptions (subscription_id, customer_id, status, status_since, platform,
           user_id, event_at, started_at, updated_at)
         VALUES (?, ?, 'incomplete', ?, ?, ?, 0, ?, ?)
         ON CONFLICT (subscription_id) DO UPDATE SET platform = excluded.platform,
           user_id = excluded.user_id, updated_at = excluded.updated_at
         WHERE subscriptions.platform IS NULL`,
        [subscriptionId, customerId ?? "", now, member.platform, member.userId, now, now],
      );
    },

    get: one,

    async forMember(m: Member): Promise<Subscription[]> {
      const rows = await db.all(
        "SELECT * FROM subscriptions WHERE platform = ? AND user_id = ? ORDER BY started_at DESC",
        [m.platform, m.userId],
      );
      return rows.map(toSub);
    },

    async all(): Promise<Subscription[]> {
      return (await db.all("SELECT * FROM subscriptions ORDER BY started_at DESC")).map(toSub);
    },

    /** People whose subscriptions are in one of these statuses (grace checks). */
    async membersIn(statuses: string[]): Promise<Member[]> {
      const rows = await db.all<{ platform: string; user_id: string }>(
        `SELECT DISTINCT platform, user_id FROM subscriptions WHERE platform IS NOT NULL
           AND status IN (${statuses.map(() => "?").join(", ")})`,
        statuses,
      );
      return rows.map((r) => ({ platform: r.platform as Member["platform"], userId: r.user_id }));
    },
  };
}

export type BillingRepo = ReturnType<typeof billing>;

function toSub(r: Record<string, unknown>): Subscription {
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    subscriptionId: String(r.subscription_id),
    customerId: String(r.customer_id),
    status: String(r.status),
    priceId: r.price_id == null ? null : String(r.price_id),
    amountCents: Number(r.amount_cents),
    currency: String(r.currency),
    interval: String(r.billing_interval),
    intervalCount: Number(r.interval_count),
    currentPeriodEnd: num(r.current_period_end),
    startedAt: Number(r.started_at),
    canceledAt: num(r.canceled_at),
    member: r.platform
      ? { platform: r.platform as Member["platform"], userId: String(r.user_id) }
      : null,
    statusSince: Number(r.status_since),
    eventAt: Number(r.event_at),
    updatedAt: Number(r.updated_at),
  };
}
