/**
 * Fuzz-style runs of the parsers of outside data on random and oversized
 * input, from a fixed seed so a failure can be replayed: feeds, Fear & Greed,
 * and exchange answers through the real ccxt into a store. Nothing may crash
 * the caller, memory stays bounded, and nothing implausible is stored.
 */
import assert from "node:assert/strict";
import { candleProblem, tickerProblem } from "../agents/foundation/market_intake.ts";
import { marketScanner } from "../agents/foundation/market_scanner.ts";
import { ConfigSchema } from "../core/config_schema.ts";
import { IntegrationError } from "../core/errors.ts";
import { runAgent } from "../core/runner.ts";
import { FEAR_GREED_CLASSES } from "../core/vocabulary.ts";
import { createFearGreedSource } from "../integrations/news/fear_greed.ts";
import { createFeedSource } from "../integrations/news/rss.ts";
import { testBackends } from "../storage/test_backends.ts";
import { startRewritingFront } from "./_rewriting_front.ts";
import { withHarness } from "./harness.ts";
import { CONTROLS, mutateJson, type Random, random, SEED } from "./_fuzz.ts";

/** Random damage to text: bytes flipped, cut short, or hostile text spliced in. */
function mutateText(text: string, r: Random): string {
  const at = r.int(text.length);
  switch (r.int(5)) {
    case 0:
      return text.slice(0, at);
    case 1:
      return text.slice(0, at) + String.fromCharCode(r.int(0x250)) + text.slice(at + 1);
    case 2:
      return text.slice(0, at) + "<title>\x1b[31m" + "t".repeat(r.int(200_000)) + "</title>" +
        text.slice(at);
    case 3:
      return `<!DOCTYPE r [<!ENTITY a "${
        "a".repeat(1000)
      }"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>` +
        text.replace(/<title>/g, "<title>&b;&b;&b;&b;&b;&b;&b;&b;");
    default:
      return text.slice(0, at) + "\x00\x1b]8;;http://x\x07&#27;&#x9b;" + text.slice(at);
  }
}

Deno.test("feeds: random and oversized documents are refused or give clean, bounded articles", async () => {
  const r = random(SEED);
  const fixtures = await Promise.all(
    ["chainledger_rss.xml", "blockwire_rss.xml", "satoshistreet_atom.xml"].map((f) =>
      Deno.readTextFile(new URL(`./fixtures/news/${f}`, import.meta.url))
    ),
  );
  const rssBefore = Deno.memoryUsage().rss;
  for (let i = 0; i < 120; i++) {
    let body = r.pick(fixtures);
    for (let k = 1 + r.int(3); k > 0; k--) body = mutateText(body, r);
    if (i % 40 === 39) body = body.repeat(Math.ceil(6e6 / body.length)); // over the 5 MiB cap
    const feed = createFeedSource({
      url: "https://fuzz.example/feed.xml",
      fetch: () => Promise.resolve(new Response(body)),
      retry: { attempts: 1 },
    });
    try {
      for (const a of await feed.fetchArticles()) {
        assert.match(a.url, /^https?:\/\//);
        assert.ok(a.title.length > 0 && a.title.length <= 300, `title of ${a.title.length}`);
        assert.ok(a.summary.length <= 500 && a.source.length <= 100);
        assert.ok(Number.isFinite(a.publishedAt));
        for (const text of [a.title, a.summary, a.source]) assert.doesNotMatch(text, CONTROLS);
      }
    } catch (error) {
      assert.ok(error instanceof IntegrationError, `case ${i}: ${error}`);
    }
  }
  const grown = (Deno.memoryUsage().rss - rssBefore) / 1e6;
  assert.ok(grown < 300, `memory grew by ${grown.toFixed(0)} MB`);
});

Deno.test("fear & greed: random answers are refused or give a reading in range with a known label", async () => {
  const r = random(SEED + 1);
  const good = JSON.parse(
    await Deno.readTextFile(new URL("./fixtures/news/fng_latest.json", import.meta.url)),
  );
  for (let i = 0; i < 300; i++) {
    const body = mutateJson(good, r);
    const source = createFearGreedSource({
      fetch: () => Promise.resolve(Response.json(body)),
      retry: { attempts: 1 },
    });
    try {
      const reading = await source.latest();
      assert.ok(reading.value >= 0 && reading.value <= 100);
      assert.ok((FEAR_GREED_CLASSES as readonly string[]).includes(reading.classification));
      assert.ok(Number.isFinite(reading.at) && reading.at > 0);
    } catch (error) {
      assert.ok(error instanceof IntegrationError, `case ${i}: ${error}`);
    }
  }
});

testBackends(
  "exchange: random answers through the real ccxt never crash a scan and nothing implausible is stored",
  ({ open }) =>
    withHarness(open, async (h, store) => {
      const r = random(SEED + 2);
      const front = startRewritingFront(h.binance.url, (path, _params, body) =>
        path === "/api/v3/exchangeInfo" || r.next() < 0.4 ? body : mutateJson(body, r));
      try {
        const config = ConfigSchema.parse({
          ...h.config,
          baseUrls: { ...h.config.baseUrls, exchange: front.url },
        });
        for (let run = 0; run < 2; run++) {
          // A fresh client each run, so a refused answer is not cached by ccxt.
          const outcome = await runAgent(marketScanner, h.context(store, { config }));
          if (outcome.status === "failed") {
            assert.match(outcome.error ?? "", /market series failed/);
          }
        }
      } finally {
        await front.close();
      }
      const now = Date.now();
      const keys = await store.marketData.seriesKeys();
      assert.ok(keys.length > 0, "the answers left alone were stored, so the check below has rows");
      for (const key of keys) {
        const candles = await store.marketData.candles(key, 1000);
        assert.equal(candleProblem(candles, now), null, `${key.symbol} ${key.timeframe}`);
      }
      const tickers = await store.db.all<Record<string, number | string | null>>(
        "SELECT symbol, at, last, quote_volume, change_pct FROM market_tickers",
      );
      for (const t of tickers) {
        const ticker = {
          symbol: String(t.symbol),
          at: Number(t.at),
          last: Number(t.last),
          quoteVolume: Number(t.quote_volume),
          changePct: t.change_pct === null ? null : Number(t.change_pct),
        };
        assert.equal(tickerProblem(ticker, now), null, JSON.stringify(ticker));
      }
    }),
);
