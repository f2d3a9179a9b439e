/** Analytics end to end on both backends: the real SDKs against the platform fakes. */
import assert from "node:assert/strict";
import { analytics } from "../agents/audience/analytics.ts";
import { engagement } from "../agents/audience/engagement.ts";
import { fixedClock } from "../core/clock.ts";
import { createLogger, type LogRecord } from "../core/log.ts";
import type { Store } from "../storage/mod.ts";
import { testBackends } from "../storage/test_backends.ts";
import { seedPublished, seedPublishedMany } from "./_seed_published.ts";
import { audienceReply } from "./_audience.ts";
import { type Harness, HARNESS_NOW, withHarness } from "./harness.ts";

const HOUR = 3_600_000;

function measure(h: Harness, store: Store, at = HARNESS_NOW) {
  const logs: LogRecord[] = [];
  const log = createLogger([(r) => logs.push(r)], "debug");
  return analytics.run(h.context(store, { clock: fixedClock(at), log }));
}

testBackends("X posts are measured once per age bucket, 100 ids per call", async (t) => {
  await withHarness(t.open, async (h, store) => {
    const posts = Array.from({ length: 101 }, (_, i) => ({
      platform: "x" as const,
      externalId: String(1_890_000_000_000_000_000n + BigInt(i)),
      publishedAt: HARNESS_NOW - 2 * HOUR,
    }));
    const ids = await seedPublishedMany(store, posts);
    for (const p of posts) {
      h.x.audience.setMetrics(p.externalId, { like_count: 5, impression_count: 90 });
    }
    h.x.audience.delete(posts[0].externalId);

    const first = await measure(h, store);
    assert.match(first.summary, /101 posts due, 101 snapshots stored \(1 deleted\), 2 API calls/);
    const again = await measure(h, store);
    assert.match(again.summary, /0 posts due, 0 snapshots stored/);

    const [deleted] = await store.postMetrics.forPost(ids[0]);
    assert.equal(deleted.state, "deleted");
    const [live] = await store.postMetrics.forPost(ids[1]);
    assert.deepEqual([live.ageSeconds, live.likes, live.impressions, live.linkClicks], [
      3600,
      5,
      90,
      0,
    ]);
    const lookups = h.x.requests.filter((r) => r.path.startsWith("/2/tweets?"));
    assert.ok(
      lookups.every((r) => r.path.includes("non_public_metrics")),
      "young posts: private too",
    );

    // Six hours on: the next bucket, and the deleted post is left alone.
    const later = await measure(h, store, HARNESS_NOW + 5 * HOUR);
    assert.match(later.summary, /100 posts due, 100 snapshots stored/);
  });
});

testBackends("a 429 on metrics waits as long as X says, then goes on", async (t) => {
  await withHarness(t.open, async (h, store) => {
    await seedPublished(store, [{
      platform: "x",
      externalId: "1890000000000000001",
      publishedAt: HARNESS_NOW - 2 * HOUR,
    }]);
    h.x.audience.setMetrics("1890000000000000001", { like_count: 1 });
    h.x.audience.failReadsNext(1, 429, 1);
    const started = performance.now();
    const result = await measure(h, store);
    const waited = performance.now() - started;
    assert.match(result.summary, /1 snapshots stored/);
    // x-rate-limit-reset is in whole seconds, 1 s ahead: the wait is 1 to 2 s.
    assert.ok(waited >= 1000 && waited < 5000, `waited ${waited} ms`);
  });
});

testBackends(
  "Discord reactions are stored; Telegram gives reactions but never views",
  async (t) => {
    await withHarness(t.open, async (h, store) => {
      const discordId = h.discord.audience.say({ id: "1", username: "ours" }, "placeholder");
      const [discordPost, telegramPost, silentPost] = await seedPublished(store, [
        { platform: "discord", externalId: discordId, publishedAt: HARNESS_NOW - 2 * HOUR },
        { platform: "telegram", externalId: "4242", publishedAt: HARNESS_NOW - 2 * HOUR },
        { platform: "telegram", externalId: "4243", publishedAt: HARNESS_NOW - 2 * HOUR },
      ]);
      h.discord.audience.setReactions(discordId, [["🔥", 4], ["👍", 2]]);
      h.telegram.audience.reactionCount(4242, [["👍", 7], ["❤", 3]]);
      // Engagement takes the updates in; analytics reads the counts they brought.
      await engagement.run(h.context(store));
      await measure(h, store);

      const [d] = await store.postMetrics.forPost(discordPost);
      assert.equal(d.reactions, 6);
      assert.equal(d.impressions, null);
      const [tg] = await store.postMetrics.forPost(telegramPost);
      assert.equal(tg.reactions, 10);
      assert.equal(tg.impressions, null, "views: not available to bots");
      assert.equal(tg.raw.views, "not available to bots");
      const [none] = await store.postMetrics.forPost(silentPost);
      assert.equal(none.reactions, null, "no count received is not zero");
    }, { anthropicReply: audienceReply });
  },
);

testBackends("a deleted Discord post is recorded as deleted", async (t) => {
  await withHarness(t.open, async (h, store) => {
    const id = h.discord.audience.say({ id: "1", username: "ours" }, "gone soon");
    const [post] = await seedPublished(store, [{
      platform: "discord",
      externalId: id,
      publishedAt: HARNESS_NOW - 2 * HOUR,
    }]);
    h.discord.audience.delete(id);
    await measure(h, store);
    assert.equal((await store.postMetrics.forPost(post))[0].state, "deleted");
  });
});
