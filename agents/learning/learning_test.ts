import assert from "node:assert/strict";
import { fixedClock } from "../../core/clock.ts";
import { ConfigSchema } from "../../core/config_schema.ts";
import { createContext } from "../../core/context.ts";
import type { Store } from "../../storage/mod.ts";
import { testBackends } from "../../storage/test_backends.ts";
import { abTesting, variantFor } from "./ab_testing.ts";
import { feedbackLoop } from "./feedback_loop.ts";
import { setFrozen } from "./freeze.ts";
import { performanceAnalytics } from "./performance_analytics.ts";
import { strategyTuning } from "./strategy_tuning.ts";
import { publishPlan, seedPlan, seedPublished } from "./_test_seed.ts";

const DAY = 86_400_000, HOUR = 3_600_000;
const NOW = Date.parse("2026-03-31T00:00:00Z");

function ctxFor(store: Store, now = NOW, learning = {}) {
  const config = ConfigSchema.parse({
    planning: { platforms: ["x"] },
    learning: { minObservations: 10, ...learning },
  });
  return createContext({ config, store, clock: fixedClock(now) });
}

/** 40 X posts over 20 days: threads at 16:00 UTC do three times as well as the rest. */
async function seedHistory(store: Store) {
  for (let i = 0; i < 40; i++) {
    const thread = i % 2 === 0, late = i % 4 < 2;
    const at = NOW - (20 - Math.floor(i / 2)) * DAY + (late ? 16 : 12) * HOUR;
    const rate = thread && late ? 0.06 : 0.02;
    await seedPublished(store, {
      platform: "x",
      format: thread ? "thread" : "single",
      publishedAt: at,
      impressions: 1000,
      engagements: Math.round(1000 * rate) + (i % 3),
    });
  }
}

testBackends(
  "tuning moves weight to the arm that performed and audits the change",
  async ({ open }) => {
    const store = await open();
    try {
      await seedHistory(store);
      const result = await strategyTuning.run(ctxFor(store));
      assert.equal(result.read, 40);
      const arms = await store.learning.arms("x");
      const pooled = arms.filter((a) => a.insightKind === "*");
      assert.equal(pooled.length, 6); // 2 formats x buckets 12, 16, 20
      const best = pooled.find((a) => a.format === "thread" && a.hourBucket === 16)!;
      assert.ok(pooled.every((a) => a === best || a.weight < best.weight), "best arm leads");
      assert.ok(pooled.every((a) => a.weight >= 0.05 - 1e-9), "every arm keeps 5% exploration");
      assert.ok(Math.abs(pooled.reduce((s, a) => s + a.weight, 0) - 1) < 1e-3);
      const changes = await store.learning.changes(0);
      const audit = changes.find((c) => c.subject === "x/*")!;
      assert.equal(audit.kind, "arm_weights");
      const before = audit.before as Record<string, number>,
        after = audit.after as Record<string, number>;
      assert.equal(before[best.arm], 1 / 6);
      assert.equal(after[best.arm], best.weight);
      assert.equal((audit.evidence as { posts: number }).posts, 40);
      // Every stored weight change has its audit row.
      assert.equal(changes.filter((c) => c.kind === "arm_weights").length, result.written);
    } finally {
      await store.close();
    }
  },
);

testBackends("nothing changes before a choice has enough measured posts", async ({ open }) => {
  const store = await open();
  try {
    await seedHistory(store);
    const result = await strategyTuning.run(ctxFor(store, NOW, { minObservations: 41 }));
    assert.equal(result.written, 0);
    assert.match(result.summary, /2 waiting for 41 posts/);
    assert.deepEqual(result.details?.waiting, { "x/*": 40, "x/price_move": 40 });
    assert.deepEqual(await store.learning.arms(), []);
    assert.deepEqual(await store.learning.changes(0), []);
  } finally {
    await store.close();
  }
});

testBackends("a freeze stops every change and is itself audited", async ({ open }) => {
  const store = await open();
  try {
    await seedHistory(store);
    assert.equal(await setFrozen(store, true, "launch week", NOW), true);
    assert.equal(await setFrozen(store, true, "again", NOW), false);
    const result = await feedbackLoop.run(ctxFor(store));
    assert.match(result.summary, /frozen/);
    assert.deepEqual(await store.learning.arms(), []);
    assert.deepEqual(await store.learning.lessons(), []);
    const [freeze, ...others] = await store.learning.changes(0);
    assert.deepEqual([freeze.kind, freeze.before, freeze.after], [
      "freeze",
      null,
      { at: NOW, reason: "launch week" },
    ]);
    assert.deepEqual(others, []);
    // Measuring goes on while frozen: the daily series is not a change of behaviour.
    assert.ok((await store.snapshots.since(0)).length > 0);
  } finally {
    await store.close();
  }
});

testBackends(
  "the loop writes lessons as sentences with figures, never past posts",
  async ({ open }) => {
    const store = await open();
    try {
      await seedHistory(store);
      await feedbackLoop.run(ctxFor(store));
      const lessons = await store.learning.lessons();
      const format = lessons.find((l) => l.topic === "x:format")!;
      assert.match(format.text, /^threads outperform single posts on X by \d\.\dx over 30 days$/);
      const changes = await store.learning.changes(0);
      assert.ok(changes.some((c) => c.kind === "lesson" && c.after === format.text));
      assert.ok(!lessons.some((l) => l.text.includes("seeded")), "no post text in lessons");
    } finally {
      await store.close();
    }
  },
);

testBackends(
  "plans get their variant deterministically, and format variants apply",
  async ({ open }) => {
    const store = await open();
    try {
      const id = await store.experiments.create({
        name: "threads",
        dimension: "format",
        platform: "x",
        metric: "engagement_rate_24h",
        minSample: 1000,
        variants: [
          { name: "single", isControl: true, weight: 1, config: { format: "single" } },
          { name: "thread", isControl: false, weight: 1, config: { format: "thread" } },
        ],
      }, NOW - DAY);
      const plans = [];
      for (let i = 0; i < 30; i++) {
        plans.push(await seedPlan(store, { platform: "x", format: "single", at: NOW - HOUR }));
      }
      await abTesting.run(ctxFor(store));
      await abTesting.run(ctxFor(store)); // a second run assigns nothing twice
      const test = (await store.experiments.byName("threads"))!;
      const rows = await store.db.all<{ plan_id: number; variant_id: number; format: string }>(
        `SELECT a.plan_id, a.variant_id, p.format FROM ab_assignments a
       JOIN content_plans p ON p.id = a.plan_id WHERE a.test_id = ? ORDER BY a.plan_id`,
        [id],
      );
      assert.equal(rows.length, 30);
      for (const r of rows) {
        const variant = test.variants.find((v) => v.id === Number(r.variant_id))!;
        assert.equal(Number(r.variant_id), variantFor(test, Number(r.plan_id)));
        assert.equal(r.format, variant.config.format);
      }
      assert.equal(new Set(rows.map((r) => r.variant_id)).size, 2);
    } finally {
      await store.close();
    }
  },
);

testBackends("an experiment concludes with its winner, audited", async ({ open }) => {
  const store = await open();
  try {
    await store.experiments.create({
      name: "threads",
      dimension: "format",
      platform: "x",
      metric: "engagement_rate_24h",
      minSample: 2000,
      variants: [
        { name: "single", isControl: true, weight: 1, config: { format: "single" } },
        { name: "thread", isControl: false, weight: 1, config: { format: "thread" } },
      ],
    }, NOW - 10 * DAY);
    const planIds: number[] = [];
    for (let i = 0; i < 40; i++) {
      planIds.push(await seedPlan(store, { platform: "x", format: "single", at: NOW - 9 * DAY }));
    }
    await abTesting.run(ctxFor(store, NOW - 9 * DAY));
    const test = (await store.experiments.byName("threads"))!;
    const thread = test.variants.find((v) => v.name === "thread")!;
    for (const planId of planIds) {
      const rate = variantFor(test, planId) === thread.id ? 0.09 : 0.05;
      await publishPlan(store, planId, {
        platform: "x",
        publishedAt: NOW - 8 * DAY,
        impressions: 1000,
        engagements: 1000 * rate,
      });
    }
    const result = await abTesting.run(ctxFor(store));
    assert.match(result.summary, /1 concluded/);
    const done = (await store.experiments.byName("threads"))!;
    assert.equal(done.status, "concluded");
    assert.equal(done.winnerVariantId, thread.id);
    const [audit] = await store.learning.changes(0);
    assert.deepEqual(audit.after, { status: "concluded", winner: "thread" });
    assert.equal(audit.kind, "experiment");
    // The control's 5% rate needs power.prop.test(p1 = .05, p2 = .06): n = 8157.7 per arm.
    assert.equal(done.result.neededPerArm, 8158);
  } finally {
    await store.close();
  }
});

testBackends("a sample ratio mismatch stops the experiment without a winner", async ({ open }) => {
  const store = await open();
  try {
    const id = await store.experiments.create({
      name: "hours",
      dimension: "format",
      platform: "x",
      metric: "engagements_24h",
      minSample: 5,
      variants: [
        { name: "a", isControl: true, weight: 1, config: {} },
        { name: "b", isControl: false, weight: 1, config: {} },
      ],
    }, NOW - DAY);
    const test = (await store.experiments.byName("hours"))!;
    // 90 plans in the control and 30 in the variant: not the 50/50 planned.
    for (let i = 0; i < 120; i++) {
      const planId = await seedPlan(store, { platform: "x", format: "single", at: NOW - HOUR });
      await store.experiments.assign(id, test.variants[i < 90 ? 0 : 1].id, planId, NOW);
    }
    await abTesting.run(ctxFor(store));
    const done = (await store.experiments.byName("hours"))!;
    assert.equal(done.status, "concluded");
    assert.equal(done.winnerVariantId, null);
    assert.match(done.reason ?? "", /sample ratio mismatch/);
    assert.equal((done.result.srm as { flagged: boolean }).flagged, true);
  } finally {
    await store.close();
  }
});

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

testBackends("hour variants move each plan into its hour, under the caps", async ({ open }) => {
  const store = await open();
  try {
    await store.experiments.create({
      name: "hours",
      dimension: "hour",
      platform: "x",
      metric: "engagements_24h",
      minSample: 30,
      variants: [
        { name: "13", isControl: true, weight: 1, config: { hour: 13 } },
        { name: "19", isControl: false, weight: 1, config: { hour: 19 } },
      ],
    }, NOW - DAY);
    for (let i = 0; i < 6; i++) {
      await seedPlan(store, { platform: "x", format: "single", at: NOW + 12 * HOUR + i * HOUR });
    }
    const result = await abTesting.run(ctxFor(store));
    const test = (await store.experiments.byName("hours"))!;
    const rows = await store.db.all<{ variant_id: number; scheduled_at: number }>(
      `SELECT a.variant_id, p.scheduled_at FROM ab_assignments a
       JOIN content_plans p ON p.id = a.plan_id ORDER BY a.plan_id`,
    );
    assert.equal(rows.length, 6, result.summary);
    for (const r of rows) {
      const variant = test.variants.find((v) => v.id === Number(r.variant_id))!;
      assert.equal(new Date(Number(r.scheduled_at)).getUTCHours(), variant.config.hour);
    }
    // The spacing rule (45 minutes) still holds between all of them.
    const times = rows.map((r) => Number(r.scheduled_at)).sort((a, b) => a - b);
    for (let i = 1; i < times.length; i++) assert.ok(times[i] - times[i - 1] >= 45 * 60_000);
  } finally {
    await store.close();
  }
});
