/**
 * What X bills is counted even when a run fails: a backlog read as several id ranges stops
 * at the first failure, and every post the listings returned counts against the day's budget
 * (a range's first page may be partial, so that is not always three full pages).
 */
import assert from "node:assert/strict";
import { intakeAll } from "../agents/audience/_intake.ts";
import { utcDay } from "../storage/x_spend.ts";
import { testBackends } from "../storage/test_backends.ts";
import { withEngagement } from "./_audience.ts";
import { HARNESS_NOW, withHarness } from "./harness.ts";

testBackends("a mention intake that fails part way still charges what it read", async (t) => {
  await withHarness(t.open, async (h, store) => {
    const config = withEngagement(h, { platforms: ["x"] });
    const ctx = h.context(store, { config });
    await store.intake.advance("x", "mentions", "1", HARNESS_NOW);
    for (let i = 0; i < 3_000; i++) {
      h.x.audience.mention({ text: `@creator q${i}?`, authorId: `9${i % 50}`, username: "u" });
    }
    // The first page and two more are answered; the next listing fails, and with it the run.
    h.x.audience.failMentionsAfter(3, 403);
    const before = h.x.requests.filter((r) => r.path.includes("/mentions")).length;
    const servedBefore = h.x.audience.mentionsServed();
    const audience = await ctx.integrations.audience("x");
    if ("missing" in audience) throw new Error(audience.missing);
    await assert.rejects(intakeAll(ctx, [audience]));
    const listings = h.x.requests.filter((r) => r.path.includes("/mentions")).length - before;
    const readUsd = config.engagement.x.readUsd;
    const spent = await store.xSpend.spent(utcDay(HARNESS_NOW));
    // Every post the listings returned before the failure is billed, however the ranges raced.
    const served = h.x.audience.mentionsServed() - servedBefore;
    assert.ok(served >= 100, `${served} posts served`);
    assert.equal(
      spent,
      Math.round(served * readUsd * 1e6),
      `spent ${spent} µ$ for ${served} posts`,
    );
    // No range reads on past the failure: far fewer listings than the backlog's 30 pages.
    assert.ok(listings < 20, `${listings} listings`);
    assert.equal(await store.intake.cursor("x", "mentions"), "1", "the cursor stays");
  });
});
