import assert from "node:assert/strict";
import { IntegrationError, NetworkError } from "../../core/errors.ts";
import { FEED_PATHS, startFakeNews } from "../../tests/fakes/news.ts";
import { normalizeArticleUrl } from "./_article.ts";
import { createFeedSource } from "./rss.ts";

const noRetry = { attempts: 1 };

Deno.test("an RSS 2.0 feed becomes articles with clean URLs, plain summaries and UTC times", async () => {
  const fake = await startFakeNews();
  try {
    const feed = createFeedSource({ url: fake.url + FEED_PATHS.chainLedger });
    const articles = await feed.fetchArticles();
    assert.deepEqual(articles.map((a) => a.url), [
      "https://chainledger.example/markets/2025/03/04/bitcoin-surges-past-94k-as-spot-etf-inflows-hit-two-week-high",
      "https://chainledger.example/tech/2025/03/04/ether-slides-after-lending-protocol-exploit/",
      `${fake.url}/policy/2025/03/04/lawmakers-schedule-stablecoin-bill-markup`,
    ]);
    const [btc, eth, policy] = articles;
    assert.equal(btc.title, "Bitcoin Surges Past $94K as Spot ETF Inflows Hit Two-Week High");
    assert.equal(btc.source, "Chain Ledger Daily");
    assert.equal(btc.publishedAt, Date.UTC(2025, 2, 4, 14, 5, 0));
    assert.equal(
      btc.summary,
      "The largest cryptocurrency climbed 4.1% in Asian trading as U.S.-listed spot funds took in " +
        "$612 million on Monday, the most since mid-February. Traders pointed to short " +
        "liquidations on offshore venues & a softer dollar.",
    );
    assert.doesNotMatch(eth.summary, /trackRead|<|>/);
    assert.match(eth.summary, /LendFi protocol, draining roughly \$38 million/);
    assert.equal(policy.publishedAt, Date.UTC(2025, 2, 4, 9, 30, 0));
  } finally {
    await fake.close();
  }
});

Deno.test("an undated item is skipped rather than stamped with the fetch time", async () => {
  const fake = await startFakeNews();
  try {
    const articles = await createFeedSource({ url: fake.url + FEED_PATHS.chainLedger })
      .fetchArticles();
    assert.ok(articles.every((a) => !a.url.includes("sponsored")));
    assert.ok(articles.every((a) => a.publishedAt < Date.UTC(2025, 2, 5)));
  } finally {
    await fake.close();
  }
});

Deno.test("entity-escaped HTML is stripped and long summaries are cut near 500 characters", async () => {
  const fake = await startFakeNews();
  try {
    const articles = await createFeedSource({ url: fake.url + FEED_PATHS.blockWire })
      .fetchArticles();
    const [solana, hack, roundup] = articles;
    assert.equal(solana.title, "Solana Rallies 9% as Network Activity Hits Record & Fees Fall");
    assert.equal(
      solana.url,
      "https://blockwire.example/news/solana-rallies-network-activity-record/",
    );
    assert.equal(
      solana.summary,
      "Daily active addresses on the network topped 7 million for the first time, on-chain data " +
        "shows. The post Solana Rallies 9% appeared first on Block Wire.",
    );
    assert.equal(solana.source, "Block Wire");
    // "EST" is five hours behind UTC.
    assert.equal(hack.publishedAt, Date.UTC(2025, 2, 4, 3, 48, 3));
    assert.ok(roundup.summary.length <= 500, `summary has ${roundup.summary.length} chars`);
    assert.ok(roundup.summary.endsWith("…"));
    assert.match(roundup.summary, /^Infrastructure and payments companies led the week/);
  } finally {
    await fake.close();
  }
});

Deno.test("an Atom feed uses the alternate link, the published date and HTML-free titles", async () => {
  const fake = await startFakeNews();
  try {
    const articles = await createFeedSource({ url: fake.url + FEED_PATHS.satoshiStreet })
      .fetchArticles();
    assert.equal(articles.length, 2);
    const [funding, stablecoins] = articles;
    assert.equal(funding.url, "https://satoshistreet.example/notes/funding-rates-flip-negative");
    assert.equal(funding.title, "Funding Rates Flip Negative: Is a Short Squeeze Brewing?");
    assert.equal(funding.publishedAt, Date.UTC(2025, 2, 4, 11, 15));
    assert.equal(funding.source, "Satoshi Street");
    assert.match(funding.summary, /^Perpetual funding on major venues turned negative/);
    assert.equal(stablecoins.publishedAt, Date.UTC(2025, 2, 3, 17, 0));
    assert.match(stablecoins.summary, /rose by \$2\.3 billion over seven days\.$/);
  } finally {
    await fake.close();
  }
});

Deno.test("an Atom feed with no entries yields no articles, not an error", async () => {
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Quiet</title><id>urn:q</id>
<updated>2025-03-04T00:00:00Z</updated></feed>`;
  const feed = createFeedSource({
    url: "https://quiet.example/atom.xml",
    fetch: () =>
      Promise.resolve(new Response(xml, { headers: { "content-type": "application/atom+xml" } })),
  });
  assert.deepEqual(await feed.fetchArticles(), []);
});

Deno.test("normalised URLs drop fragments and utm_* parameters but keep the others", () => {
  assert.equal(
    normalizeArticleUrl(
      "https://News.Example/a/b?utm_source=rss&id=7&UTM_Medium=x&fbclid=Iw1&amp=1#top",
    ),
    "https://news.example/a/b?amp=1&id=7",
  );
  assert.equal(
    normalizeArticleUrl("/story?utm_campaign=c", "https://a.example/feed"),
    "https://a.example/story",
  );
  assert.equal(normalizeArticleUrl("mailto:desk@a.example"), undefined);
  assert.equal(normalizeArticleUrl("not a url"), undefined);
});

Deno.test("an HTML page where the feed should be is an IntegrationError naming the feed", async () => {
  const fake = await startFakeNews();
  try {
    const feed = createFeedSource({ url: fake.url + FEED_PATHS.notAFeed, retry: noRetry });
    await assert.rejects(feed.fetchArticles(), (error: unknown) => {
      assert.ok(error instanceof IntegrationError);
      assert.equal(error.status, 200);
      assert.equal(error.transient, false);
      assert.match(error.message, /not an RSS or Atom feed \(text\/html/);
      assert.ok(error.message.includes(fake.url + FEED_PATHS.notAFeed));
      return true;
    });
  } finally {
    await fake.close();
  }
});

Deno.test("a 503 with Retry-After becomes an IntegrationError carrying retryAfterMs", async () => {
  const fake = await startFakeNews();
  try {
    fake.failNext(FEED_PATHS.chainLedger, 1, 503, 7);
    const feed = createFeedSource({ url: fake.url + FEED_PATHS.chainLedger, retry: noRetry });
    await assert.rejects(feed.fetchArticles(), (error: unknown) => {
      assert.ok(error instanceof IntegrationError);
      assert.equal(error.status, 503);
      assert.equal(error.retryAfterMs, 7000);
      assert.ok(error.transient);
      return true;
    });
  } finally {
    await fake.close();
  }
});

Deno.test("a 429 is retried after the Retry-After wait and the articles still arrive", async () => {
  const fake = await startFakeNews();
  try {
    fake.failNext(FEED_PATHS.blockWire, 1, 429, 2);
    const waits: number[] = [];
    const feed = createFeedSource({
      url: fake.url + FEED_PATHS.blockWire,
      retry: { sleep: (ms) => Promise.resolve(void waits.push(ms)) },
    });
    const articles = await feed.fetchArticles();
    assert.equal(articles.length, 3);
    assert.deepEqual(waits, [2000]);
    assert.equal(fake.requests.length, 2);
  } finally {
    await fake.close();
  }
});

Deno.test("a failing feed's error names its URL but not its query string", async () => {
  const fake = await startFakeNews();
  try {
    const url = `${fake.url}${FEED_PATHS.serverError}?token=s3cret-token`;
    const feed = createFeedSource({ url, retry: noRetry });
    assert.equal(feed.name, fake.url + FEED_PATHS.serverError);
    await assert.rejects(feed.fetchArticles(), (error: unknown) => {
      assert.ok(error instanceof IntegrationError);
      assert.equal(error.status, 500);
      assert.ok(error.message.includes(fake.url + FEED_PATHS.serverError));
      assert.ok(!error.message.includes("s3cret"));
      return true;
    });
  } finally {
    await fake.close();
  }
});

Deno.test("a feed slower than timeoutMs is a NetworkError naming the feed", async () => {
  const fake = await startFakeNews({ latencyMs: 300 });
  try {
    const feed = createFeedSource({
      url: fake.url + FEED_PATHS.chainLedger,
      timeoutMs: 50,
      retry: noRetry,
    });
    await assert.rejects(feed.fetchArticles(), (error: unknown) => {
      assert.ok(error instanceof NetworkError);
      assert.match(error.message, /no answer within 50 ms/);
      assert.ok(error.message.includes(fake.url + FEED_PATHS.chainLedger));
      return true;
    });
  } finally {
    await fake.close();
  }
});

Deno.test("a feed nobody listens on is a NetworkError", async () => {
  const fake = await startFakeNews();
  const url = fake.url + FEED_PATHS.chainLedger;
  await fake.close();
  const feed = createFeedSource({ url, retry: noRetry });
  await assert.rejects(feed.fetchArticles(), NetworkError);
});

Deno.test("the caller's abort stops the fetch and is passed through, not retried", async () => {
  const fake = await startFakeNews({ latencyMs: 200 });
  try {
    const feed = createFeedSource({ url: fake.url + FEED_PATHS.chainLedger });
    const controller = new AbortController();
    const pending = feed.fetchArticles({ signal: controller.signal });
    setTimeout(() => controller.abort(new Error("scan cancelled")), 20);
    await assert.rejects(pending, /scan cancelled/);
    assert.equal(fake.requests.length, 1);
  } finally {
    await fake.close();
  }
});

Deno.test("createFeedSource() refuses a URL that is not absolute http(s)", () => {
  assert.throws(() => createFeedSource({ url: "feeds/local.xml" }), TypeError);
  assert.throws(() => createFeedSource({ url: "file:///etc/feed.xml" }), TypeError);
});
