import assert from "node:assert/strict";
import { createOffer } from "../agents/monetization/_offer.ts";
import { onboarding } from "../agents/monetization/onboarding.ts";
import { syncWithStripe } from "../agents/monetization/sync.ts";
import { serveWebhooks } from "../orchestrator/webhook_server.ts";
import { stripeWebhook } from "../orchestrator/stripe_webhook.ts";
import { testBackends } from "../storage/test_backends.ts";
import { sign } from "./fakes/stripe.ts";
import { deliver, movableClock, signedRequest, startMembershipFakes } from "./_memberships.ts";

const alice = { platform: "telegram" as const, userId: "700001" };
const bob = { platform: "discord" as const, userId: "800000000000000002" };
const DAY = 86_400_000;

testBackends("a paid Checkout lets the member in once, and a replay changes nothing", async (t) => {
  const fakes = startMembershipFakes();
  const store = await t.open();
  const ctx = fakes.context(store, movableClock());
  const server = await serveWebhooks(ctx, { port: 0, hostname: "127.0.0.1" });
  const url = `http://127.0.0.1:${server.port}/webhooks/stripe`;
  try {
    await server.worker.idle();
    const checkoutUrl = await createOffer(ctx, alice, "cli");
    const session = [...fakes.stripe.sessions.values()][0];
    assert.equal(checkoutUrl, session.url);
    const paid = fakes.stripe.complete(String(session.id));
    for (const event of [paid.session, paid.created]) {
      const res = await deliver(url, event);
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { received: true, duplicate: false });
    }
    await server.worker.idle();
    const invites = fakes.telegram.members.invites;
    assert.equal(invites.length, 1);
    assert.equal(invites[0].memberLimit, 1);
    assert.ok(invites[0].expireDate! > Date.now() / 1000);
    assert.deepEqual(fakes.telegram.members.dms.map((d) => d.userId), [alice.userId]);
    assert.ok(fakes.telegram.members.dms[0].text.includes(invites[0].link));
    const row = await store.memberships.get(alice);
    assert.equal(row?.state, "active");
    const [sub] = await store.billing.forMember(alice);
    assert.equal(sub.amountCents, 1900);
    assert.equal(sub.currency, "usd");
    assert.equal((await store.conversions.funnel(0))[0].state, "subscribed");

    const replay = await deliver(url, paid.created);
    assert.equal(replay.status, 200);
    assert.deepEqual(await replay.json(), { received: true, duplicate: true });
    await server.worker.idle();
    assert.equal(fakes.telegram.members.invites.length, 1);
    assert.equal(fakes.telegram.members.dms.length, 1);
  } finally {
    await server.close();
    await store.close();
    await fakes.close();
  }
});

testBackends(
  "unsigned, forged, stale and oversized deliveries get 4xx and store nothing",
  async (t) => {
    const fakes = startMembershipFakes({ webhookMaxBytes: 8192 });
    const store = await t.open();
    const ctx = fakes.context(store);
    const handle = stripeWebhook({ ctx, maxBytes: 8192 });
    try {
      await createOffer(ctx, alice, "cli");
      const { created } = fakes.stripe.complete([...fakes.stripe.sessions.keys()][0]);
      const good = await sign(created);
      const forged = await sign(created, { secret: "whsec_notOurs" });
      const stale = await sign(created, { timestamp: Math.floor(Date.now() / 1000) - 600 });
      const post = (body: string, signature?: string) =>
        handle(
          new Request("http://x/webhooks/stripe", {
            method: "POST",
            body,
            headers: signature ? { "stripe-signature": signature } : {},
          }),
        );
      assert.equal((await post(good.body)).status, 400);
      assert.equal((await post(good.body, forged.signature)).status, 400);
      assert.equal((await post(stale.body, stale.signature)).status, 400);
      assert.equal((await post(good.body + " ".repeat(8192), good.signature)).status, 413);
      assert.equal((await handle(new Request("http://x/webhooks/stripe"))).status, 405);
      assert.deepEqual(await store.billing.pendingEvents(), []);
      assert.equal((await post(good.body, good.signature)).status, 200);
      assert.equal((await store.billing.pendingEvents()).length, 1);
    } finally {
      await store.close();
      await fakes.close();
    }
  },
);

testBackends("an event that arrives late never moves a subscription backwards", async (t) => {
  const fakes = startMembershipFakes();
  const store = await t.open();
  const clock = movableClock();
  const ctx = fakes.context(store, clock);
  const handle = stripeWebhook({ ctx, maxBytes: 65536 });
  const post = async (event: Parameters<typeof sign>[0]) => {
    const req = await signedRequest(event);
    assert.equal((await handle(req)).status, 200);
  };
  try {
    await createOffer(ctx, bob, "cli");
    const t0 = clock.now();
    const paid = fakes.stripe.complete([...fakes.stripe.sessions.keys()][0], t0);
    const subId = String([...fakes.stripe.subscriptions.keys()][0]);
    const canceled = fakes.stripe.cancel(subId, t0 + 60_000);
    // Stripe delivered the cancellation first; the older "active" events come after.
    for (const event of [canceled, paid.created, paid.session]) {
      await post(event);
      await onboarding.run(ctx);
    }
    const [sub] = await store.billing.forMember(bob);
    assert.equal(sub.status, "canceled");
    assert.equal(fakes.discord.members.roleAdds.length, 0);
    assert.equal(await store.memberships.get(bob), undefined);
  } finally {
    await store.close();
    await fakes.close();
  }
});

testBackends(
  "a crash between storing an event and granting access is finished once after restart",
  async (t) => {
    const fakes = startMembershipFakes();
    const clock = movableClock();
    let store = await t.open();
    try {
      const before = fakes.context(store, clock);
      await createOffer(before, bob, "cli");
      const paid = fakes.stripe.complete([...fakes.stripe.sessions.keys()][0]);
      // The first process stores the events (its handler answered 200), then dies
      // before its Onboarding run: nothing was granted.
      const handle = stripeWebhook({ ctx: before, maxBytes: 65536 });
      for (const event of [paid.created, paid.session]) {
        const req = await signedRequest(event);
        assert.equal((await handle(req)).status, 200);
      }
      assert.equal(fakes.discord.members.roleAdds.length, 0);
      await store.close();

      store = await t.open();
      const server = await serveWebhooks(fakes.context(store, clock), {
        port: 0,
        hostname: "127.0.0.1",
      });
      await server.worker.idle();
      server.worker.kick();
      await server.worker.idle();
      await server.close();
      await onboarding.run(fakes.context(store, clock));
      assert.deepEqual(fakes.discord.members.roleAdds, [bob.userId]);
      assert.equal(fakes.discord.members.dms.length, 1);
      assert.equal((await store.memberships.get(bob))?.state, "active");
    } finally {
      await store.close();
      await fakes.close();
    }
  },
);

testBackends(
  "cancellation and an expired grace period take access away with a notice",
  async (t) => {
    const fakes = startMembershipFakes({ graceDays: 3 });
    const store = await t.open();
    const clock = movableClock(Date.UTC(2026, 0, 1));
    const ctx = fakes.context(store, clock);
    const handle = stripeWebhook({ ctx, maxBytes: 65536 });
    const post = async (event: Parameters<typeof sign>[0]) => {
      const req = await signedRequest(event);
      assert.equal((await handle(req)).status, 200);
    };
    try {
      await createOffer(ctx, alice, "cli");
      await createOffer(ctx, bob, "cli");
      const [aliceSession, bobSession] = [...fakes.stripe.sessions.keys()];
      const a = fakes.stripe.complete(aliceSession, clock.now());
      const b = fakes.stripe.complete(bobSession, clock.now());
      for (const e of [a.created, a.session, b.created, b.session]) await post(e);
      await onboarding.run(ctx);
      assert.equal((await store.memberships.get(alice))?.state, "active");
      assert.equal((await store.memberships.get(bob))?.state, "active");
      const [aliceSub, bobSub] = [...fakes.stripe.subscriptions.keys()];

      clock.advance(60_000);
      await post(fakes.stripe.cancel(bobSub, clock.now()));
      await post(fakes.stripe.setStatus(aliceSub, "past_due", clock.now()));
      await onboarding.run(ctx);
      assert.deepEqual(fakes.discord.members.roleRemoves, [bob.userId]);
      assert.ok(fakes.discord.members.dms.at(-1)!.content.includes("has ended"));
      assert.equal((await store.memberships.get(bob))?.state, "revoked");

      clock.advance(3 * DAY - 120_000);
      await onboarding.run(ctx);
      assert.equal((await store.memberships.get(alice))?.state, "active", "still within grace");
      assert.deepEqual(fakes.telegram.members.bans, []);

      clock.advance(120_000);
      await onboarding.run(ctx);
      assert.equal((await store.memberships.get(alice))?.state, "revoked");
      assert.deepEqual(fakes.telegram.members.bans, [alice.userId]);
      assert.deepEqual(fakes.telegram.members.unbans, [alice.userId]);
      assert.match(fakes.telegram.members.dms.at(-1)!.text, /past the grace period/);

      await onboarding.run(ctx);
      assert.equal(fakes.telegram.members.bans.length, 1, "revoked once");

      const start = Date.UTC(2026, 0, 1);
      const [money] = await store.revenue.since(start, clock.now() + 1);
      // Alice's past_due subscription still counts until Stripe gives up on it.
      assert.deepEqual(money, {
        currency: "usd",
        mrrCents: 1900,
        activeSubscriptions: 1,
        newSubscriptions: 2,
        cancelled: 1,
      });
      assert.equal(await store.revenue.churned(start, clock.now() + 1), 2);

      // Stripe gives up retrying: past_due becomes unpaid. The grace still
      // counts from the first missed payment, so access does not come back.
      const told = fakes.telegram.members.dms.length;
      clock.advance(60_000);
      await post(fakes.stripe.setStatus(aliceSub, "unpaid", clock.now()));
      await onboarding.run(ctx);
      assert.equal((await store.memberships.get(alice))?.state, "revoked");
      assert.equal(fakes.telegram.members.invites.length, 1, "no new invite");
      assert.equal(fakes.telegram.members.dms.length, told, "no welcome back");
      const [unpaid] = await store.billing.forMember(alice);
      assert.equal(unpaid.status, "unpaid");
      assert.equal(unpaid.statusSince, Date.UTC(2026, 0, 1) + 60_000);
    } finally {
      await store.close();
      await fakes.close();
    }
  },
);

testBackends("members sync takes Stripe's word over missed webhooks, both ways", async (t) => {
  const fakes = startMembershipFakes();
  const store = await t.open();
  const clock = movableClock();
  const ctx = fakes.context(store, clock);
  const handle = stripeWebhook({ ctx, maxBytes: 65536 });
  try {
    await createOffer(ctx, alice, "cli");
    await createOffer(ctx, bob, "cli");
    const [aliceSession, bobSession] = [...fakes.stripe.sessions.keys()];
    const a = fakes.stripe.complete(aliceSession, clock.now());
    for (const event of [a.created, a.session]) {
      const req = await signedRequest(event);
      assert.equal((await handle(req)).status, 200);
    }
    await onboarding.run(ctx);
    assert.equal((await store.memberships.get(alice))?.state, "active");
    // Neither Bob's payment nor Alice's cancellation ever reached the webhook.
    fakes.stripe.complete(bobSession, clock.now());
    fakes.stripe.cancel([...fakes.stripe.subscriptions.keys()][0], clock.now());
    clock.advance(60_000);

    const preview = await syncWithStripe({ ...ctx, dryRun: true });
    assert.equal(preview.decisions, 2);
    assert.equal(
      (await store.memberships.get(alice))?.state,
      "active",
      "a dry run changes nothing",
    );
    const result = await syncWithStripe(ctx);
    assert.equal(result.subscriptions, 2);
    assert.equal(result.granted, 1);
    assert.equal(result.revoked, 1);
    assert.equal((await store.memberships.get(alice))?.state, "revoked");
    assert.equal((await store.memberships.get(bob))?.state, "active");
    assert.deepEqual(fakes.discord.members.roleAdds, [bob.userId]);
    assert.deepEqual(fakes.telegram.members.bans, [alice.userId]);
    const again = await syncWithStripe(ctx);
    assert.equal(again.granted + again.revoked, 0, "a second sync changes nothing");
  } finally {
    await store.close();
    await fakes.close();
  }
});

testBackends(
  "nobody is locked out by a failed call or a closed DM: access is retried, the link kept",
  async (t) => {
    const fakes = startMembershipFakes();
    const store = await t.open();
    const clock = movableClock();
    const ctx = fakes.context(store, clock);
    const handle = stripeWebhook({ ctx, maxBytes: 65536 });
    try {
      await createOffer(ctx, alice, "cli");
      await createOffer(ctx, bob, "cli");
      for (const session of [...fakes.stripe.sessions.keys()]) {
        const paid = fakes.stripe.complete(session, clock.now());
        for (const event of [paid.created, paid.session]) {
          const req = await signedRequest(event);
          assert.equal((await handle(req)).status, 200);
        }
      }
      fakes.telegram.members.silent.add(alice.userId);
      // A role id Discord does not know: the grant fails and stays decided.
      const wrongRole = fakes.context(store, clock, {
        ...ctx.config,
        membership: { ...ctx.config.membership, discordRoleId: "1190000000000000999" },
      });
      await onboarding.run(wrongRole);
      const failed = await store.memberships.get(bob);
      assert.equal(failed?.state, "pending");
      assert.match(failed?.lastError ?? "", /Unknown Role/);
      const invited = await store.memberships.get(alice);
      assert.equal(invited?.state, "active", "the DM failed, the access did not");
      assert.equal(invited?.inviteLink, fakes.telegram.members.invites[0].link);

      await onboarding.run(ctx);
      assert.equal((await store.memberships.get(bob))?.state, "pending", "waits out its backoff");
      clock.advance(31_000);
      await onboarding.run(ctx);
      assert.equal((await store.memberships.get(bob))?.state, "active");
      assert.deepEqual(fakes.discord.members.roleAdds, [bob.userId]);
    } finally {
      await store.close();
      await fakes.close();
    }
  },
);

testBackends(
  "with a public URL an offer links through /offer, which counts the click",
  async (t) => {
    const fakes = startMembershipFakes();
    const store = await t.open();
    const clock = movableClock();
    const server = await serveWebhooks(fakes.context(store, clock), {
      port: 0,
      hostname: "127.0.0.1",
    });
    const publicUrl = `http://127.0.0.1:${server.port}`;
    const ctx = fakes.context(store, clock, {
      ...fakes.config,
      membership: { ...fakes.config.membership, publicUrl },
    });
    try {
      const link = await createOffer(ctx, bob, "cli");
      assert.ok(link.startsWith(`${publicUrl}/offer?s=cs_test_`), link);
      const res = await fetch(link, { redirect: "manual" });
      assert.equal(res.status, 302);
      const [session] = fakes.stripe.sessions.values();
      assert.equal(res.headers.get("location"), session.url);
      assert.deepEqual(await store.conversions.funnel(0), [{
        channel: "cli",
        state: "clicked",
        n: 1,
      }]);
      const unknown = await fetch(`${publicUrl}/offer?s=cs_test_nope`, { redirect: "manual" });
      assert.equal(unknown.status, 404);
      await unknown.body?.cancel();
    } finally {
      await server.close();
      await store.close();
      await fakes.close();
    }
  },
);

testBackends("an event that cannot be applied stays pending and holds up no other", async (t) => {
  const fakes = startMembershipFakes();
  const store = await t.open();
  const ctx = fakes.context(store, movableClock());
  try {
    await createOffer(ctx, bob, "cli");
    const paid = fakes.stripe.complete([...fakes.stripe.sessions.keys()][0]);
    const payments = await ctx.integrations.payments();
    assert.ok(!("missing" in payments));
    const good = await payments.verifyEvent(...Object.values(await sign(paid.created)) as [
      string,
      string,
    ]);
    // Stored earlier than the good one, and unusable: a subscription without a status.
    const broken = { ...good.subscription!, status: null as unknown as string };
    await store.billing.recordEvent(
      { id: "evt_broken", type: good.type, createdAt: 1, subscription: broken },
      1,
    );
    await store.billing.recordEvent(good, Date.now());
    const outcome = await onboarding.run(ctx);
    assert.match(outcome.summary, /1 events left pending after errors/);
    assert.equal((await store.memberships.get(bob))?.state, "active");
    assert.deepEqual((await store.billing.pendingEvents()).map((e) => e.id), ["evt_broken"]);
  } finally {
    await store.close();
    await fakes.close();
  }
});
