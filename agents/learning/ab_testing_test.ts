import assert from "node:assert/strict";
import { testBackends } from "../../storage/test_backends.ts";
import { abTesting, variantFor } from "./ab_testing.ts";
import { ctxFor, DAY, HOUR, NOW, publishPlan, seedPlan } from "./_test_seed.ts";

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
