import assert from "node:assert/strict";
import type { AudienceMember, IncomingMessage } from "../core/vocabulary.ts";
import { seedPublished } from "../tests/_seed_published.ts";
import { testBackends } from "./test_backends.ts";

const HOUR = 3_600_000;
const NOW = Date.UTC(2025, 1, 1, 12);
const CAPS = { perUser: 2, userSince: NOW - 24 * HOUR, overall: 3, overallSince: NOW - HOUR };

function member(id: string, over: Partial<AudienceMember> = {}): AudienceMember {
  return {
    platform: "x",
    externalId: id,
    handle: `user${id}`,
    displayName: null,
    isBot: false,
    ...over,
  };
}

function message(
  id: string,
  author: AudienceMember,
  over: Partial<IncomingMessage> = {},
): IncomingMessage {
  return {
    platform: author.platform,
    externalId: id,
    kind: "mention",
    author,
    text: `hello ${id}`,
    sentAt: NOW - 1000,
    inReplyToPostId: null,
    conversationId: null,
    ...over,
  };
}

testBackends(
  "interactions are stored once per platform message id, linked to our post",
  async (t) => {
    const store = await t.open();
    try {
      const [postId] = await seedPublished(store, [
        { platform: "x", externalId: "900", partIds: ["900", "901"], publishedAt: NOW - HOUR },
      ]);
      const alice = member("1");
      const batch = [
        message("10", alice, { inReplyToPostId: "901" }),
        message("11", member("2", { isBot: true })),
      ];
      assert.equal(await store.interactions.record(batch, NOW), 2);
      assert.equal(await store.interactions.record(batch, NOW + 1), 0);
      const stored = await store.interactions.get("x", "10");
      assert.equal(stored?.postId, postId);
      assert.equal((await store.interactions.get("x", "11"))?.isBot, true);
      assert.equal((await store.community.find("x", "1"))?.firstSeenAt, NOW);
      assert.equal((await store.community.find("x", "1"))?.lastSeenAt, NOW + 1);
      assert.equal((await store.counts()).community_users, 2);
    } finally {
      await store.close();
    }
  },
);

testBackends("reserveReply() hands each message to one caller and keeps the caps", async (t) => {
  const store = await t.open();
  try {
    const alice = member("1");
    const ids = ["a", "b", "c", "d"].map((id) => message(id, id === "d" ? member("2") : alice));
    await store.interactions.record(ids, NOW);
    const rows = await store.interactions.unclassified();
    for (const r of rows) {
      await store.interactions.classify(r.id, {
        classification: "question",
        reason: "test",
        reply: true,
        replyReason: "a question",
      });
    }
    const [a, b, c, d] = rows;
    const both = await Promise.all([
      store.replies.reserveReply(a.id, "one", NOW, CAPS),
      store.replies.reserveReply(a.id, "two", NOW, CAPS),
    ]);
    assert.deepEqual(both.sort(), ["reserved", "taken"]);
    assert.equal(await store.replies.reserveReply(b.id, "one", NOW, CAPS), "reserved");
    assert.equal(await store.replies.reserveReply(c.id, "one", NOW, CAPS), "user-cap");
    assert.equal(await store.replies.reserveReply(d.id, "one", NOW, CAPS), "reserved");
    assert.equal(
      await store.replies.reserveReply(c.id, "one", NOW, { ...CAPS, perUser: 9 }),
      "overall-cap",
    );
    assert.equal(await store.replies.expireSending(NOW + 1), 3);
    assert.equal((await store.interactions.get("x", "a"))?.replyState, "unknown");
    assert.equal((await store.interactions.get("x", "c"))?.replyState, "pending");
  } finally {
    await store.close();
  }
});

testBackends("intake cursors only move forward", async (t) => {
  const store = await t.open();
  try {
    assert.equal(await store.intake.cursor("x", "mentions"), null);
    await store.intake.advance("x", "mentions", "1000", NOW);
    await store.intake.advance("x", "mentions", "999", NOW);
    assert.equal(await store.intake.cursor("x", "mentions"), "1000");
    await store.intake.advance("x", "mentions", "10000", NOW);
    assert.equal(await store.intake.cursor("x", "mentions"), "10000");
  } finally {
    await store.close();
  }
});

testBackends("post metrics: one snapshot per (post, age), the latest bucket reached", async (t) => {
  const store = await t.open();
  try {
    const buckets = [3600, 6 * 3600, 24 * 3600];
    const [young, old, stale] = await seedPublished(store, [
      { platform: "x", externalId: "1", publishedAt: NOW - 2 * HOUR },
      { platform: "discord", externalId: "2", publishedAt: NOW - 25 * HOUR },
      { platform: "x", externalId: "3", publishedAt: NOW - 40 * 24 * HOUR },
    ]);
    const due = await store.postMetrics.due(NOW, buckets);
    assert.deepEqual(due.map((d) => [d.postId, d.ageSeconds]), [[old, 86400], [young, 3600]]);
    assert.ok(!due.some((d) => d.postId === stale));
    const metrics = {
      impressions: null,
      likes: 3,
      reposts: 1,
      replies: 0,
      quotes: 0,
      bookmarks: null,
      reactions: null,
      linkClicks: null,
      profileClicks: null,
      raw: { like_count: 3 },
    };
    const snap = { postId: young, platform: "x" as const, ageSeconds: 3600, measuredAt: NOW };
    assert.equal(await store.postMetrics.record([{ ...snap, state: "live", metrics }]), 1);
    assert.equal(await store.postMetrics.record([{ ...snap, state: "live", metrics }]), 0);
    await store.postMetrics.record([{ ...snap, postId: old, ageSeconds: 86400, state: "deleted" }]);
    assert.deepEqual(await store.postMetrics.due(NOW, buckets), []);
    const [row] = await store.postMetrics.forPost(young);
    assert.equal(row.likes, 3);
    assert.equal(row.impressions, null);
  } finally {
    await store.close();
  }
});

testBackends("the X budget is never overspent, even by callers at once", async (t) => {
  const store = await t.open();
  try {
    const entry = { day: "2025-02-01", kind: "reply", calls: 1, costMicros: 15_000, at: NOW };
    const results = await Promise.all(
      Array.from({ length: 10 }, () => store.xSpend.charge(entry, 50_000)),
    );
    assert.equal(results.filter(Boolean).length, 3);
    assert.equal(await store.xSpend.spent("2025-02-01"), 45_000);
    assert.equal(await store.xSpend.spent("2025-02-02"), 0);
  } finally {
    await store.close();
  }
});

testBackends(
  "stored Telegram updates are read back in the order stored, whatever their ids",
  async (t) => {
    const store = await t.open();
    try {
      const update = (updateId: number) => ({ updateId, kind: "message", payload: { updateId } });
      assert.equal(await store.intake.lastUpdateSeq(), 0);
      await store.intake.storeUpdates([update(900_001), update(900_002)], 1);
      const place = await store.intake.lastUpdateSeq();
      // After a week without updates Telegram numbers the next one at random, maybe lower.
      await store.intake.storeUpdates([update(12_345)], 2);
      const after = await store.intake.updatesAfter(place);
      assert.deepEqual(after.map((u) => u.updateId), [12_345]);
      assert.deepEqual(
        (await store.intake.updatesAfter(0)).map((u) => u.updateId),
        [900_001, 900_002, 12_345],
      );
    } finally {
      await store.close();
    }
  },
);
