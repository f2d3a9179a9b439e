import assert from "node:assert/strict";
import { fixedClock } from "../../core/clock.ts";
import { ConfigSchema } from "../../core/config_schema.ts";
import { createContext } from "../../core/context.ts";
import { testBackends } from "../../storage/test_backends.ts";
import { armKey } from "../learning/arms.ts";
import { seedInsight } from "../learning/_test_seed.ts";
import { contentStrategist } from "./content_strategist.ts";

const NOW = Date.parse("2026-03-02T06:00:00Z");

testBackends(
  "the strategist plans by the learned weights, and its caps still win",
  async ({ open }) => {
    const store = await open();
    try {
      // Nearly all weight on threads at 16-20 UTC for X.
      for (const [format, bucket, weight] of [["thread", 16, 0.9], ["single", 12, 0.1]] as const) {
        await store.learning.saveArm({
          arm: armKey("x", format, bucket, "*"),
          platform: "x",
          format,
          hourBucket: bucket,
          insightKind: "*",
          alpha: 1,
          beta: 1,
          observations: 30,
          weight,
          updatedAt: NOW,
        });
      }
      for (let i = 0; i < 5; i++) await seedInsight(store, `kind_${i}`, NOW);
      const config = ConfigSchema.parse({
        planning: { platforms: ["x"], dailyCaps: { x: 3 }, cooldownHours: 0 },
      });
      await contentStrategist.run(createContext({ config, store, clock: fixedClock(NOW) }));
      const plans = await store.db.all<{ format: string; scheduled_at: number }>(
        "SELECT format, scheduled_at FROM content_plans ORDER BY id",
      );
      const today = plans.filter((p) => Number(p.scheduled_at) < NOW + 18 * 3_600_000);
      assert.equal(today.length, 3, "the daily cap holds");
      const learned = plans.filter((p) => {
        const hour = new Date(Number(p.scheduled_at)).getUTCHours();
        return p.format === "thread" && hour >= 16 && hour < 20;
      });
      assert.ok(
        learned.length >= 3,
        `${learned.length} of ${plans.length} plans in the learned arm`,
      );
    } finally {
      await store.close();
    }
  },
);
