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

const SEED = Number(Deno.env.get("CREATOR_FUZZ_SEED") ?? 20251201);
// deno-lint-ignore no-control-regex -- the test looks for control characters
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;

/** mulberry32: small, fast, and the same sequence for the same seed. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  return { next, int, pick };
}
type Random = ReturnType<typeof random>;

const HOSTILE_VALUES = [
  "NaN",
  "Infinity",
  "-1",
  "0",
  "1e308",
  "-0",
  "",
  "abc",
  null,
  true,
  [],
  {},
  "\x1b[2J\x1b]0;x\x07",
  "9".repeat(400),
  "x".repeat(100_000),
  1e308,
  -5,
  32503680000000,
  "2500-01-01T00:00:00Z",
] as const;

/** One random change to a JSON value: a leaf replaced, a list emptied or cut. */
function mutateJson(value: unknown, r: Random): unknown {
  if (Array.isArray(value)) {
    if (value.length === 0 || r.next() < 0.1) return r.pick([[], value.slice(0, 1), "oops"]);
    const copy = [...value];
    const i = r.int(copy.length);
    copy[i] = mutateJson(copy[i], r);
    return copy;
  }
  if (value && typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 0) return r.pick(HOSTILE_VALUES);
    const [key, inner] = entries[r.int(entries.length)];
    return { ...value, [key]: r.next() < 0.7 ? mutateJson(inner, r) : r.pick(HOSTILE_VALUES) };
  }
  return r.pick(HOSTILE_VALUES);
}

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
