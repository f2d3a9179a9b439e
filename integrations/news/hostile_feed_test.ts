/** Hostile feeds through the news fake: oversized bodies and titles, escape sequences. */
import assert from "node:assert/strict";
import { IntegrationError } from "../../core/errors.ts";
import { startFakeNews } from "../../tests/fakes/news.ts";
import { createFeedSource } from "./rss.ts";

const noRetry = { attempts: 1 };
const RSS = "application/rss+xml; charset=utf-8";

function rss(items: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>` +
    `<title><![CDATA[Hostile \x1b[2J Wire]]></title><link>https://hostile.example/</link>` +
    items.join("") + `</channel></rss>`;
}

function item(title: string, slug: string, description = "A story."): string {
  return `<item><title>${title}</title><link>https://hostile.example/${slug}</link>` +
    `<description>${description}</description>` +
    `<pubDate>Tue, 04 Mar 2025 14:05:00 +0000</pubDate></item>`;
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
    const articles = await createFeedSource({
      url: `${fake.url}/feeds/hostile.xml`,
      retry: noRetry,
    })
      .fetchArticles();
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
