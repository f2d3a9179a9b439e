/**
 * Stripe's `created` counts whole seconds: two events about one subscription
 * in the same second, delivered in either order, must leave it as Stripe has
 * it. On such a tie Stripe is asked; when it cannot answer, a status from
 * earlier in a subscription's life never replaces a later one.
 */
import assert from "node:assert/strict";
import { createOffer } from "../agents/monetization/_offer.ts";
import { onboarding } from "../agents/monetization/onboarding.ts";
import type { Context } from "../core/agent.ts";
import { stripeWebhook } from "../orchestrator/stripe_webhook.ts";
import type { Store } from "../storage/mod.ts";
import { testBackends } from "../storage/test_backends.ts";
import { makeEvent, type StripeEvent } from "./fakes/stripe.ts";
import {
  type MembershipFakes,
  movableClock,
  signedRequest,
  startMembershipFakes,
} from "./_memberships.ts";

const alice = { platform: "telegram" as const, userId: "700001" };
const T0 = Date.UTC(2026, 0, 1, 12);

/** Delivers each event to the webhook and runs Onboarding after each, as `creator serve` does. */
async function deliverEach(ctx: Context, events: StripeEvent[]) {
  const handle = stripeWebhook({ ctx, maxBytes: 65536 });
  for (const event of events) {
    const req = await signedRequest(event);
    assert.equal((await handle(req)).status, 200);
    await onboarding.run(ctx);
  }
}

/** Alice pays; returns her subscription as Stripe sent it and the Checkout's event. */
async function paid(fakes: MembershipFakes, ctx: Context) {
  await createOffer(ctx, alice, "cli");
  const done = fakes.stripe.complete([...fakes.stripe.sessions.keys()][0], T0);
  return { sub: done.created.data.object, session: done.session };
}

async function accessOf(store: Store) {
  const [sub] = await store.billing.forMember(alice);
  return { status: sub.status, state: (await store.memberships.get(alice))?.state };
}

testBackends("a same-second 'created: incomplete' after 'active' leaves a member in", async (t) => {
  const fakes = startMembershipFakes();
  const store = await t.open();
  const ctx = fakes.context(store, movableClock(T0));
  try {
    const { sub, session } = await paid(fakes, ctx);
    const created = makeEvent(
      "customer.subscription.created",
      { ...sub, status: "incomplete" },
      T0,
    );
    const active = makeEvent("customer.subscription.updated", { ...sub, status: "active" }, T0);
    await deliverEach(ctx, [session, active, created]);
    assert.deepEqual(await accessOf(store), { status: "active", state: "active" });
    assert.deepEqual(fakes.telegram.members.bans, []);
    assert.equal(fakes.telegram.members.invites.length, 1);
    const asked = fakes.stripe.requests.filter((r) => r.path === `/v1/subscriptions/${sub.id}`);
    assert.equal(asked.length, 1, "Stripe settled the tie");
  } finally {
    await store.close();
    await fakes.close();
  }
});

testBackends("on a same-second tie between two paid states, Stripe's answer wins", async (t) => {
  const fakes = startMembershipFakes();
  const store = await t.open();
  const ctx = fakes.context(store, movableClock(T0));
  try {
    const { sub, session } = await paid(fakes, ctx);
    const id = String(sub.id);
    // The payment failed a moment after the subscription was made; both in one second.
    const overdue = fakes.stripe.setStatus(id, "past_due", T0);
    const active = makeEvent("customer.subscription.created", { ...sub, status: "active" }, T0);
    await deliverEach(ctx, [session, overdue, active]);
    const [stored] = await store.billing.forMember(alice);
    assert.equal(stored.status, "past_due", "the earlier 'active', delivered last, is not newer");
  } finally {
    await store.close();
    await fakes.close();
  }
});

testBackends("when Stripe cannot be asked, a tie never moves a subscription back", async (t) => {
  const fakes = startMembershipFakes();
  const store = await t.open();
  const ctx = fakes.context(store, movableClock(T0));
  // The same keys, but Stripe's API unreachable: signatures still check, nothing can be asked.
  const offline = fakes.context(store, movableClock(T0), {
    ...fakes.config,
    baseUrls: { ...fakes.config.baseUrls, stripe: "http://127.0.0.1:9" },
  });
  try {
    const { sub, session } = await paid(fakes, ctx);
    const created = makeEvent(
      "customer.subscription.created",
      { ...sub, status: "incomplete" },
      T0,
    );
    const active = makeEvent("customer.subscription.updated", { ...sub, status: "active" }, T0);
    await deliverEach(offline, [session, active, created]);
    assert.deepEqual(await accessOf(store), { status: "active", state: "active" });
    assert.deepEqual(fakes.telegram.members.bans, []);
    const asked = fakes.stripe.requests.filter((r) => r.path.startsWith("/v1/subscriptions/"));
    assert.equal(asked.length, 0, "Stripe was out of reach");
  } finally {
    await store.close();
    await fakes.close();
  }
});
