/**
 * Work that may overlap does: drafts are written several at once (never more
 * than content.concurrency), and the platforms are published in parallel, each
 * still in order. Timed against fakes that answer slowly on purpose, with wide
 * margins: serial work would take at least twice as long as the bounds here.
 */
import assert from "node:assert/strict";
import { foundationAgents } from "../agents/foundation/mod.ts";
import { type Config, ConfigSchema } from "../core/config_schema.ts";
import { runAgents } from "../core/runner.ts";
import { openStore, type Store } from "../storage/mod.ts";
import { type Harness, HARNESS_NOW, withHarness } from "./harness.ts";

const [scanner, analysis, strategist, creation, publishing] = foundationAgents;
const LATENCY = 250;

/** Plans on every platform for every insight: no caps, spacing or windows in the way. */
const roomy = (config: Config, concurrency = 4) =>
  ConfigSchema.parse({
    ...config,
    content: { ...config.content, concurrency },
    planning: {
      ...config.planning,
      spacingMinutes: 0,
      minImportance: 0,
      cooldownHours: 0,
      dailyCaps: { x: 50, telegram: 50, discord: 50 },
      windows: { x: ["00:00-24:00"], telegram: ["00:00-24:00"], discord: ["00:00-24:00"] },
    },
  });

async function tempStore() {
  const dir = await Deno.makeTempDir({ prefix: "creator-overlap-" });
  const store = await openStore(`${dir}/creator.db`);
  const close = store.close;
  store.close = async () => {
    await close();
    await Deno.remove(dir, { recursive: true });
  };
  return store;
}

/** Runs the scan and analysis, then copies each insight found until there are `n`. */
async function insightsUpTo(h: Harness, store: Store, config: Config, n: number) {
  await runAgents([scanner, analysis], h.context(store, { config }));
  const found = await store.insights.unplanned(0, 100);
  assert.ok(found.length > 0, "the fakes gave no insight");
  const copies = Array.from({ length: n - found.length }, (_, i) => {
    const { id: _id, createdAt: _at, ...insight } = found[i % found.length];
    return { ...insight, dedupKey: `${insight.dedupKey}-copy-${i}` };
  });
  await store.insights.add(copies, HARNESS_NOW);
  await runAgents([strategist], h.context(store, { config }));
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

Deno.test("drafts are written several at once, never more than content.concurrency", async () => {
  await withHarness(tempStore, async (h, store) => {
    const config = roomy(h.config, 3);
    await insightsUpTo(h, store, config, 4);
    const plans = (await store.plans.awaitingDraft(100)).length;
    assert.ok(plans >= 6, `only ${plans} plans to draft`);
    h.anthropic.latencyMs = LATENCY;
    const [outcome] = await runAgents([creation], h.context(store, { config }));
    assert.equal(outcome.status, "ok", String(outcome.error));
    const rounds = Math.ceil(plans / 3);
    assert.ok(
      outcome.durationMs >= rounds * LATENCY * 0.9,
      `${outcome.durationMs} ms: over 3 at once`,
    );
    assert.ok(
      outcome.durationMs < plans * LATENCY / 2,
      `${outcome.durationMs} ms for ${plans} drafts`,
    );
  });
});

Deno.test("X, Telegram and Discord are published in parallel, each platform's posts in order", async () => {
  await withHarness(tempStore, async (h, store) => {
    const config = roomy(h.config);
    await insightsUpTo(h, store, config, 3);
    await runAgents([creation], h.context(store, { config }));
    const due = await store.posts.pending();
    const ctx = h.context(store, { config, ignoreSchedule: true });
    // The SDKs load before the clock starts: only the sends are timed.
    const platforms = ["x", "telegram", "discord"] as const;
    await Promise.all(platforms.map((p) => ctx.integrations.publisher(p)));
    const fakes = [h.x, h.telegram, h.discord];
    const before = fakes.map((f) => f.requests.length);
    const elapsed = await timed(() => runAgents([publishing], ctx));
    const calls = fakes.map((f, i) => f.requests.length - before[i]);
    assert.ok(calls.every((n) => n >= 2), `calls per platform: ${calls}`);
    // Serial: one latency per call on every platform; parallel: the busiest platform's.
    const serial = calls.reduce((a, b) => a + b) * LATENCY;
    const parallel = Math.max(...calls) * LATENCY;
    assert.ok(
      elapsed < (serial + parallel) / 2,
      `${elapsed} ms; serial ${serial}, parallel ${parallel}`,
    );
    for (const platform of ["x", "telegram", "discord"] as const) {
      const order = due.filter((d) => d.platform === platform).map((d) => d.planId);
      const published = (await store.db.all<{ plan_id: number }>(
        "SELECT plan_id FROM published_content WHERE platform = ? ORDER BY id",
        [platform],
      )).map((r) => Number(r.plan_id));
      assert.deepEqual(published, order, platform);
    }
  }, { platformLatencyMs: LATENCY });
});
