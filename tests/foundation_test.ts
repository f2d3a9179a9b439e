/**
 * Phase 1 end to end: the five foundation agents with the real SDKs pointed at
 * the fakes, on SQLite and on Postgres.
 */
import assert from "node:assert/strict";
import { marketScanner } from "../agents/foundation/market_scanner.ts";
import { foundationAgents } from "../agents/foundation/mod.ts";
import type { Preview } from "../agents/foundation/preview.ts";
import { runAgent, runAgents, type RunOutcome } from "../core/runner.ts";
import { createSampleExchange } from "../integrations/exchange/sample.ts";
import type { Platform } from "../core/vocabulary.ts";
import type { Store } from "../storage/mod.ts";
import { testBackends } from "../storage/test_backends.ts";
import { publishedRows } from "./_seed.ts";
import type { MessagesBody } from "./fakes/anthropic.ts";
import { FEED_PATHS } from "./fakes/news.ts";
import { type Harness, withHarness } from "./harness.ts";

const PHASE = [...foundationAgents];
const BTC_1H = { exchange: "binance", symbol: "BTC/USDT", timeframe: "1h" };

function assertAllOk(outcomes: RunOutcome[], agents = PHASE): void {
  assert.deepEqual(
    outcomes.map((o) => [o.agent, o.status, o.error]),
    agents.map((a) => [a.name, "ok", undefined]),
  );
}

/** What each platform fake holds, as text by id. */
function sentOn(h: Harness): Record<Platform, Map<string, string>> {
  return {
    x: new Map(h.x.posts.map((p) => [p.id, p.text])),
    telegram: new Map(h.telegram.posts.map((p) => [String(p.id), p.text])),
    discord: new Map(h.discord.posts.map((p) => [p.id, p.content])),
  };
}

const platformRequests = (h: Harness) =>
  h.x.requests.length + h.telegram.requests.length + h.discord.requests.length;

async function plansOf(store: Store) {
  const rows = await store.db.all<Record<string, unknown>>(
    "SELECT id, platform, status FROM content_plans ORDER BY id",
  );
  return rows.map((r) => ({
    id: Number(r.id),
    platform: r.platform as Platform,
    status: String(r.status),
  }));
}

testBackends(
  "the whole foundation phase stores market data, news and sentiment, drafts every plan and publishes it once to X, Telegram and Discord",
  ({ open }) =>
    withHarness(open, async (h, store) => {
      assertAllOk(await runAgents(PHASE, h.context(store)));

      // Candles exactly as the exchange served them, and the other symbol's too.
      const recorded = await createSampleExchange().candles("BTC/USDT", "1h", 200);
      const stored = await store.marketData.candles(BTC_1H, 1000);
      assert.deepEqual(
        stored.map((c) => [c.openTime, c.close, c.volume]),
        recorded.map((c) => [c.openTime, c.close, c.volume]),
      );
      const ltc = await store.marketData.candles({ ...BTC_1H, symbol: "LTC/USDT" }, 1000);
      assert.ok(ltc.length > 0);
      const counts = await store.counts();
      assert.equal(counts.market_tickers, 2);

      // Every feed, NewsAPI and Fear & Greed were read; articles and sentiment stored.
      const asked = new Set(h.news.requests.map((r) => r.path.split("?")[0]));
      for (const path of [...Object.values(FEED_PATHS).slice(0, 3), "/v2/everything", "/fng/"]) {
        assert.ok(asked.has(path), `${path} was not requested`);
      }
      assert.ok(counts.news_articles >= 5, `only ${counts.news_articles} articles stored`);
      const [fearGreed] = await store.sentiment.latest("alternative.me", "fear_greed", 1);
      assert.deepEqual([fearGreed.value, fearGreed.label], [40, "Fear"]);
      assert.equal((await store.sentiment.latest("news", "mean_24h", 5)).length, 1);

      // Each insight planned on all three platforms, each plan drafted by Claude.
      assert.ok(counts.insights >= 1);
      const plans = await plansOf(store);
      assert.ok(plans.length >= 3);
      assert.deepEqual(
        new Set(plans.map((p) => p.platform)),
        new Set<Platform>(["x", "telegram", "discord"]),
      );
      assert.equal(h.anthropic.requests.length, plans.length);

      // One published row per plan, holding the id the platform gave the post.
      const sent = sentOn(h);
      const rows = await publishedRows(store);
      assert.deepEqual(rows.map((r) => r.planId), plans.map((p) => p.id));
      for (const { id, platform, status } of plans) {
        assert.equal(status, "drafted");
        const drafts = await store.drafts.forPlan(id);
        assert.deepEqual(drafts.map((d) => [d.writer, d.status]), [["anthropic", "accepted"]]);
        const row = rows.find((r) => r.planId === id)!;
        assert.equal(row.status, "published");
        assert.equal(sent[platform].get(row.externalId!), drafts[0].parts[0]);
      }
      for (const platform of ["x", "telegram", "discord"] as const) {
        assert.equal(sent[platform].size, plans.filter((p) => p.platform === platform).length);
      }

      // A second run finds nothing new to store or send.
      const before = { ...counts, ...await store.counts(), agent_logs: 0 };
      const requestsBefore = platformRequests(h);
      assertAllOk(await runAgents(PHASE, h.context(store)));
      assert.deepEqual({ ...await store.counts(), agent_logs: 0 }, before);
      assert.deepEqual(
        Object.values(sentOn(h)).map((m) => m.size),
        Object.values(sent).map((m) => m.size),
      );
      assert.equal(platformRequests(h), requestsBefore);
    }),
);

testBackends(
  "a dry run calls no paid API, sends and stores nothing, and shows each plan as a labelled template draft",
  ({ open }) =>
    withHarness(open, async (h, store) => {
      const outcomes = await runAgents(PHASE, h.context(store, { dryRun: true }));
      assertAllOk(outcomes);

      assert.equal(platformRequests(h), 0);
      assert.equal(h.anthropic.requests.length, 0);
      const counts = await store.counts();
      assert.equal(counts.drafts, 0);
      assert.equal(counts.published_content, 0);
      const plans = await plansOf(store);
      assert.ok(plans.length >= 3);
      const previews = outcomes.flatMap((o) => (o.details?.previews ?? []) as Preview[]);
      assert.deepEqual(previews.map((p) => p.planId).sort(), plans.map((p) => p.id).sort());
      assert.ok(previews.every((p) => /dry run: no paid writer called/.test(p.writer)));
      assert.ok(previews.every((p) => p.parts.every((part) => part.length <= part.limit)));
    }),
);

testBackends(
  "a dry run after drafting previews the stored drafts, due, within each platform's limit",
  ({ open }) =>
    withHarness(open, async (h, store) => {
      const drafting = PHASE.filter((a) => a.name !== "publishing");
      assertAllOk(await runAgents(drafting, h.context(store)), drafting);
      const asked = h.anthropic.requests.length;
      const outcomes = await runAgents(PHASE.slice(-2), h.context(store, { dryRun: true }));
      assertAllOk(outcomes, PHASE.slice(-2));
      assert.equal(h.anthropic.requests.length, asked);
      assert.equal(platformRequests(h), 0);
      const pending = await store.posts.pending();
      assert.ok(pending.length >= 3);
      const previews = outcomes.at(-1)!.details!.previews as Preview[];
      assert.deepEqual(
        previews.map((p) => [p.planId, p.platform, p.parts.map((part) => part.text)]),
        pending.map((p) => [p.planId, p.platform, p.parts]),
      );
      assert.ok(previews.every((p) => p.due && p.parts.every((part) => part.length <= part.limit)));
    }),
);

const INVENTED = "BTC will hit 250,000 by Friday.";

testBackends(
  "a draft with a number that is not in the insight's facts is stored as rejected with its reason and never published",
  ({ open }) =>
    withHarness(open, async (h, store) => {
      assertAllOk(await runAgents(PHASE, h.context(store)));

      const plans = await plansOf(store);
      assert.ok(plans.length >= 3);
      for (const plan of plans) {
        const drafts = await store.drafts.forPlan(plan.id);
        // Claude twice (content.attempts), then the template writer has the last word.
        assert.deepEqual(drafts.map((d) => [d.writer, d.status]), [
          ["anthropic", "rejected"],
          ["anthropic", "rejected"],
          ["template", "accepted"],
        ]);
        for (const rejected of drafts.slice(0, 2)) {
          assert.deepEqual(rejected.parts, [`${INVENTED}\n\nNot financial advice.`]);
          assert.match(
            rejected.reason!,
            /claims not backed by the facts: .*250,000 is not in the facts/,
          );
        }
      }
      // The second attempt was told why the first failed.
      const asked = h.anthropic.requests.map((r) =>
        JSON.parse(String((r.body as MessagesBody).messages[0].content))
      );
      const retried = asked.filter((m) => "previous_rejection" in m);
      assert.equal(asked.length, 2 * plans.length);
      assert.equal(retried.length, plans.length);
      assert.match(
        retried[0].previous_rejection,
        /claims not backed by the facts: .*250,000 is not in the facts/,
      );

      // What went out is the template's text, on every platform, and never the invention.
      const sent = sentOn(h);
      const rows = await publishedRows(store);
      assert.equal(rows.length, plans.length);
      for (const row of rows) {
        const accepted = (await store.drafts.forPlan(row.planId)).at(-1)!;
        assert.equal(row.status, "published");
        assert.equal(sent[row.platform].get(row.externalId!), accepted.parts[0]);
      }
      const published = Object.values(sent).flatMap((m) => [...m.values()]);
      assert.ok(published.length >= plans.length);
      for (const text of published) assert.doesNotMatch(text, /250[,.\s]?000|250k/i);
    }, { anthropicReply: () => INVENTED }),
);

testBackends(
  "a malformed klines answer fails the market scan with the symbol named and stores none of that series",
  ({ open }) =>
    withHarness(open, async (h, store) => {
      const outcome = await runAgent(marketScanner, h.context(store));

      assert.equal(outcome.status, "failed");
      assert.match(
        outcome.error!,
        /1 market series failed \(LTC\/USDT 1h: .*malformed klines response for LTC\/USDT/,
      );
      const series = await store.marketData.seriesKeys();
      assert.deepEqual(series.map((s) => s.symbol), ["BTC/USDT"]);
      assert.equal((await store.marketData.candles(BTC_1H, 1000)).length, 200);
      // Everything else the scan reads was still stored.
      const counts = await store.counts();
      assert.equal(counts.market_tickers, 2);
      assert.ok(counts.news_articles > 0);
      const logged = await store.logs.query({ agent: "market-scanner" });
      const end = logged.find((e) => e.event === "end");
      assert.equal(end?.status, "failed");
      assert.match(end?.error ?? "", /LTC\/USDT/);
    }, { malformedKlines: { symbols: ["LTCUSDT"], mode: "price" } }),
);
