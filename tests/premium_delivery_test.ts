/**
 * Premium posts go out like public ones: a refusal is tried again (failed
 * after 3), and a send cut short (the answer lost, or the process gone) is
 * settled against the platform after the send lease, never sent twice.
 * Discord can be asked what is in the members' channel; Telegram cannot, so a
 * Telegram send cut short is left for a person.
 */
import assert from "node:assert/strict";
import { exclusiveContent } from "../agents/monetization/exclusive_content.ts";
import type { Store } from "../storage/mod.ts";
import { testBackends } from "../storage/test_backends.ts";
import { TEST_CHANNEL_ID } from "./fakes/discord.ts";
import { MEMBERS_CHANNEL_ID } from "./fakes/discord_members.ts";
import { PRIVATE_CHAT_ID } from "./fakes/telegram_members.ts";
import { movableClock, startMembershipFakes } from "./_memberships.ts";
import { btcInsight, PREMIUM_NOW } from "./_premium.ts";

const NOW = PREMIUM_NOW;
const LEASE = 120_000;

function setup() {
  return startMembershipFakes(
    { telegramChatId: PRIVATE_CHAT_ID, discordChannelId: MEMBERS_CHANNEL_ID },
    { telegramChannelId: "-1001234567890", discordChannelId: TEST_CHANNEL_ID },
  );
}

async function seedInsights(store: Store) {
  await store.insights.add([
    btcInsight("rsi_extreme", "1h", "BTC/USDT RSI(14) at 78 on 1h"),
    btcInsight("ma_cross", "4h", "BTC/USDT 50/200 MA golden cross on 4h"),
  ], NOW - 60_000);
}

async function statusOf(store: Store) {
  const posts = await store.premium.all();
  return Object.fromEntries(posts.map((p) => [p.destination, p.status]));
}

testBackends("a refused premium post is tried again, and left failed after 3 tries", async (t) => {
  const fakes = setup();
  const store = await t.open();
  const ctx = fakes.context(store, movableClock(NOW));
  try {
    await seedInsights(store);
    fakes.telegram.members.privatePostFailures.push({ status: 400 });
    const refusals = [{ status: 400 }, { status: 400 }, { status: 400 }];
    fakes.discord.members.memberPostFailures.push(...refusals);

    const first = await exclusiveContent.run(ctx);
    assert.match(first.summary, /2 refused by the platform/);
    assert.deepEqual(await statusOf(store), { telegram: "pending", discord: "pending" });
    const [telegram] = await store.premium.all();
    assert.equal(telegram.attempts, 1);
    assert.match(telegram.error ?? "", /400/);

    await exclusiveContent.run(ctx);
    assert.deepEqual(await statusOf(store), { telegram: "sent", discord: "pending" });
    await exclusiveContent.run(ctx);
    const [, discord] = await store.premium.all();
    assert.equal(discord.status, "failed");
    assert.equal(discord.attempts, 3);
    assert.match(discord.error ?? "", /400/);

    await exclusiveContent.run(ctx);
    assert.equal(fakes.telegram.members.privatePosts.length, 1, "sent once");
    assert.equal(fakes.discord.members.memberPosts.length, 0, "never sent after 3 refusals");
  } finally {
    await store.close();
    await fakes.close();
  }
});

testBackends("a premium send whose answer was lost is reconciled, not sent again", async (t) => {
  const fakes = setup();
  const store = await t.open();
  const clock = movableClock(NOW);
  const ctx = fakes.context(store, clock);
  try {
    await seedInsights(store);
    // Both platforms post the message, then the answer is lost (a 500 after storing).
    fakes.telegram.members.privatePostFailures.push({ status: 500, afterStore: true });
    fakes.discord.members.memberPostFailures.push({ status: 500, afterStore: true });
    const first = await exclusiveContent.run(ctx);
    assert.match(first.summary, /2 awaiting reconciliation/);
    assert.deepEqual(await statusOf(store), { telegram: "sending", discord: "sending" });

    await exclusiveContent.run(ctx);
    assert.deepEqual(await statusOf(store), { telegram: "sending", discord: "sending" });

    clock.advance(LEASE + 1_000);
    const settled = await exclusiveContent.run(ctx);
    assert.match(settled.summary, /2 reconciled/);
    assert.deepEqual(await statusOf(store), { telegram: "unknown", discord: "sent" });
    const [, discord] = await store.premium.all();
    assert.equal(discord.externalId, fakes.discord.members.memberMessages[0].id);

    clock.advance(LEASE + 1_000);
    await exclusiveContent.run(ctx);
    assert.equal(fakes.telegram.members.privatePosts.length, 1);
    assert.equal(fakes.discord.members.memberPosts.length, 1);
  } finally {
    await store.close();
    await fakes.close();
  }
});

testBackends("a premium post whose sender died before sending goes out once", async (t) => {
  const fakes = setup();
  const store = await t.open();
  const clock = movableClock(NOW);
  const ctx = fakes.context(store, clock);
  try {
    for (const destination of ["telegram", "discord"] as const) {
      const post = {
        destination,
        symbol: "ETH/USDT",
        windowStart: NOW - (NOW % 21_600_000),
        insightIds: [],
        parts: ["Members' deep dive: ETH/USDT across 1h, 4h"],
      };
      assert.ok(await store.premium.add(post, NOW));
    }
    // A process reserved both, then died: it never sent, nor can say so.
    for (const post of await store.premium.all()) {
      assert.ok(await store.premium.reserve(post.id, "gone-instance", NOW));
    }
    await exclusiveContent.run(ctx);
    assert.deepEqual(await statusOf(store), { telegram: "sending", discord: "sending" });

    clock.advance(LEASE + 1_000);
    await exclusiveContent.run(ctx);
    assert.deepEqual(await statusOf(store), { telegram: "unknown", discord: "sent" });
    assert.equal(fakes.discord.members.memberPosts.length, 1, "Discord showed it was not out");
    assert.equal(fakes.telegram.members.privatePosts.length, 0, "Telegram cannot tell: not sent");
    const [, discord] = await store.premium.all();
    assert.equal(discord.attempts, 2, "the lost try counts");
  } finally {
    await store.close();
    await fakes.close();
  }
});
