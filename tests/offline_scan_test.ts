/**
 * `creator scan` with services that cannot be reached: one line per service
 * naming it, the base URL in use and what to try, never the runtime's raw error
 * chain; and the sources that can be reached are still stored.
 */
import assert from "node:assert/strict";
import { DatabaseSync } from "node:sqlite";
import { creator, withTempDir } from "./cli.ts";
import { FEED_PATHS, startFakeNews } from "./fakes/news.ts";

// Reserved names that never resolve, online or off.
const NOWHERE = {
  CREATOR_EXCHANGE_BASE_URL: "http://exchange.invalid",
  CREATOR_FEEDS: "http://news.invalid/rss",
  CREATOR_FEAR_GREED_BASE_URL: "http://fng.invalid",
};

Deno.test("an offline scan says per service what failed, where, and what to try, in a line", async () => {
  await withTempDir(async (cwd) => {
    const r = await creator(["scan"], { cwd, env: NOWHERE });
    assert.equal(r.code, 1);
    assert.doesNotMatch(
      r.stdout + r.stderr,
      /error sending request|client error|dns error|fetch failed/,
    );

    const block = r.stdout.trimEnd().split("\n");
    assert.match(block[0], /^FAIL market-scanner/);
    assert.ok(block.length <= 6, `a short FAIL block:\n${r.stdout}`);
    for (const line of block) assert.ok(line.length <= 80, line);
    const reason = block.slice(1).map((l) => l.trim()).join(" ");
    assert.match(
      reason,
      /^Cannot reach binance at http:\/\/exchange\.invalid: the host name did not resolve \(DNS\); check the network and CREATOR_EXCHANGE_BASE_URL; offline, `--source sample` uses recorded data; the rest was stored \(.*; skipped: 1 of 1 news feeds, fear & greed\)$/,
    );

    const lines = r.stderr.trimEnd().split("\n");
    const about = (what: RegExp) => lines.filter((l) => what.test(l));
    assert.equal(about(/news\.invalid/).length, 1, r.stderr);
    assert.match(
      about(/news\.invalid/)[0],
      /news source skipped: Cannot reach feed http:\/\/news\.invalid\/rss: the host name did not resolve \(DNS\); check the network or the feed's URL \(news\.feeds\)$/,
    );
    assert.equal(about(/fng\.invalid/).length, 1, r.stderr);
    assert.match(
      about(/fng\.invalid/)[0],
      /fear & greed skipped: Cannot reach alternative\.me at http:\/\/fng\.invalid: the host name did not resolve \(DNS\); check the network and CREATOR_FEAR_GREED_BASE_URL$/,
    );
    assert.equal(about(/exchange\.invalid/).length, 1, "the failed run's own line");
  });
});

Deno.test("with the exchange unreachable, the news and Fear & Greed are still stored", async () => {
  const news = await startFakeNews();
  try {
    await withTempDir(async (cwd) => {
      const r = await creator(["scan"], {
        cwd,
        env: {
          CREATOR_EXCHANGE_BASE_URL: NOWHERE.CREATOR_EXCHANGE_BASE_URL,
          CREATOR_FEEDS: `${news.url}${FEED_PATHS.chainLedger}`,
          CREATOR_FEAR_GREED_BASE_URL: news.url,
        },
      });
      assert.equal(r.code, 1, "the market scan failed");
      assert.match(r.stdout, /the rest was stored/);
      assert.doesNotMatch(r.stdout, /skipped:/);
      const db = new DatabaseSync(`${cwd}/creator.db`, { readOnly: true });
      try {
        const count = (table: string) =>
          Number(db.prepare(`SELECT count(*) AS n FROM ${table}`).get()!.n);
        assert.ok(count("news_articles") > 0, "articles stored");
        const fearGreed = db.prepare(
          "SELECT count(*) AS n FROM sentiment_data WHERE metric = 'fear_greed'",
        ).get()!;
        assert.equal(Number(fearGreed.n), 1, "the Fear & Greed reading stored");
        assert.equal(count("market_data"), 0);
      } finally {
        db.close();
      }
    });
  } finally {
    await news.close();
  }
});
