import assert from "node:assert/strict";
import { conversion } from "../agents/monetization/conversion.ts";
import { handleMembershipUpdate } from "../agents/monetization/telegram_updates.ts";
import type { Store } from "../storage/mod.ts";
import { testBackends } from "../storage/test_backends.ts";
import { PRIVATE_CHAT_ID } from "./fakes/telegram_members.ts";
import { movableClock, startMembershipFakes } from "./_memberships.ts";

const NOW = Date.UTC(2026, 2, 10, 12);
const HOUR = 3_600_000;

/** A person on `platform` with interactions of these kinds over the last days. */
async function seed(store: Store, platform: string, userId: string, kinds: string[]) {
  const [{ id }] = await store.db.all<{ id: number }>(
    `INSERT INTO community_users (platform, external_id, handle, first_seen_at, last_seen_at)
     VALUES (?, ?, ?, ?, ?) RETURNING id`,
    [platform, userId, `user${userId}`, NOW - 240 * HOUR, NOW - HOUR],
  );
  for (const [i, kind] of kinds.entries()) {
    await store.db.run(
      `INSERT INTO user_interactions (platform, external_id, user_id, kind, text, received_at)
       VALUES (?, ?, ?, ?, 'gm, great chart', ?)`,
      [platform, `${userId}-${i}`, Number(id), kind, NOW - (i + 1) * HOUR],
    );
  }
}

testBackends("offers go by DM to engaged people who wrote first, within both caps", async (t) => {
  const fakes = startMembershipFakes();
  const store = await t.open();
  const clock = movableClock(NOW);
  const ctx = fakes.context(store, clock);
  try {
    await seed(store, "telegram", "101", ["direct_message", "reply", "reply"]); // 7: offered
    // Discord intake sees no DMs: mentions of the bot are how a person talks to it there.
    await seed(store, "discord", "200000000000000202", ["mention", "mention", "reaction"]); // 5
    await seed(store, "discord", "200000000000000203", ["comment", "comment", "comment"]); // 6, never to us
    await seed(store, "telegram", "103", ["mention", "reply", "reply", "reply"]); // 8, never wrote
    await seed(store, "telegram", "104", ["direct_message"]); // 3: not engaged enough
    await seed(store, "x", "105", ["direct_message", "reply", "reply"]); // no membership on X
    const ctxCapped = {
      ...ctx,
      config: { ...ctx.config, conversion: { ...ctx.config.conversion, dailyCap: 1 } },
    };

    const first = await conversion.run(ctxCapped);
    assert.equal(first.written, 1, "the daily cap lets one through");
    assert.deepEqual(fakes.telegram.members.dms.map((d) => d.userId), ["101"]);
    assert.match(fakes.telegram.members.dms[0].text, /checkout\.stripe\.com/);
    assert.equal((await conversion.run(ctxCapped)).written, 0, "cap reached for today");

    clock.advance(24 * HOUR);
    const next = await conversion.run(ctx);
    assert.equal(next.written, 1, "only the Discord person is left: 101 had an offer this month");
    assert.deepEqual(fakes.discord.members.dms.map((d) => d.userId), ["200000000000000202"]);
    const funnel = await store.conversions.funnel(0);
    assert.deepEqual(funnel, [{ channel: "dm", state: "offered", n: 2 }]);

    clock.advance(31 * 24 * HOUR);
    assert.equal(
      (await conversion.run(ctx)).written,
      0,
      "interactions older than 30 days count for nothing",
    );
  } finally {
    await store.close();
    await fakes.close();
  }
});

testBackends("replying stop opts out for good; /join always gets a link", async (t) => {
  const fakes = startMembershipFakes();
  const store = await t.open();
  const ctx = fakes.context(store, movableClock(NOW));
  const message = (text: string) => ({
    update_id: 1,
    message: { chat: { id: 101, type: "private" }, from: { id: 101 }, text },
  });
  try {
    await seed(store, "telegram", "101", ["direct_message", "reply", "reply"]);
    assert.equal(await handleMembershipUpdate(ctx, message("STOP")), "opted-out");
    assert.equal((await conversion.run(ctx)).written, 0);
    assert.ok(await store.conversions.optedOut({ platform: "telegram", userId: "101" }));

    assert.equal(await handleMembershipUpdate(ctx, message("/join")), "offered");
    assert.match(fakes.telegram.members.dms.at(-1)!.text, /checkout\.stripe\.com/);
    const [session] = fakes.stripe.sessions.values();
    assert.equal(session.client_reference_id, "telegram:101");
    assert.equal(await handleMembershipUpdate(ctx, message("hello")), "ignored");
  } finally {
    await store.close();
    await fakes.close();
  }
});

testBackends(
  "join requests and newcomers to the private channel are checked against memberships",
  async (t) => {
    const fakes = startMembershipFakes();
    const store = await t.open();
    const ctx = fakes.context(store, movableClock(NOW));
    const chat = { id: Number(PRIVATE_CHAT_ID) };
    try {
      await store.memberships.decide(
        { platform: "telegram", userId: "101" },
        "pending",
        "paid",
        NOW,
      );
      const request = (id: number) => ({ update_id: 2, chat_join_request: { chat, from: { id } } });
      assert.equal(await handleMembershipUpdate(ctx, request(101)), "approved");
      assert.equal(await handleMembershipUpdate(ctx, request(999)), "declined");
      assert.deepEqual(fakes.telegram.members.approvals, ["101"]);
      assert.deepEqual(fakes.telegram.members.declines, ["999"]);

      const joined = (id: number) => ({
        update_id: 3,
        chat_member: {
          chat,
          new_chat_member: { status: "member", user: { id } },
          invite_link: { invite_link: "https://t.me/+someoneElses" },
        },
      });
      assert.equal(await handleMembershipUpdate(ctx, joined(999)), "removed");
      assert.equal(await handleMembershipUpdate(ctx, joined(101)), "ignored");
      assert.deepEqual(fakes.telegram.members.bans, ["999"]);
      assert.deepEqual(fakes.telegram.members.unbans, ["999"]);
    } finally {
      await store.close();
      await fakes.close();
    }
  },
);
