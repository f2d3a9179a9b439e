import assert from "node:assert/strict";
import { testBackends } from "../../storage/test_backends.ts";
import { feedbackLoop } from "./feedback_loop.ts";
import { setFrozen } from "./freeze.ts";
import { ctxFor, NOW, seedHistory } from "./_test_seed.ts";

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
