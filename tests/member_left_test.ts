/**
 * A Discord member who left the server has no roles left to remove: Discord
 * answers Unknown Member (10007), and the revocation is done, not retried.
 */
import assert from "node:assert/strict";
import { onboarding } from "../agents/monetization/onboarding.ts";
import { testBackends } from "../storage/test_backends.ts";
import { movableClock, startMembershipFakes } from "./_memberships.ts";

const bob = { platform: "discord" as const, userId: "800000000000000002" };

testBackends("revoking a Discord member who left the server is done at once", async (t) => {
  const fakes = startMembershipFakes();
  const store = await t.open();
  const clock = movableClock(Date.UTC(2026, 0, 1));
  const ctx = fakes.context(store, clock);
  try {
    await store.memberships.decide(bob, "pending", "subscription active", clock.now());
    await onboarding.run(ctx);
    assert.equal((await store.memberships.get(bob))?.state, "active");

    fakes.discord.members.absent.add(bob.userId);
    clock.advance(60_000);
    await store.memberships.decide(bob, "revoking", "subscription canceled", clock.now());
    const outcome = await onboarding.run(ctx);
    assert.match(outcome.summary, /1 revoked/);
    assert.doesNotMatch(outcome.summary, /to retry/);
    const row = await store.memberships.get(bob);
    assert.equal(row?.state, "revoked");
    assert.equal(row?.lastError, null);
    assert.deepEqual(fakes.discord.members.roleRemoves, []);
  } finally {
    await store.close();
    await fakes.close();
  }
});
