/** How the Stripe fake builds its objects and errors, from Stripe's own examples. */
import subscriptionFixture from "../fixtures/stripe/subscription.json" with { type: "json" };

type Json = Record<string, unknown>;

export function subscriptionFrom(session: Json, customer: string, at: number): Json {
  const price = session._price as Json;
  const start = Math.floor(at / 1000);
  const id = `sub_${randomId().slice(0, 24)}`;
  const template = subscriptionFixture.items.data[0];
  const item = {
    ...template,
    id: `si_${randomId().slice(0, 14)}`,
    subscription: id,
    price,
    quantity: 1,
    current_period_start: start,
    current_period_end: start + 30 * 86_400,
  };
  return {
    ...subscriptionFixture,
    id,
    customer,
    status: "active",
    created: start,
    start_date: start,
    billing_cycle_anchor: start,
    cancel_at: null,
    canceled_at: null,
    ended_at: null,
    currency: price.currency,
    metadata: session._subscription_metadata,
    items: { ...subscriptionFixture.items, data: [item] },
  };
}

/** The Checkout's price: one made through the API, any other id as given, or inline. */
export function priceOf(form: Record<string, string>, made: Map<string, Json>): Json | null {
  const base = subscriptionFixture.items.data[0].price;
  const id = form["line_items[0][price]"];
  if (id) return made.get(id) ?? { ...base, id };
  const amount = form["line_items[0][price_data][unit_amount]"];
  if (!amount) return null;
  return {
    ...base,
    id: `price_${randomId().slice(0, 24)}`,
    currency: form["line_items[0][price_data][currency]"],
    unit_amount: Number(amount),
    unit_amount_decimal: amount,
    recurring: {
      ...base.recurring,
      interval: form["line_items[0][price_data][recurring][interval]"] ?? "month",
    },
  };
}

export function metadataOf(form: Record<string, string>, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(form)) {
    if (key.startsWith(`${prefix}[`)) out[key.slice(prefix.length + 1, -1)] = value;
  }
  return out;
}

export function publicView(session: Json): Json {
  return Object.fromEntries(Object.entries(session).filter(([k]) => !k.startsWith("_")));
}

export function error(status: number, type: string, message: string, param?: string): Response {
  return Response.json({ error: { type, message, ...(param ? { param } : {}) } }, { status });
}

export function randomId(): string {
  return crypto.randomUUID().replaceAll("-", "");
}
