/**
 * A fake Stripe API on 127.0.0.1, as the stripe SDK calls it: form-encoded
 * POST /v1/checkout/sessions, POST /v1/prices (lookup keys, Idempotency-Key),
 * GET /v1/prices?lookup_keys[], GET /v1/subscriptions (list, cursor paging)
 * and GET /v1/subscriptions/:id, with Stripe's `{error: {type, message}}` answers.
 * Objects are built from Stripe's own examples in tests/fixtures/stripe/.
 *
 * It also plays the customer and Stripe's webhook sender: complete() pays a
 * session, setStatus()/cancel() move a subscription, and each returns the
 * event Stripe would send, which sign() signs with the SDK's test helper.
 */
import Stripe from "stripe";
import sessionFixture from "../fixtures/stripe/checkout_session.json" with { type: "json" };
import {
  error,
  metadataOf,
  priceOf,
  publicView,
  randomId,
  subscriptionFrom,
} from "./_stripe_objects.ts";

export const TEST_SECRET_KEY = "sk_test_fakeKeyForTestsOnly0123456789";
export const TEST_WEBHOOK_SECRET = "whsec_fakeSecretForTestsOnly0123456789";

type Json = Record<string, unknown>;

export interface StripeEvent {
  id: string;
  object: "event";
  type: string;
  created: number;
  api_version: string;
  livemode: false;
  pending_webhooks: number;
  request: { id: null; idempotency_key: null };
  data: { object: Json; previous_attributes?: Json };
}

export interface StripeFake {
  url: string;
  requests: Array<{ method: string; path: string; form: Record<string, string> }>;
  sessions: Map<string, Json>;
  subscriptions: Map<string, Json>;
  /** Prices made through the API, by id. */
  prices: Map<string, Json>;
  /** The customer pays: a customer and an active subscription; checkout.session.completed. */
  complete(sessionId: string, at?: number): { session: StripeEvent; created: StripeEvent };
  /** customer.subscription.updated with the new status. */
  setStatus(subscriptionId: string, status: string, at?: number): StripeEvent;
  /** customer.subscription.deleted. */
  cancel(subscriptionId: string, at?: number): StripeEvent;
  close(): Promise<void>;
}

const sdk = new Stripe(TEST_SECRET_KEY, { httpClient: Stripe.createFetchHttpClient() });
const cryptoProvider = Stripe.createSubtleCryptoProvider();

/** A delivery as Stripe makes it: the body and its Stripe-Signature header. */
export async function sign(
  event: StripeEvent,
  options: { secret?: string; timestamp?: number } = {},
): Promise<{ body: string; signature: string }> {
  const body = JSON.stringify(event);
  const signature = await sdk.webhooks.generateTestHeaderStringAsync({
    payload: body,
    secret: options.secret ?? TEST_WEBHOOK_SECRET,
    timestamp: options.timestamp,
    cryptoProvider,
  });
  return { body, signature };
}

export function makeEvent(type: string, object: Json, at = Date.now()): StripeEvent {
  return {
    id: `evt_${randomId()}`,
    object: "event",
    type,
    created: Math.floor(at / 1000),
    api_version: "2025-09-30.clover",
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: { object: structuredClone(object) },
  };
}

export function startStripeFake(): StripeFake {
  const requests: StripeFake["requests"] = [];
  const sessions = new Map<string, Json>();
  const subscriptions = new Map<string, Json>();
  const prices = new Map<string, Json>();
  /** Idempotency-Key -> the answer given: a repeat gets the same answer. */
  const answered = new Map<string, Json>();

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const form = Object.fromEntries(new URLSearchParams(await request.text()));
    requests.push({ method: request.method, path: url.pathname + url.search, form });
    if (request.headers.get("authorization") !== `Bearer ${TEST_SECRET_KEY}`) {
      return error(401, "authentication_error", "Invalid API Key provided: sk_****");
    }
    if (request.method === "POST" && url.pathname === "/v1/checkout/sessions") {
      return createSession(form);
    }
    if (request.method === "POST" && url.pathname === "/v1/prices") {
      const key = request.headers.get("idempotency-key");
      const price = (key && answered.get(key)) || createPrice(form);
      if (key) answered.set(key, price);
      return Response.json(price);
    }
    if (request.method === "GET" && url.pathname === "/v1/prices") {
      return listPrices(url.searchParams);
    }
    if (request.method === "GET" && url.pathname === "/v1/subscriptions") {
      return listSubscriptions(url.searchParams);
    }
    const one = url.pathname.match(/^\/v1\/subscriptions\/(\w+)$/);
    if (request.method === "GET" && one) {
      const sub = subscriptions.get(one[1]);
      return sub ? Response.json(sub) : error(404, "invalid_request_error", "No such subscription");
    }
    return error(404, "invalid_request_error", `Unrecognized request URL (${request.method})`);
  }

  function createSession(form: Record<string, string>): Response {
    if (form.mode !== "subscription") {
      return error(400, "invalid_request_error", "mode must be subscription here", "mode");
    }
    for (const param of ["success_url", "cancel_url"]) {
      if (!form[param]) return error(400, "invalid_request_error", `Missing ${param}`, param);
    }
    const price = priceOf(form, prices);
    if (!price) return error(400, "invalid_request_error", "Missing line_items", "line_items");
    const id = `cs_test_${randomId()}`;
    const session: Json = {
      ...sessionFixture,
      id,
      mode: "subscription",
      status: "open",
      payment_status: "unpaid",
      client_reference_id: form.client_reference_id ?? null,
      success_url: form.success_url,
      cancel_url: form.cancel_url,
      metadata: metadataOf(form, "metadata"),
      customer: null,
      subscription: null,
      currency: price.currency,
      amount_total: price.unit_amount,
      url: `https://checkout.stripe.com/c/pay/${id}`,
      // Kept for complete(); Stripe keeps these on the session's side too.
      _price: price,
      _subscription_metadata: metadataOf(form, "subscription_data[metadata]"),
    };
    sessions.set(id, session);
    return Response.json(publicView(session));
  }

  function createPrice(form: Record<string, string>): Json {
    const base = priceOf({ "line_items[0][price_data][unit_amount]": form.unit_amount }, prices)!;
    const key = form.lookup_key ?? null;
    if (key && form.transfer_lookup_key === "true") {
      for (const p of prices.values()) if (p.lookup_key === key) p.lookup_key = null;
    }
    const price: Json = {
      ...base,
      currency: form.currency,
      lookup_key: key,
      product: `prod_${randomId().slice(0, 14)}`,
      recurring: { ...(base.recurring as Json), interval: form["recurring[interval]"] },
    };
    prices.set(String(price.id), price);
    return price;
  }

  function listPrices(params: URLSearchParams): Response {
    const keys = [...params].filter(([k]) => k.startsWith("lookup_keys[")).map(([, v]) => v);
    const active = params.get("active");
    const data = [...prices.values()].filter((p) =>
      (!keys.length || keys.includes(String(p.lookup_key))) &&
      (active === null || String(p.active) === active)
    );
    return Response.json({ object: "list", url: "/v1/prices", has_more: false, data });
  }

  function listSubscriptions(params: URLSearchParams): Response {
    const status = params.get("status") ?? "active";
    const all = [...subscriptions.values()].reverse()
      .filter((s) => status === "all" || s.status === status);
    const after = params.get("starting_after");
    const from = after ? all.findIndex((s) => s.id === after) + 1 : 0;
    const limit = Number(params.get("limit") ?? 10);
    const page = all.slice(from, from + limit);
    return Response.json({
      object: "list",
      url: "/v1/subscriptions",
      has_more: from + limit < all.length,
      data: page,
    });
  }

  function complete(sessionId: string, at = Date.now()) {
    const session = sessions.get(sessionId);
    if (!session) throw new RangeError(`Cannot complete ${sessionId}: no such session`);
    const customer = `cus_${randomId().slice(0, 14)}`;
    const sub = subscriptionFrom(session, customer, at);
    subscriptions.set(String(sub.id), sub);
    Object.assign(session, {
      status: "complete",
      payment_status: "paid",
      customer,
      subscription: sub.id,
    });
    return {
      created: makeEvent("customer.subscription.created", sub, at),
      session: makeEvent("checkout.session.completed", publicView(session), at),
    };
  }

  function setStatus(id: string, status: string, at = Date.now()) {
    const sub = subscriptions.get(id);
    if (!sub) throw new RangeError(`Cannot update ${id}: no such subscription`);
    const previous = sub.status;
    sub.status = status;
    const event = makeEvent("customer.subscription.updated", sub, at);
    event.data.previous_attributes = { status: previous };
    return event;
  }

  function cancel(id: string, at = Date.now()) {
    const sub = subscriptions.get(id);
    if (!sub) throw new RangeError(`Cannot cancel ${id}: no such subscription`);
    Object.assign(sub, {
      status: "canceled",
      canceled_at: Math.floor(at / 1000),
      ended_at: Math.floor(at / 1000),
    });
    return makeEvent("customer.subscription.deleted", sub, at);
  }

  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, handle);
  return {
    url: `http://127.0.0.1:${server.addr.port}`,
    requests,
    sessions,
    subscriptions,
    prices,
    complete,
    setStatus,
    cancel,
    close: () => server.shutdown(),
  };
}
