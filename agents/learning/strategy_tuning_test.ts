import assert from "node:assert/strict";
import { testBackends } from "../../storage/test_backends.ts";
import { strategyTuning } from "./strategy_tuning.ts";
import { ctxFor, NOW, seedHistory } from "./_test_seed.ts";

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
