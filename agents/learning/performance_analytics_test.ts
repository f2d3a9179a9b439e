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
      assert.equal(all.mrrCents, null);
    } finally {
      await store.close();
    }
  },
);
