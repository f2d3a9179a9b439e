import assert from "node:assert/strict";
import { simulate } from "./_learning_sim.ts";
import { withTempDir } from "./cli.ts";

Deno.test("after 30 simulated days most posts use the best arm and every arm is still explored", async () => {
  await withTempDir(async (dir) => {
    const r = await simulate(dir);
    assert.equal(r.posts, 240);
    assert.ok(r.bestShareLate > 0.5, `best arm share ${r.bestShareLate}`);
    for (const [arm, n] of Object.entries(r.lateCounts)) {
      assert.ok(n > 0, `arm ${arm} was not explored in the last 10 days`);
    }
    assert.ok(r.regret < r.uniformRegret, `regret ${r.regret} vs uniform ${r.uniformRegret}`);
    assert.ok(r.wallMs < 60_000, `${r.wallMs} ms`);
  });
});
