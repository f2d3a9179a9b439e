/** The Payments port on Stripe, through the official SDK with its fetch client. */
import type Stripe from "stripe";
import { IntegrationError, NetworkError, translateErrors } from "../../core/errors.ts";
import { memberRef, parseMemberRef } from "../../core/vocabulary.ts";
import type { CheckoutRequest, Offer, PaymentEvent, Payments, SubscriptionState } from "./mod.ts";
import { SUBSCRIPTION_EVENTS, WebhookSignatureError } from "./mod.ts";

export interface StripeOptions {
  secretKey: string;
  /** whsec_...: without it no webhook is believed. */
  webhookSecret?: string;
  /** Default https://api.stripe.com; tests point it at a fake. */
  baseUrl?: string;
}

/** Stripe's own recommendation: events older than this are replays. */
const TOLERANCE_SECONDS = 300;
/** The metadata key that carries `<platform>:<user id>` onto the subscription itself. */
export const MEMBER_KEY = "creator_member";

export async function createStripePayments(options: StripeOptions): Promise<Payments> {
  if (!options.secretKey) throw new TypeError("Cannot use Stripe: STRIPE_SECRET_KEY is empty");
  const { default: StripeSdk } = await import("stripe");
  const base = new URL(options.baseUrl ?? "https://api.stripe.com");
  const stripe = new StripeSdk(options.secretKey, {
    host: base.hostname,
    port: base.port || (base.protocol === "http:" ? 80 : 443),
    protocol: base.protocol === "http:" ? "http" : "https",
    httpClient: StripeSdk.createFetchHttpClient(),
    maxNetworkRetries: 2,
    telemetry: false,
    timeout: 20_000,
  });
  const cryptoProvider = StripeSdk.createSubtleCryptoProvider();

  // One Price per inline offer, made once and found again by its lookup key;
  // forgotten after any failed Checkout (someone may have archived it).
  const prices = new Map<string, Promise<string>>();
  const priceOf = (offer: Offer, key: string) => {
    if ("priceId" in offer) return Promise.resolve(offer.priceId);
    if (!prices.has(key)) prices.set(key, inlinePrice(stripe, offer, key));
    return prices.get(key)!;
  };

  return {
    createCheckout: (r) =>
      call(async () => {
        const key = "priceId" in r.offer ? r.offer.priceId : lookupKey(r.offer);
        try {
          return await createCheckout(stripe, r, await priceOf(r.offer, key));
        } catch (error) {
          prices.delete(key);
          throw error;
        }
      }),
    async verifyEvent(body, signature) {
      if (!options.webhookSecret) {
        throw new WebhookSignatureError("STRIPE_WEBHOOK_SECRET is not set");
      }
      if (!signature) throw new WebhookSignatureError("no Stripe-Signature header");
      let event: Stripe.Event;
      try {
        event = await stripe.webhooks.constructEventAsync(
          body,
          signature,
          options.webhookSecret,
          TOLERANCE_SECONDS,
          cryptoProvider,
        );
      } catch (error) {
        throw new WebhookSignatureError((error as Error).message);
      }
      return toPaymentEvent(event);
    },
    subscription: (id) =>
      call(async () => {
        try {
          return toSubscription(await stripe.subscriptions.retrieve(id));
        } catch (error) {
          if ((error as { statusCode?: number }).statusCode === 404) return null;
          throw error;
        }
      }),
    async *subscriptions() {
      const list = stripe.subscriptions.list({ status: "all", limit: 100 });
      for await (const sub of { [Symbol.asyncIterator]: () => list }) yield toSubscription(sub);
    },
  };
}

async function createCheckout(stripe: Stripe, r: CheckoutRequest, price: string) {
  const ref = memberRef(r.member);
  const session = await stripe.checkout.sessions.create({
    mode: "subscription",
    client_reference_id: ref,
    line_items: [{ price, quantity: 1 }],
    success_url: r.successUrl,
    cancel_url: r.cancelUrl,
    // So every later subscription event names its person, not only the Checkout.
    subscription_data: { metadata: { [MEMBER_KEY]: ref } },
    metadata: { [MEMBER_KEY]: ref },
  });
  if (!session.url) throw new IntegrationError("stripe", 502, "Checkout Session has no url");
  return { sessionId: session.id, url: session.url };
}

/**
 * The Price (and its Product) for a price described in config. Inline
 * `price_data` would make Stripe create a new Product for every Checkout, so
 * the Price is made once with a lookup key naming what it is, and found by
 * that key afterwards, by this process or any other. A changed price in config
 * is a new key, so a new Price; the old one stays with its subscribers.
 */
async function inlinePrice(
  stripe: Stripe,
  offer: Exclude<Offer, { priceId: string }>,
  key: string,
): Promise<string> {
  const found = await stripe.prices.list({ lookup_keys: [key], active: true, limit: 1 });
  if (found.data[0]) return found.data[0].id;
  const params: Stripe.PriceCreateParams = {
    currency: offer.currency,
    unit_amount: offer.amountCents,
    recurring: { interval: offer.interval as "month" },
    product_data: { name: offer.product },
    lookup_key: key,
    // An archived Price may still hold the key: the new one takes it over.
    transfer_lookup_key: true,
  };
  // Two processes making it at once get the one Price.
  const made = await stripe.prices.create(params, { idempotencyKey: `creator-price-${key}` });
  // Stripe replays an idempotent request for a day: a Price archived since then comes back
  // archived, and Checkout would refuse it. A new one is made instead.
  if (!made.active) return (await stripe.prices.create(params)).id;
  return made.id;
}

/**
 * What the price is, readable, then a hash of the product's exact name: a renamed product
 * ("Premium" to "Premium+") or a name in another script is a key of its own. Stripe takes
 * lookup keys of up to 200 characters.
 */
export function lookupKey(offer: Exclude<Offer, { priceId: string }>): string {
  const product = offer.product.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
  return `creator_${offer.amountCents}_${offer.currency}_${offer.interval}_${
    product.slice(0, 150)
  }_${fnv1a(offer.product)}`;
}

/** FNV-1a, 32 bits, in hex: a short, stable fingerprint of a string. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

export function toPaymentEvent(event: Stripe.Event): PaymentEvent {
  const out: PaymentEvent = { id: event.id, type: event.type, createdAt: event.created * 1000 };
  const object = event.data.object as unknown as Record<string, unknown>;
  if ((SUBSCRIPTION_EVENTS as readonly string[]).includes(event.type)) {
    out.subscription = toSubscription(object as unknown as Stripe.Subscription);
  }
  if (event.type === "checkout.session.completed" && object.mode === "subscription") {
    const session = object as unknown as Stripe.Checkout.Session;
    out.checkout = {
      sessionId: session.id,
      subscriptionId: idOf(session.subscription),
      customerId: idOf(session.customer),
      member: parseMemberRef(session.client_reference_id ?? session.metadata?.[MEMBER_KEY]),
    };
  }
  return out;
}

/**
 * Since API version 2025-03-31 the period lives on each item; older versions
 * (and older recorded events) have it on the subscription, and old plans call
 * the unit price `amount`.
 */
export function toSubscription(sub: Stripe.Subscription): SubscriptionState {
  const legacy = sub as unknown as { current_period_end?: number; plan?: { amount?: number } };
  const item = sub.items?.data?.[0] as
    | (Stripe.SubscriptionItem & { current_period_end?: number })
    | undefined;
  const price = item?.price as (Stripe.Price & { amount?: number }) | undefined;
  const unit = price?.unit_amount ?? price?.amount ?? legacy.plan?.amount ?? 0;
  const periodEnd = item?.current_period_end ?? legacy.current_period_end ?? null;
  return {
    subscriptionId: sub.id,
    customerId: idOf(sub.customer) ?? "",
    status: sub.status,
    priceId: price?.id ?? null,
    amountCents: Math.round(unit * (item?.quantity ?? 1)),
    currency: price?.currency ?? sub.currency ?? "usd",
    interval: price?.recurring?.interval ?? "month",
    intervalCount: price?.recurring?.interval_count ?? 1,
    currentPeriodEnd: periodEnd === null ? null : periodEnd * 1000,
    startedAt: (sub.start_date ?? sub.created) * 1000,
    canceledAt: sub.canceled_at ? sub.canceled_at * 1000 : null,
    member: parseMemberRef(sub.metadata?.[MEMBER_KEY]),
  };
}

function idOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === "string" ? value : value.id;
}

function call<T>(fn: () => Promise<T>): Promise<T> {
  return translateErrors(fn, toServiceError);
}

/** Stripe's errors carry a status and a message; the key is never in either. */
function toServiceError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const e = error as Error & { type?: string; statusCode?: number; headers?: Headers };
  if (e.type === "StripeConnectionError") return new NetworkError("stripe", e.message);
  if (typeof e.statusCode === "number") {
    const hint = e.statusCode === 401 ? " (check STRIPE_SECRET_KEY)" : "";
    return new IntegrationError("stripe", e.statusCode, e.message + hint);
  }
  return error;
}
