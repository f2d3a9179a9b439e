import assert from "node:assert/strict";
import { testBackends } from "../../storage/test_backends.ts";
import { performanceAnalytics } from "./performance_analytics.ts";
import { ctxFor, DAY, HOUR, NOW, seedPublished } from "./_test_seed.ts";

testBackends(
  "daily snapshots sum each platform's posts and keep unknowns NULL",
  async ({ open }) => {
    const store = await open();
    try {
      const day = NOW - 2 * DAY;
      await seedPublished(store, {
        platform: "x",
        format: "single",
        publishedAt: day + HOUR,
        impressions: 1000,
        engagements: 30,
      });
      await seedPublished(store, {
        platform: "x",
        format: "thread",
        publishedAt: day + 2 * HOUR,
        impressions: 3000,
        engagements: 60,
      });
      await seedPublished(store, {
        platform: "telegram",
        format: "channel_post",
        publishedAt: day + HOUR,
        impressions: null,
        engagements: 7,
      });
      await performanceAnalytics.run(ctxFor(store));
      const rows = (await store.snapshots.since(day)).filter((s) => s.day === day);
      const x = rows.find((r) => r.platform === "x")!;
      assert.deepEqual([x.posts, x.impressions, x.engagements], [2, 4000, 90]);
      assert.equal(x.engagementRate, 90 / 4000);
      const tg = rows.find((r) => r.platform === "telegram")!;
      assert.deepEqual([tg.posts, tg.impressions, tg.engagements, tg.engagementRate], [
        1,
        null,
        7,
        null,
      ]);
      const all = rows.find((r) => r.platform === "all")!;
      assert.equal(all.posts, 3);
      assert.equal(all.mrrCents, null, "MRR is known only for today");
      assert.equal(all.followers, null, "no source stores followers");
    } finally {
      await store.close();
    }
  },
);

testBackends(
  "today's snapshot carries members and MRR; a later run keeps past days' figures",
  async ({ open }) => {
    const store = await open();
    try {
      for (const [user, state] of [["1", "active"], ["2", "active"], ["3", "revoked"]]) {
        await store.db.run(
          `INSERT INTO memberships (platform, user_id, state, updated_at) VALUES ('telegram', ?, ?, ?)`,
          [user, state, NOW],
        );
      }
      for (const [id, cents, interval] of [["a", 1000, "month"], ["b", 12000, "year"]] as const) {
        await store.db.run(
          `INSERT INTO subscriptions (subscription_id, customer_id, status, status_since,
             amount_cents, currency, billing_interval, interval_count, event_at, started_at,
             updated_at) VALUES (?, 'cus', 'active', ?, ?, 'usd', ?, 1, ?, ?, ?)`,
          [`sub_${id}`, NOW, cents, interval, NOW, NOW, NOW],
        );
      }
      await performanceAnalytics.run(ctxFor(store, NOW + HOUR));
      const today = (await store.snapshots.since(NOW)).find((s) => s.platform === "all")!;
      // $10 a month and $120 a year: $20 a month.
      assert.deepEqual([today.members, today.mrrCents], [2, 2000]);
      // The next day nobody is a member any more; yesterday's row still says 2.
      await store.db.run("UPDATE memberships SET state = 'revoked'");
      await performanceAnalytics.run(ctxFor(store, NOW + DAY + HOUR));
      const rows = await store.snapshots.since(NOW);
      const all = rows.filter((s) => s.platform === "all").map((s) => s.members);
      assert.deepEqual(all, [2, 0]);
    } finally {
      await store.close();
    }
  },
);
