/**
 * Hostile news sources through the news fake: oversized bodies, titles, links
 * and answers, escape sequences, and dates in the future.
 */
import assert from "node:assert/strict";
import { IntegrationError } from "../../core/errors.ts";
import { FAKE_NEWSAPI_KEY, startFakeNews } from "../../tests/fakes/news.ts";
import { createFearGreedSource } from "./fear_greed.ts";
import { createNewsApiSource } from "./newsapi.ts";
import { createFeedSource } from "./rss.ts";

const noRetry = { attempts: 1 };
const RSS = "application/rss+xml; charset=utf-8";

function rss(items: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>` +
    `<title><![CDATA[Hostile \x1b[2J Wire]]></title><link>https://hostile.example/</link>` +
    items.join("") + `</channel></rss>`;
}

function item(
  title: string,
  slug: string,
  description = "A story.",
  date = "Tue, 04 Mar 2025 14:05:00 +0000",
): string {
  return `<item><title>${title}</title><link>https://hostile.example/${slug}</link>` +
    `<description>${description}</description><pubDate>${date}</pubDate></item>`;
}

/** An endless feed made on demand, counting what the client pulled. */
function endlessFeed(pulled: { bytes: number }): () => ReadableStream<Uint8Array> {
  const chunk = new TextEncoder().encode(item("Padding", "p").repeat(400));
  return () =>
    new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(rss([]).replace("</channel></rss>", "")));
      },
      pull(c) {
        pulled.bytes += chunk.length;
        // 200 MB in all, if anyone read that far.
        if (pulled.bytes > 200 * 1024 * 1024) c.close();
        else c.enqueue(chunk);
      },
    });
}

Deno.test("a 200 MB feed is refused after its first 5 MiB, and not retried", async () => {
  const fake = await startFakeNews();
  const pulled = { bytes: 0 };
  fake.serve("/feeds/huge.xml", endlessFeed(pulled), RSS);
  try {
    const feed = createFeedSource({ url: `${fake.url}/feeds/huge.xml` });
    await assert.rejects(feed.fetchArticles(), (error: unknown) => {
      assert.ok(error instanceof IntegrationError);
      assert.match(error.message, /the body is over 5120 KiB: skipped/);
      assert.equal(error.transient, false);
      return true;
    });
    assert.ok(pulled.bytes < 32 * 1024 * 1024, `read ${pulled.bytes} bytes of 200 MB`);
    assert.equal(fake.requests.length, 1, "a body too big is not fetched again");
  } finally {
    await fake.close();
  }
});

Deno.test("a feed of 1,000 items gives its first 200", async () => {
  const fake = await startFakeNews();
  fake.serve(
    "/feeds/long.xml",
    rss(Array.from({ length: 1000 }, (_, i) => item(`Story ${i}`, `s${i}`))),
    RSS,
  );
  try {
    const articles = await createFeedSource({ url: `${fake.url}/feeds/long.xml` }).fetchArticles();
    assert.equal(articles.length, 200);
    assert.equal(articles[199].title, "Story 199");
  } finally {
    await fake.close();
  }
});

Deno.test("an oversized title skips its item; escapes and controls never reach an article", async () => {
  const fake = await startFakeNews();
  const hugeTitle = "BUY ".repeat(1024 * 1024);
  fake.serve(
    "/feeds/hostile.xml",
    rss([
      item(hugeTitle, "huge"),
      item(
        "<![CDATA[Bitcoin \x1b]0;owned\x07 up \x1b[31m5%\x1b[0m\u202e]]>",
        "escapes",
        "<![CDATA[<p>Calm \x1b[2Jtext\x00\x7f</p>]]>",
      ),
      item("Ether &#27;[31mdown&#8238;", "entities"),
      item("Long " + "word ".repeat(200), "long"),
    ]),
    RSS,
  );
  try {
    const skipped: string[] = [];
    const articles = await createFeedSource({
      url: `${fake.url}/feeds/hostile.xml`,
      retry: noRetry,
    })
      .fetchArticles({ onSkip: (why) => skipped.push(why) });
    assert.deepEqual(skipped, [`a title of ${hugeTitle.trim().length} characters`]);
    assert.deepEqual(articles.map((a) => a.url), [
      "https://hostile.example/escapes",
      "https://hostile.example/entities",
      "https://hostile.example/long",
    ]);
    const [escapes, entities, long] = articles;
    assert.equal(escapes.title, "Bitcoin up 5%");
    // As entities, the parser drops the ESC itself: what is left is plain text.
    assert.equal(entities.title, "Ether [31mdown");
    assert.equal(escapes.summary, "Calm text");
    assert.equal(escapes.source, "Hostile Wire");
    assert.ok(long.title.length <= 300 && long.title.endsWith("…"), long.title);
  } finally {
    await fake.close();
  }
});

Deno.test("an item whose link is over 2,048 characters is skipped and told; the rest is kept", async () => {
  const fake = await startFakeNews();
  fake.serve(
    "/feeds/links.xml",
    rss([
      item("Hostile link", `story?pad=${"x".repeat(14 * 1024)}`),
      item("Near the cap", `near?pad=${"y".repeat(1990)}`),
      item("Bitcoin steadies", "steady"),
    ]),
    RSS,
  );
  try {
    const skipped: string[] = [];
    const articles = await createFeedSource({ url: `${fake.url}/feeds/links.xml` })
      .fetchArticles({ onSkip: (why) => skipped.push(why) });
    assert.deepEqual(articles.map((a) => a.title), ["Near the cap", "Bitcoin steadies"]);
    assert.ok(articles.every((a) => a.url.length <= 2048));
    assert.deepEqual(skipped, ["a link of 14370 characters"]);
  } finally {
    await fake.close();
  }
});

Deno.test("feed items, NewsAPI articles and Fear & Greed readings dated in the future are refused", async () => {
  const fake = await startFakeNews();
  const inAMinute = new Date(Date.now() + 60_000);
  fake.serve(
    "/feeds/future.xml",
    rss([
      item("From 2500", "future", "A story.", "Fri, 01 Jan 2500 00:00:00 +0000"),
      item("In an hour", "hour", "A story.", new Date(Date.now() + 3600_000).toUTCString()),
      item("Within the clock skew", "skew", "A story.", inAMinute.toUTCString()),
    ]),
    RSS,
  );
  const newsApiItem = (title: string, publishedAt: string) => ({
    source: { id: null, name: "Wire" },
    title,
    url: `https://wire.example/${title.length}`,
    publishedAt,
  });
  fake.serve(
    "/v2/everything",
    JSON.stringify({
      status: "ok",
      totalResults: 2,
      articles: [
        newsApiItem("From the year 2500", "2500-01-01T00:00:00Z"),
        newsApiItem("Today", new Date(Date.now() - 60_000).toISOString()),
      ],
    }),
    "application/json",
  );
  fake.serve(
    "/fng/",
    JSON.stringify({
      name: "Fear and Greed Index",
      data: [{ value: "90", value_classification: "Extreme Greed", timestamp: "16725225600" }],
      metadata: { error: null },
    }),
    "application/json",
  );
  try {
    const skipped: string[] = [];
    const onSkip = (why: string) => skipped.push(why);
    const feed = await createFeedSource({ url: `${fake.url}/feeds/future.xml` })
      .fetchArticles({ onSkip });
    assert.deepEqual(feed.map((a) => a.title), ["Within the clock skew"]);
    const newsApi = await createNewsApiSource({ apiKey: FAKE_NEWSAPI_KEY, baseUrl: fake.url })
      .fetchArticles({ onSkip });
    assert.deepEqual(newsApi.map((a) => a.title), ["Today"]);
    assert.equal(skipped.length, 3);
    assert.equal(skipped[0], "dated 2500-01-01T00:00:00.000Z, in the future");
    assert.ok(skipped.every((why) => why.endsWith(", in the future")), skipped.join("; "));

    const fearGreed = createFearGreedSource({ baseUrl: fake.url, retry: noRetry });
    await assert.rejects(fearGreed.latest(), (error: unknown) => {
      assert.ok(error instanceof IntegrationError);
      assert.match(error.message, /the reading is dated 2500-01-01T00:00:00\.000Z, in the future/);
      return true;
    });
  } finally {
    await fake.close();
  }
});

Deno.test("a NewsAPI answer of 40,000 articles gives its first 200", async () => {
  const fake = await startFakeNews();
  const at = new Date(Date.now() - 3600_000).toISOString();
  // Small items, so that 40,000 fit under the 5 MiB body cap.
  const articles = Array.from({ length: 40_000 }, (_, i) => ({
    title: `Story ${i}`,
    url: `https://w.example/${i}`,
    publishedAt: at,
  }));
  fake.serve(
    "/v2/everything",
    JSON.stringify({ status: "ok", totalResults: articles.length, articles }),
    "application/json",
  );
  try {
    const read = await createNewsApiSource({ apiKey: FAKE_NEWSAPI_KEY, baseUrl: fake.url })
      .fetchArticles();
    assert.equal(read.length, 200);
    assert.equal(read[199].title, "Story 199");
  } finally {
    await fake.close();
  }
});
