import assert from "node:assert/strict";
import { fixedClock } from "../../core/clock.ts";
import { ConfigSchema } from "../../core/config_schema.ts";
import { createContext } from "../../core/context.ts";
import { runAgents } from "../../core/runner.ts";
import type { Store } from "../../storage/mod.ts";
import { testBackends } from "../../storage/test_backends.ts";
import { createIntegrations } from "../../core/integrations.ts";
import { findAgent } from "../mod.ts";
import { figuresIn } from "../guard/mod.ts";

const PIPELINE = [
  "market-scanner",
  "analysis",
  "content-strategist",
  "content-creation",
  "image-generation",
].map((name) => findAgent(name)!);

function context(store: Store, at = "2025-01-27T01:05:00Z") {
  const config = ConfigSchema.parse({});
  return createContext({ config, store, source: "sample", clock: fixedClock(at) });
}

async function count(store: Store, table: string): Promise<number> {
  const [row] = await store.db.all<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`);
  return Number(row.n);
}

testBackends(
  "image-generation charts the recorded sell-off once per insight, and a re-run adds nothing",
  async ({ open }) => {
    const store = await open();
    try {
      const ctx = context(store);
      const outcomes = await runAgents(PIPELINE, ctx);
      assert.ok(outcomes.every((o) => o.status === "ok"), JSON.stringify(outcomes));
      const plans = await count(store, "content_plans");
      const insights = await count(store, "insights");
      assert.ok(insights >= 4, `the sell-off gives several insights, got ${insights}`);
      assert.equal(await count(store, "plan_images"), plans, "every chartable plan has a chart");
      assert.equal(await count(store, "images"), insights, "one image per insight, not per plan");
      const again = await runAgents([findAgent("image-generation")!], ctx);
      assert.equal(again[0].written, 0);
      assert.equal(await count(store, "images"), insights);

      const stored = await store.images.forPlans([1, 2, 3]);
      const first = stored.get(1)!;
      assert.deepEqual([first.width, first.height], [1200, 675]);
      const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", first.png.slice()));
      const hex = [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
      assert.equal(hex, first.sha256, "the stored hash is the bytes' own");
    } finally {
      await store.close();
    }
  },
);

testBackends("a chart's numbers are the numbers of the post it goes with", async ({ open }) => {
  const store = await open();
  try {
    await runAgents(PIPELINE, context(store));
    const rows = await store.db.all<{ alt_text: string; parts: string; platform: string }>(
      `SELECT pi.alt_text, d.parts, p.platform FROM plan_images pi
       JOIN content_plans p ON p.id = pi.plan_id
       JOIN drafts d ON d.plan_id = p.id AND d.status = 'accepted'`,
    );
    assert.ok(rows.length >= 4);
    for (const row of rows) {
      // The alt text says what is drawn, then the insight's sentence, then the source and
      // time of the last candle; the sentence is the claim.
      const claims = row.alt_text.slice(
        row.alt_text.indexOf(". ") + 2,
        row.alt_text.indexOf("Source:"),
      );
      const charted = figuresIn(claims);
      const post = (JSON.parse(row.parts) as string[]).join("\n");
      for (const number of charted) {
        assert.ok(
          post.includes(number),
          `${row.platform}: "${number}" of the chart is not in:\n${post}`,
        );
      }
      assert.ok(charted.length >= 1, `the alt text states numbers: ${row.alt_text}`);
    }
  } finally {
    await store.close();
  }
});

testBackends(
  "the sell-off's price move gets its chart, the start of the move marked as a past close",
  async ({ open }) => {
    const store = await open();
    try {
      // As the demo replays it: the recording up to the morning's drop, then planned.
      const at = "2025-01-27T11:05:00Z";
      const config = ConfigSchema.parse({});
      const integrations = createIntegrations(config, "sample", {
        replayAt: Date.parse("2025-01-27T11:00:00Z"),
      });
      const ctx = createContext({ config, store, integrations, clock: fixedClock(at) });
      const outcomes = await runAgents(PIPELINE, ctx).finally(() => integrations.close());
      assert.ok(outcomes.every((o) => o.status === "ok"), JSON.stringify(outcomes));
      const moves = await store.db.all<{ kind: string | null }>(
        `SELECT pi.kind FROM content_plans p JOIN insights i ON i.id = p.insight_id
       LEFT JOIN plan_images pi ON pi.plan_id = p.id WHERE i.type = 'price_move'`,
      );
      assert.ok(moves.length > 0, "the sell-off has a price move");
      assert.deepEqual(new Set(moves.map((m) => m.kind)), new Set(["candles+move"]));
    } finally {
      await store.close();
    }
  },
);
