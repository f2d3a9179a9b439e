/**
 * Experiments on the style of posts, end to end through the agents: each plan
 * gets its variant, ContentCreation writes it in that style, and a plan given
 * "without a chart" goes out without one.
 */
import assert from "node:assert/strict";
import { fixedClock } from "../../core/clock.ts";
import { ConfigSchema } from "../../core/config_schema.ts";
import { createContext } from "../../core/context.ts";
import type { Platform } from "../../core/vocabulary.ts";
import type { NewExperiment } from "../../storage/experiments.ts";
import type { Store } from "../../storage/mod.ts";
import { testBackends } from "../../storage/test_backends.ts";
import { contentCreation } from "../foundation/content_creation.ts";
import { formatsFor } from "../foundation/outgoing.ts";
import type { PendingPost } from "../../storage/posts.ts";
import { abTesting, variantFor } from "./ab_testing.ts";
import { DAY, HOUR, NOW, seedPlan } from "./_test_seed.ts";

const LINK = "https://example.com/daily";
const EMOJI = /\p{Extended_Pictographic}/u;

function ctx(store: Store) {
  const config = ConfigSchema.parse({
    planning: { platforms: ["x", "telegram", "discord"] },
    content: { linkAllowlist: ["example.com"] },
  });
  return createContext({ config, store, clock: fixedClock(NOW) });
}

function test(
  name: string,
  dimension: NewExperiment["dimension"],
  platform: Platform,
  configs: Record<string, unknown>[],
): NewExperiment {
  return {
    name,
    dimension,
    platform,
    metric: "engagement_rate_24h",
    minSample: 1000,
    variants: configs.map((config, i) => ({
      name: `v${i}`,
      isControl: i === 0,
      weight: 1,
      config,
    })),
  };
}

/** The accepted draft's text of each plan, by plan id. */
async function drafts(store: Store): Promise<Map<number, string>> {
  const rows = await store.db.all<{ plan_id: number; parts: string }>(
    "SELECT plan_id, parts FROM drafts WHERE status = 'accepted'",
  );
  return new Map(rows.map((r) => [Number(r.plan_id), JSON.parse(r.parts).join("\n")]));
}

testBackends("opening, emoji and link variants are written into the drafts", async ({ open }) => {
  const store = await open();
  try {
    await store.experiments.create(
      test("ask", "opening", "x", [{ opening: "headline" }, { opening: "question" }]),
      NOW - DAY,
    );
    await store.experiments.create(
      test("plain", "emoji", "telegram", [{ emoji: true }, { emoji: false }]),
      NOW - DAY,
    );
    await store.experiments.create(
      test("linked", "link", "discord", [{ link: null }, { link: LINK }]),
      NOW - DAY,
    );
    const plans: Array<{ id: number; platform: Platform }> = [];
    for (let i = 0; i < 12; i++) {
      for (const platform of ["x", "telegram", "discord"] as const) {
        const format = platform === "x" ? "single" : "channel_post";
        plans.push({ id: await seedPlan(store, { platform, format, at: NOW - HOUR }), platform });
      }
    }
    await abTesting.run(ctx(store));
    const outcome = await contentCreation.run(ctx(store));
    assert.match(outcome.summary, /36 drafts accepted, 0 plans rejected/);
    const text = await drafts(store);
    const tests = await store.experiments.list("running");
    const seen = new Set<string>();
    for (const plan of plans) {
      const t = tests.find((t) => t.platform === plan.platform)!;
      const variant = t.variants.find((v) => v.id === variantFor(t, plan.id))!;
      const draft = text.get(plan.id)!;
      const firstLine = draft.split("\n")[0];
      seen.add(`${t.name}:${variant.name}`);
      if (t.name === "ask") {
        if (variant.config.opening === "question") assert.match(firstLine, /\?$/, draft);
        else assert.doesNotMatch(firstLine, /\?$/, draft);
      }
      if (t.name === "plain") {
        if (variant.config.emoji) assert.match(draft, EMOJI, draft);
        else assert.doesNotMatch(draft, EMOJI, draft);
      }
      if (t.name === "linked") assert.equal(draft.includes(LINK), variant.isControl === false);
    }
    assert.equal(seen.size, 6, `every variant drafted: ${[...seen].join(", ")}`);
  } finally {
    await store.close();
  }
});

testBackends(
  "a chart test takes only charted insights, and 'without' takes the picture off",
  async ({ open }) => {
    const store = await open();
    try {
      const charted: number[] = [];
      for (let i = 0; i < 16; i++) {
        charted.push(await seedPlan(store, { platform: "x", format: "single", at: NOW - HOUR }));
      }
      const unchartable = await seedPlan(store, {
        platform: "x",
        format: "single",
        kind: "fear_greed",
        at: NOW - HOUR,
      });
      // Drawn before the test assigned them, as when ImageGeneration ran first.
      const meta = { sha256: "cd".repeat(32), mime: "image/png", width: 1, height: 1 };
      const imageId = await store.images.save(new Uint8Array([1, 2, 3]), meta, NOW - HOUR);
      for (const planId of charted) {
        await store.images.attach(
          { planId, draftId: null, imageId, kind: "candles", alt: "chart" },
          NOW - HOUR,
        );
      }
      await store.experiments.create(
        test("pictures", "chart", "x", [{ chart: true }, { chart: false }]),
        NOW - DAY,
      );
      await abTesting.run(ctx(store));
      const t = (await store.experiments.byName("pictures"))!;
      const counts = await store.experiments.assignmentCounts(t.id);
      assert.equal([...counts.values()].reduce((a, b) => a + b, 0), 16, "fear_greed stays out");
      const pictures = await store.images.forPlans([...charted, unchartable]);
      const without = charted.filter((id) =>
        t.variants.find((v) => v.id === variantFor(t, id))!
          .config.chart === false
      );
      assert.ok(without.length > 0 && without.length < 16);
      for (const id of charted) assert.equal(pictures.has(id), !without.includes(id), `plan ${id}`);
      // ImageGeneration does not draw them again.
      const awaiting = (await store.images.awaitingImage(50)).map((a) => a.plan.id);
      for (const id of without) assert.ok(!awaiting.includes(id));
    } finally {
      await store.close();
    }
  },
);

testBackends(
  "a plan in a test of its style goes out as its draft, not the insight's shared format",
  async ({ open }) => {
    const store = await open();
    try {
      const emoji = await store.experiments.create(
        test("plain", "emoji", "telegram", [{ emoji: true }, { emoji: false }]),
        NOW - DAY,
      );
      const hour = await store.experiments.create(
        test("late", "hour", "discord", [{ hour: 13 }, { hour: 18 }]),
        NOW - DAY,
      );
      const pending: PendingPost[] = [];
      for (
        const [testId, platform, format] of [
          [emoji, "telegram", "telegram_html"],
          [hour, "discord", "discord_embed"],
        ] as const
      ) {
        const planId = await seedPlan(store, { platform, format: "channel_post", at: NOW - HOUR });
        const t = (await store.experiments.list("running")).find((t) => t.id === testId)!;
        await store.experiments.assign(testId, t.variants[1].id, planId, NOW);
        const [plan] = await store.db.all<{ insight_id: number }>(
          "SELECT insight_id FROM content_plans WHERE id = ?",
          [planId],
        );
        const insightId = Number(plan.insight_id);
        await store.variants.add([{
          subject: `insight:${insightId}`,
          insightId,
          format,
          body: format === "telegram_html" ? "<b>BTC</b> 📈" : '{"title":"BTC"}',
          status: "accepted",
          reason: null,
        }], NOW);
        pending.push({ planId, platform, insightId } as PendingPost);
      }
      const formats = await formatsFor(store, pending);
      assert.equal(formats.has(pending[0].planId), false, "the emoji test's draft goes as written");
      assert.equal(formats.has(pending[1].planId), true, "an hour test keeps the shared format");
    } finally {
      await store.close();
    }
  },
);
