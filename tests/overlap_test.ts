/**
 * Work that may overlap does: drafts are written several at once (never more
 * than content.concurrency), and the platforms are published in parallel, each
 * still in order. Seen on the wire, through a proxy counting the requests in
 * flight, with fakes slow enough that overlapping requests must meet there.
 */
import assert from "node:assert/strict";
import { foundationAgents } from "../agents/foundation/mod.ts";
import { type Config, ConfigSchema } from "../core/config_schema.ts";
import { runAgents } from "../core/runner.ts";
import { openStore, type Store } from "../storage/mod.ts";
import { inflightTracker } from "./_inflight_proxy.ts";
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

Deno.test("drafts are written several at once, never more than content.concurrency", async () => {
  await withHarness(tempStore, async (h, store) => {
    const wire = inflightTracker();
    try {
      const config = roomy(
        withBaseUrls(h.config, {
          anthropic: wire.proxy("anthropic", h.config.baseUrls.anthropic!),
        }),
        3,
      );
      await insightsUpTo(h, store, config, 4);
      assert.ok((await store.plans.awaitingDraft(100)).length >= 6);
      h.anthropic.latencyMs = LATENCY;
      const [outcome] = await runAgents([creation], h.context(store, { config }));
      assert.equal(outcome.status, "ok", String(outcome.error));
      assert.equal(wire.most.get("anthropic"), 3);
    } finally {
      await wire.close();
    }
  });
});

Deno.test("X, Telegram and Discord are published at once, each platform's posts one at a time", async () => {
  await withHarness(tempStore, async (h, store) => {
    const wire = inflightTracker();
    try {
      const urls = h.config.baseUrls;
      const config = roomy(withBaseUrls(h.config, {
        x: wire.proxy("x", urls.x!),
        telegram: wire.proxy("telegram", urls.telegram!),
        discord: wire.proxy("discord", urls.discord!),
      }));
      await insightsUpTo(h, store, config, 3);
      await runAgents([creation], h.context(store, { config }));
      const due = await store.posts.pending();
      const [outcome] = await runAgents(
        [publishing],
        h.context(store, { config, ignoreSchedule: true }),
      );
      assert.equal(outcome.status, "ok", String(outcome.error));
      assert.equal(wire.mostServices, 3);
      for (const platform of ["x", "telegram", "discord"] as const) {
        assert.equal(wire.most.get(platform), 1, platform);
        const order = due.filter((d) => d.platform === platform).map((d) => d.planId);
        const published = (await store.db.all<{ plan_id: number }>(
          "SELECT plan_id FROM published_content WHERE platform = ? ORDER BY id",
          [platform],
        )).map((r) => Number(r.plan_id));
        assert.deepEqual(published, order, platform);
      }
    } finally {
      await wire.close();
    }
  }, { platformLatencyMs: LATENCY });
});

function withBaseUrls(config: Config, urls: Partial<Config["baseUrls"]>): Config {
  return { ...config, baseUrls: { ...config.baseUrls, ...urls } };
}
