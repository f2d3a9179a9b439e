/** Money from the subscriptions table, in integer cents per currency. */
import type { Db } from "./db.ts";

export interface Revenue {
  currency: string;
  /** Monthly recurring revenue of active and past_due subscriptions, in cents. */
  mrrCents: number;
  activeSubscriptions: number;
  /** Subscriptions started in the window. */
  newSubscriptions: number;
  /** Subscriptions that became canceled in the window. */
  cancelled: number;
}

/** Cents per interval to cents per month: a year is 12 months, a week 52/12 of one. */
const PER_MONTH: Record<string, number> = { day: 365 / 12, week: 52 / 12, month: 1, year: 1 / 12 };

export function revenue(db: Db) {
  return {
    async since(from: number, to: number): Promise<Revenue[]> {
      const rows = await db.all(
        `SELECT currency, status, amount_cents, billing_interval, interval_count, started_at,
           status_since FROM subscriptions WHERE status <> 'incomplete'`,
      );
      const out = new Map<string, Revenue>();
      for (const r of rows) {
        const currency = String(r.currency);
        const money = out.get(currency) ??
          { currency, mrrCents: 0, activeSubscriptions: 0, newSubscriptions: 0, cancelled: 0 };
        out.set(currency, money);
        const status = String(r.status);
        if (status === "active" || status === "past_due") {
          const perMonth = PER_MONTH[String(r.billing_interval)] ?? 1;
          money.mrrCents += Number(r.amount_cents) * perMonth / Number(r.interval_count);
          money.activeSubscriptions++;
        }
        const started = Number(r.started_at);
        if (started >= from && started < to) money.newSubscriptions++;
        const since = Number(r.status_since);
        if (status === "canceled" && since >= from && since < to) money.cancelled++;
      }
      return [...out.values()].map((m) => ({ ...m, mrrCents: Math.round(m.mrrCents) }));
    },

    /** Members whose access ended in the window, for whatever reason (churn). */
    async churned(from: number, to: number): Promise<number> {
      const rows = await db.all<{ n: number }>(
        `SELECT COUNT(*) AS n FROM memberships WHERE state = 'revoked' AND granted_at IS NOT NULL
           AND revoked_at >= ? AND revoked_at < ?`,
        [from, to],
      );
      return Number(rows[0].n);
    },
  };
}

export type RevenueRepo = ReturnType<typeof revenue>;
