import assert from "node:assert/strict";
import type Stripe from "stripe";
import { IntegrationError } from "../../core/errors.ts";
import {
  makeEvent,
  sign,
  startStripeFake,
  TEST_SECRET_KEY,
  TEST_WEBHOOK_SECRET,
} from "../../tests/fakes/stripe.ts";
import created from "../../tests/fixtures/stripe/subscription.created.json" with { type: "json" };
import updated from "../../tests/fixtures/stripe/subscription.updated.json" with { type: "json" };
import { WebhookSignatureError } from "./mod.ts";
import { createStripePayments, toSubscription } from "./stripe.ts";

const member = { platform: "telegram" as const, userId: "424242" };
const urls = { successUrl: "https://example.com/thanks", cancelUrl: "https://example.com/later" };

async function withFake(fn: (fake: ReturnType<typeof startStripeFake>) => Promise<void>) {
  const fake = startStripeFake();
  try {
    await fn(fake);
  } finally {
    await fake.close();
  }
}

Deno.test("createCheckout() opens a subscription Checkout that names its person", async () => {
  await withFake(async (fake) => {
    const payments = await createStripePayments({ secretKey: TEST_SECRET_KEY, baseUrl: fake.url });
    const offer = { product: "Premium", amountCents: 1900, currency: "usd", interval: "month" };
    const checkout = await payments.createCheckout({ member, offer, ...urls });
    assert.match(checkout.url, /^https:\/\/checkout\.stripe\.com\//);
    const form = fake.requests.find((r) => r.path === "/v1/checkout/sessions")!.form;
    assert.equal(form.mode, "subscription");
    assert.equal(form.client_reference_id, "telegram:424242");
    assert.equal(form["subscription_data[metadata][creator_member]"], "telegram:424242");
    const [price] = fake.prices.values();
    assert.equal(form["line_items[0][price]"], price.id);
    assert.equal(price.unit_amount, 1900);
    assert.equal(form.success_url, urls.successUrl);
  });
});

/** A price described in config, and the requests that make a Stripe Price. */
const offer = { product: "Premium", amountCents: 1900, currency: "usd", interval: "month" };
const made = (r: { method: string; path: string }) =>
  r.method === "POST" && r.path === "/v1/prices";

Deno.test("a price from config is made once in Stripe, with one Product, and found again", async () => {
  await withFake(async (fake) => {
    // One process makes two Checkouts, then another process (a restart) one more.
    const first = await createStripePayments({ secretKey: TEST_SECRET_KEY, baseUrl: fake.url });
    await first.createCheckout({ member, offer, ...urls });
    await first.createCheckout({ member, offer, ...urls });
    const second = await createStripePayments({ secretKey: TEST_SECRET_KEY, baseUrl: fake.url });
    await second.createCheckout({ member, offer, ...urls });
    assert.equal(fake.requests.filter(made).length, 1, "one Price, so one Product");
    const [price] = fake.prices.values();
    assert.match(String(price.lookup_key), /^creator_1900_usd_month_premium_[0-9a-f]{8}$/);
    assert.equal(fake.requests.filter(made)[0].form["product_data[name]"], "Premium");
    const used = fake.requests.filter((r) => r.path === "/v1/checkout/sessions")
      .map((r) => r.form["line_items[0][price]"]);
    assert.deepEqual(used, [price.id, price.id, price.id]);

    // A new price in config is a new Price; the old one is left to its subscribers.
    await second.createCheckout({ member, offer: { ...offer, amountCents: 2500 }, ...urls });
    assert.equal(fake.requests.filter(made).length, 2);
    // So is a renamed product, whose name the Price carries.
    await second.createCheckout({ member, offer: { ...offer, product: "Premium+" }, ...urls });
    assert.equal(fake.requests.filter(made).length, 3);
    assert.equal(fake.requests.filter(made)[2].form["product_data[name]"], "Premium+");
  });
});

Deno.test("a Price archived in the dashboard is made again, not replayed archived", async () => {
  await withFake(async (fake) => {
    const first = await createStripePayments({ secretKey: TEST_SECRET_KEY, baseUrl: fake.url });
    await first.createCheckout({ member, offer, ...urls });
    const [archived] = fake.prices.values();
    archived.active = false; // archived by hand the same day: Stripe still replays its request
    const second = await createStripePayments({ secretKey: TEST_SECRET_KEY, baseUrl: fake.url });
    await second.createCheckout({ member, offer, ...urls });
    const used = fake.requests.filter((r) => r.path === "/v1/checkout/sessions")
      .map((r) => r.form["line_items[0][price]"]);
    assert.notEqual(used[1], archived.id, "Checkout uses an active Price");
    assert.equal(fake.prices.get(used[1])?.active, true);
    assert.equal(fake.requests.filter(made).length, 3, "made, replayed, made anew");
  });
});

Deno.test("createCheckout() reports a wrong key as a 401 without quoting it", async () => {
  await withFake(async (fake) => {
    const payments = await createStripePayments({ secretKey: "sk_test_wrong", baseUrl: fake.url });
    const error = await payments.createCheckout({ member, offer: { priceId: "price_1" }, ...urls })
      .catch((e) => e);
    assert.ok(error instanceof IntegrationError);
    assert.equal(error.status, 401);
    assert.ok(!error.message.includes("sk_test_wrong"));
  });
});

Deno.test("verifyEvent() accepts a signed event and reads who the subscription is for", async () => {
  await withFake(async (fake) => {
    const payments = await createStripePayments({
      secretKey: TEST_SECRET_KEY,
      webhookSecret: TEST_WEBHOOK_SECRET,
      baseUrl: fake.url,
    });
    const checkout = await payments.createCheckout({
      member,
      offer: { priceId: "price_1" },
      ...urls,
    });
    const events = fake.complete(checkout.sessionId);
    const { body, signature } = await sign(events.created);
    const event = await payments.verifyEvent(body, signature);
    assert.equal(event.id, events.created.id);
    assert.deepEqual(event.subscription?.member, member);
    assert.equal(event.subscription?.status, "active");
    assert.equal(event.subscription?.priceId, "price_1");
    const completed = await payments.verifyEvent(...Object.values(await sign(events.session)) as [
      string,
      string,
    ]);
    assert.deepEqual(completed.checkout?.member, member);
    assert.equal(completed.checkout?.subscriptionId, event.subscription?.subscriptionId);
  });
});

Deno.test("verifyEvent() refuses unsigned, forged, tampered and stale deliveries", async () => {
  const payments = await createStripePayments({
    secretKey: TEST_SECRET_KEY,
    webhookSecret: TEST_WEBHOOK_SECRET,
    baseUrl: "http://127.0.0.1:9",
  });
  const event = makeEvent("customer.subscription.created", {});
  const good = await sign(event);
  const forged = await sign(event, { secret: "whsec_someoneElse" });
  const stale = await sign(event, { timestamp: Math.floor(Date.now() / 1000) - 301 });
  const cases: Array<[string, string | null]> = [
    [good.body, null],
    [good.body, forged.signature],
    [good.body.replace('"livemode":false', '"livemode":true'), good.signature],
    [stale.body, stale.signature],
  ];
  for (const [body, signature] of cases) {
    await assert.rejects(payments.verifyEvent(body, signature), WebhookSignatureError);
  }
});

Deno.test("recorded events of an older API version read the same", () => {
  const old = toSubscription(created.object as unknown as Stripe.Subscription);
  assert.equal(old.amountCents, 300 * 2);
  assert.equal(old.currentPeriodEnd, 1488987924 * 1000);
  assert.equal(old.member, null);
  const canceled = toSubscription(updated.object as unknown as Stripe.Subscription);
  assert.equal(canceled.status, "canceled");
  assert.equal(canceled.currentPeriodEnd, 1488987924 * 1000);
});
