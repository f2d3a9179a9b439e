import assert from "node:assert/strict";
import { contentCreation } from "../agents/foundation/content_creation.ts";
import { seedPlan, seedPublished } from "../agents/learning/_test_seed.ts";
import { openStore } from "../storage/mod.ts";
import { withTempDir } from "./cli.ts";
import { HARNESS_NOW, withHarness } from "./harness.ts";

Deno.test("Claude is given the platform's distilled lessons, never past posts", async () => {
  await withTempDir((dir) =>
    withHarness(() => openStore(`${dir}/creator.db`), async (h, store) => {
      await seedPublished(store, {
        platform: "x",
        format: "thread",
        publishedAt: HARNESS_NOW - 86_400_000,
        impressions: 1000,
        engagements: 60,
      });
      const lesson = "threads outperform single posts on X by 1.8x over 30 days";
      await store.learning.saveLesson({
        topic: "x:format",
        text: lesson,
        evidence: {},
        updatedAt: 0,
      });
      await store.learning.saveLesson({
        topic: "telegram:hour",
        text: "posts at 08:00-12:00 UTC outperform posts at 16:00-20:00 UTC on Telegram",
        evidence: {},
        updatedAt: 0,
      });
      await seedPlan(store, { platform: "x", format: "single", at: HARNESS_NOW });
      await contentCreation.run(h.context(store));
      const [request] = h.anthropic.requests;
      const body = request.body as { system: { text: string }[]; messages: { content: string }[] };
      const user = JSON.parse(body.messages[0].content);
      assert.deepEqual(user.lessons_from_past_performance, [lesson]);
      // The cached system prefix stays the same for every draft.
      assert.ok(!JSON.stringify(body.system).includes("outperform"));
      // The published post's text ("seeded") is nowhere in the request.
      assert.ok(!JSON.stringify(body).includes("seeded"));
    })
  );
});
