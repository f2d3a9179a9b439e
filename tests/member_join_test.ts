/**
 * A paying member is never locked out by a spent link: the invite sent on
 * payment admits one person and expires, so /join from an active member on
 * Telegram makes a new single-use link, records it and sends it.
 */
import assert from "node:assert/strict";
import { createOffer } from "../agents/monetization/_offer.ts";
import { answerDiscordCommand } from "../agents/monetization/discord_commands.ts";
import { onboarding } from "../agents/monetization/onboarding.ts";
import { handleMembershipUpdate } from "../agents/monetization/telegram_updates.ts";
import { stripeWebhook } from "../orchestrator/stripe_webhook.ts";
import { testBackends } from "../storage/test_backends.ts";
import { movableClock, signedRequest, startMembershipFakes } from "./_memberships.ts";

const alice = { platform: "telegram" as const, userId: "700001" };
const DAY = 86_400_000;

testBackends(
  "an active member's /join gets a new single-use link, not the spent one",
  async (t) => {
    const fakes = startMembershipFakes({ inviteHours: 24 });
    const store = await t.open();
    const clock = movableClock(Date.UTC(2026, 0, 1));
    const ctx = fakes.context(store, clock);
    const handle = stripeWebhook({ ctx, maxBytes: 65536 });
    const join = {
      update_id: 1,
      message: { chat: { id: 700001, type: "private" }, from: { id: 700001 }, text: "/join" },
    };
    try {
      await createOffer(ctx, alice, "cli");
      const paid = fakes.stripe.complete([...fakes.stripe.sessions.keys()][0], clock.now());
      for (const event of [paid.created, paid.session]) {
        const res = await handle(await signedRequest(event));
        assert.equal(res.status, 200);
      }
      await onboarding.run(ctx);
      const invites = fakes.telegram.members.invites;
      assert.equal(invites.length, 1);

      clock.advance(2 * DAY); // the first link is long spent
      assert.equal(await handleMembershipUpdate(ctx, join), "relinked");
      assert.equal(invites.length, 2);
      const fresh = invites[1];
      assert.notEqual(fresh.link, invites[0].link);
      assert.equal(fresh.memberLimit, 1);
      // Telegram counts the expiry on the real clock.
      assert.ok(fresh.expireDate! > Date.now() / 1000 + 23 * 3600, "valid inviteHours from now");
      const dm = fakes.telegram.members.dms.at(-1)!;
      assert.equal(dm.userId, alice.userId);
      assert.ok(dm.text.includes(fresh.link), dm.text);
      assert.ok(!dm.text.includes(invites[0].link));
      assert.equal((await store.memberships.get(alice))?.inviteLink, fresh.link);
      assert.deepEqual(fakes.telegram.members.revoked, [invites[0].link], "the old link stops");
      assert.equal(fakes.stripe.sessions.size, 1, "a member is not offered the membership again");
    } finally {
      await store.close();
      await fakes.close();
    }
  },
);

testBackends("an active Discord member's /join puts back a role lost on leaving", async (t) => {
  const fakes = startMembershipFakes();
  const store = await t.open();
  const clock = movableClock(Date.UTC(2026, 0, 1));
  const ctx = fakes.context(store, clock);
  const bob = { platform: "discord" as const, userId: "800000000000000002" };
  try {
    await store.memberships.decide(bob, "pending", "subscription active", clock.now());
    await onboarding.run(ctx);
    assert.deepEqual(fakes.discord.members.roleAdds, [bob.userId]);
    // Bob left the server and came back: Discord dropped his roles meanwhile.
    const answer = await answerDiscordCommand(ctx, "join", bob.userId);
    assert.match(answer, /member already/);
    assert.deepEqual(fakes.discord.members.roleAdds, [bob.userId, bob.userId]);
    assert.equal(fakes.stripe.sessions.size, 0, "no offer to a member");
  } finally {
    await store.close();
    await fakes.close();
  }
});

testBackends("Discord /join never offers a second Checkout to someone who paid", async (t) => {
  const fakes = startMembershipFakes();
  const store = await t.open();
  const clock = movableClock(Date.UTC(2026, 0, 1));
  const ctx = fakes.context(store, clock);
  const carol = { platform: "discord" as const, userId: "800000000000000003" };
  const dave = { platform: "discord" as const, userId: "800000000000000004" };
  try {
    // Carol paid, but is not in the server: Onboarding cannot grant her role yet.
    fakes.discord.members.absent.add(carol.userId);
    await store.memberships.decide(carol, "pending", "subscription active", clock.now());
    await onboarding.run(ctx);
    assert.equal((await store.memberships.get(carol))?.state, "pending");
    assert.match(await answerDiscordCommand(ctx, "join", carol.userId), /payment went through/);
    // Dave is a member who has left the server since: the role cannot be given back.
    await store.memberships.decide(dave, "pending", "subscription active", clock.now());
    await onboarding.run(ctx);
    fakes.discord.members.absent.add(dave.userId);
    assert.match(await answerDiscordCommand(ctx, "join", dave.userId), /join it again/);
    assert.equal(fakes.stripe.sessions.size, 0, "no offer to someone who paid");
  } finally {
    await store.close();
    await fakes.close();
  }
});
