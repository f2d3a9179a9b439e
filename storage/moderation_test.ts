import assert from "node:assert/strict";
import { testBackends } from "./test_backends.ts";

const action = (key: string) => ({
  platform: "discord",
  chatId: "g1",
  messageId: "m1",
  userId: "u1",
  userName: "bob",
  rule: "scam-phrase",
  action: "timeout",
  reason: "asks to validate a wallet",
  evidence: "validate your wallet",
  messageText: "please validate your wallet",
  dedupeKey: key,
  instance: "host:1",
  at: 1_000,
});

testBackends(
  "moderation: an action key is reserved once; undo applies once to a done action",
  async (t) => {
    const store = await t.open();
    try {
      const id = await store.moderation.reserve(action("discord:g1:c1:m1"));
      assert.ok(id !== null);
      assert.equal(await store.moderation.reserve(action("discord:g1:c1:m1")), null);
      assert.equal(await store.moderation.markUndone(id, 2_000), false, "pending is not done");
      await store.moderation.finish(id, true, null, { until: 3_601_000 });
      const done = await store.moderation.get(id);
      assert.equal(done?.status, "done");
      assert.deepEqual(done?.details, { until: 3_601_000 });
      assert.equal(done?.messageText, "please validate your wallet");
      assert.equal(await store.moderation.markUndone(id, 2_000), true);
      assert.equal(await store.moderation.markUndone(id, 3_000), false);
      assert.equal((await store.moderation.get(id))?.undoneAt, 2_000);
      assert.equal((await store.counts()).moderation_actions, 1);
    } finally {
      await store.close();
    }
  },
);

testBackends(
  "moderation: a list refresh replaces its own source's domains and keeps the others",
  async (t) => {
    const store = await t.open();
    try {
      await store.moderation.replaceDomains(
        "https://a.example/list",
        { blocked: ["evil.com", "evil.com", "bad.net"], allowed: ["good.org"], protect: [] },
        10,
      );
      await store.moderation.replaceDomains("https://b.example/list", {
        blocked: ["other.io"],
        allowed: [],
        protect: ["brand.com"],
      }, 20);
      await store.moderation.replaceDomains(
        "https://a.example/list",
        { blocked: ["worse.com"], allowed: [], protect: [] },
        30,
      );
      const lists = await store.moderation.domains();
      assert.deepEqual(lists.blocked.sort(), ["other.io", "worse.com"]);
      assert.deepEqual(lists.allowed, []);
      assert.deepEqual(lists.protect, ["brand.com"]);
      assert.equal(lists.updatedAt, 30);
    } finally {
      await store.close();
    }
  },
);

testBackends(
  "moderation: one instance holds the lease; another takes it only once it runs out",
  async (t) => {
    const store = await t.open();
    try {
      const claim = (who: string, now: number) =>
        store.moderation.claimLease("community-moderator", who, now, 1_000);
      assert.equal(await claim("a", 0), true);
      assert.equal(await claim("b", 500), false);
      assert.equal(await claim("a", 900), true, "the holder renews");
      assert.equal(await claim("b", 1_500), false, "renewed until 1900");
      assert.equal(await claim("b", 2_000), true, "a stopped renewing: b takes over");
      assert.equal(await claim("a", 2_100), false, "a lost it");
      await store.moderation.releaseLease("community-moderator", "a");
      assert.equal(await claim("a", 2_200), false, "only the holder's release counts");
      await store.moderation.releaseLease("community-moderator", "b");
      assert.equal(await claim("a", 2_300), true);
    } finally {
      await store.close();
    }
  },
);
