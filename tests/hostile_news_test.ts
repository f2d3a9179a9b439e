/**
 * A hostile news item, or a source whose articles the store refuses, stays
 * with its own source: every other feed, NewsAPI and Fear & Greed are stored
 * all the same, and the scan does not fail.
 */
import assert from "node:assert/strict";
import { marketScanner } from "../agents/foundation/market_scanner.ts";
import { createLogger, type LogRecord } from "../core/log.ts";
import { runAgent } from "../core/runner.ts";
import type { Store } from "../storage/mod.ts";
import { testBackends } from "../storage/test_backends.ts";
import { FEED_PATHS } from "./fakes/news.ts";
import { type Harness, withHarness } from "./harness.ts";

const RSS = "application/rss+xml; charset=utf-8";

async function scan(h: Harness, store: Store) {
  const lines: LogRecord[] = [];
  const ctx = h.context(store, { log: createLogger([(r) => lines.push(r)], "debug") });
  const outcome = await runAgent(marketScanner, ctx);
  return { outcome, lines };
}

async function sources(store: Store): Promise<string[]> {
  const rows = await store.db.all<{ source: string }>(
    "SELECT DISTINCT source FROM news_articles ORDER BY source",
  );
  return rows.map((r) => r.source);
}

async function fearGreedPoints(store: Store): Promise<number> {
  return (await store.sentiment.latest("alternative.me", "fear_greed", 10)).length;
}

const EVERY_SOURCE = [
  "Block Wire",
  "Chain Ledger Daily",
  "Harbor Business Review",
  "Quantum Coin Gazette",
  "Satoshi Street",
];

testBackends(
  "a feed item with a 14 KB link is skipped with a log line; every source and Fear & Greed are stored",
  ({ open }) =>
    withHarness(open, async (h, store) => {
      const fixture = await Deno.readTextFile(
        new URL("./fixtures/news/blockwire_rss.xml", import.meta.url),
      );
      // Long enough that Postgres cannot index it ("index row requires 14432 bytes").
      const hostile = `<item><title>Padding</title>` +
        `<link>https://blockwire.example/p?${"x".repeat(14 * 1024)}</link>` +
        `<pubDate>Tue, 04 Mar 2025 14:00:00 +0000</pubDate></item>`;
      h.news.serve(FEED_PATHS.blockWire, fixture.replace("<item>", `${hostile}<item>`), RSS);

      const { outcome, lines } = await scan(h, store);
      assert.equal(outcome.status, "ok", outcome.error ?? "");
      assert.deepEqual(await sources(store), EVERY_SOURCE);
      assert.equal(await fearGreedPoints(store), 1);
      const warned = lines.find((r) => r.message.endsWith("blockwire.xml: skipped 1 item"));
      assert.ok(warned, lines.map((r) => r.message).join("\n"));
      assert.match(String(warned.fields.first), /^a link of 14\d\d\d characters$/);
      const longest = await store.db.all<{ n: number }>(
        "SELECT MAX(LENGTH(url)) AS n FROM news_articles",
      );
      assert.ok(Number(longest[0].n) <= 2048);
    }),
);

/** Makes the store itself refuse the articles of one outlet, as a full or broken table would. */
async function refuseSource(store: Store, source: string, backend: string): Promise<void> {
  if (backend === "sqlite") {
    await store.db.exec(`CREATE TRIGGER refuse_source BEFORE INSERT ON news_articles
      WHEN NEW.source = '${source}' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;`);
    return;
  }
  await store.db.exec(`CREATE FUNCTION refuse_source() RETURNS trigger AS $$
    BEGIN
      IF NEW.source = '${source}' THEN RAISE EXCEPTION 'refused by the test'; END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql;
    CREATE TRIGGER refuse_source BEFORE INSERT ON news_articles
      FOR EACH ROW EXECUTE FUNCTION refuse_source();`);
}

testBackends(
  "a source whose articles cannot be stored is skipped; the others and Fear & Greed are stored",
  ({ open, backend }) =>
    withHarness(open, async (h, store) => {
      await refuseSource(store, "Block Wire", backend);
      const { outcome, lines } = await scan(h, store);
      assert.equal(outcome.status, "ok", outcome.error ?? "");
      // The summary counts the feeds; each skipped one has its own line, which names it.
      assert.match(outcome.summary ?? "", /skipped: 1 of 3 news feeds/);
      assert.deepEqual(await sources(store), EVERY_SOURCE.filter((s) => s !== "Block Wire"));
      assert.equal(await fearGreedPoints(store), 1);
      const warned = lines.find((r) => r.message.startsWith("news source skipped:"));
      assert.ok(warned, lines.map((r) => r.message).join("\n"));
      assert.match(warned.message, /blockwire\.xml: .*refused by the test/);
    }),
);
