import assert from "node:assert/strict";
import { IntegrationError, NetworkError } from "../../core/errors.ts";
import { FAKE_NEWSAPI_KEY, FEED_PATHS, startFakeNews } from "../../tests/fakes/news.ts";
import { createNewsApiSource } from "./newsapi.ts";
import { createFeedSource } from "./rss.ts";

const noRetry = { attempts: 1 };

function isError(status: number, check: (error: IntegrationError) => void = () => {}) {
  return (error: unknown) => {
    assert.ok(error instanceof IntegrationError, `expected IntegrationError, got ${error}`);
    assert.equal(error.service, "newsapi");
    assert.equal(error.status, status);
    check(error);
    return true;
  };
}

Deno.test("NewsAPI results become articles, skipping [Removed] placeholders", async () => {
  const fake = await startFakeNews();
  try {
    const news = createNewsApiSource({ apiKey: FAKE_NEWSAPI_KEY, baseUrl: fake.url });
    const articles = await news.fetchArticles();
    assert.deepEqual(articles.map((a) => a.source), [
      "Chain Ledger Daily",
      "Harbor Business Review",
      "Quantum Coin Gazette",
    ]);
    const [btc, lawsuit, upgrade] = articles;
    assert.equal(btc.publishedAt, Date.UTC(2025, 2, 4, 14, 5));
    assert.match(btc.summary, /^The largest cryptocurrency climbed 4\.1%/);
    // No description: the content stands in, without its HTML and "[+4120 chars]" tail.
    assert.equal(
      lawsuit.summary,
      "The complaint seeks disgorgement and a permanent injunction. The issuer said it would " +
        "contest the claims. A federal securities regulator on Tuesday sued the issuer of a " +
        "fictional utility token…",
    );
    assert.equal(
      upgrade.url,
      "https://qcgazette.example/ethereum-developers-set-date-next-upgrade",
    );
  } finally {
    await fake.close();
  }
});

Deno.test("the key travels in X-Api-Key, never in the URL", async () => {
  const fake = await startFakeNews();
  try {
    await createNewsApiSource({
      apiKey: FAKE_NEWSAPI_KEY,
      baseUrl: fake.url + "/",
      query: "solana",
    })
      .fetchArticles();
    const [request] = fake.requests;
    assert.equal(request.headers.get("x-api-key"), FAKE_NEWSAPI_KEY);
    assert.ok(!request.path.includes(FAKE_NEWSAPI_KEY));
    const params = new URL(request.path, fake.url).searchParams;
    assert.equal(new URL(request.path, fake.url).pathname, "/v2/everything");
    assert.equal(params.get("q"), "solana");
    assert.equal(params.get("sortBy"), "publishedAt");
    assert.equal(params.get("language"), "en");
  } finally {
    await fake.close();
  }
});

Deno.test("the same story from NewsAPI and from its outlet's feed has the same URL", async () => {
  const fake = await startFakeNews();
  try {
    const [fromApi] = await createNewsApiSource({ apiKey: FAKE_NEWSAPI_KEY, baseUrl: fake.url })
      .fetchArticles();
    const [fromFeed] = await createFeedSource({ url: fake.url + FEED_PATHS.chainLedger })
      .fetchArticles();
    assert.equal(fromApi.url, fromFeed.url);
  } finally {
    await fake.close();
  }
});

Deno.test("a wrong key is a non-transient 401 whose message does not hold the key", async () => {
  const fake = await startFakeNews();
  try {
    const news = createNewsApiSource({ apiKey: "wrong-key-123", baseUrl: fake.url });
    await assert.rejects(
      news.fetchArticles(),
      isError(401, (error) => {
        assert.match(error.message, /apiKeyInvalid: Your API key is invalid/);
        assert.ok(!error.message.includes("wrong-key-123"));
        assert.equal(error.transient, false);
      }),
    );
    assert.equal(fake.requests.length, 1, "a 401 is not retried");
  } finally {
    await fake.close();
  }
});

Deno.test("the fake NewsAPI answers 401 apiKeyMissing to a request without a key", async () => {
  const fake = await startFakeNews();
  try {
    const response = await fetch(`${fake.url}/v2/everything?q=bitcoin`);
    assert.equal(response.status, 401);
    assert.deepEqual((await response.json()).code, "apiKeyMissing");
  } finally {
    await fake.close();
  }
});

Deno.test("rateLimited is an IntegrationError 429 with the Retry-After in ms", async () => {
  const fake = await startFakeNews();
  try {
    fake.failNext("/v2/everything", 1, 429, 30);
    const news = createNewsApiSource({
      apiKey: FAKE_NEWSAPI_KEY,
      baseUrl: fake.url,
      retry: noRetry,
    });
    await assert.rejects(
      news.fetchArticles(),
      isError(429, (error) => {
        assert.equal(error.retryAfterMs, 30_000);
        assert.match(error.message, /rateLimited/);
      }),
    );
  } finally {
    await fake.close();
  }
});

Deno.test("a 500 is retried and the second answer is used", async () => {
  const fake = await startFakeNews();
  try {
    fake.failNext("/v2/everything", 1, 500);
    const news = createNewsApiSource({
      apiKey: FAKE_NEWSAPI_KEY,
      baseUrl: fake.url,
      retry: { sleep: () => Promise.resolve() },
    });
    assert.equal((await news.fetchArticles()).length, 3);
    assert.equal(fake.requests.length, 2);
  } finally {
    await fake.close();
  }
});

Deno.test("a proxy's HTML error page keeps its status and a readable message", async () => {
  const news = createNewsApiSource({
    apiKey: FAKE_NEWSAPI_KEY,
    fetch: () =>
      Promise.resolve(
        new Response("<html><body><h1>502 Bad Gateway</h1></body></html>", {
          status: 502,
          headers: { "content-type": "text/html", "retry-after": "5" },
        }),
      ),
    retry: noRetry,
  });
  await assert.rejects(
    news.fetchArticles(),
    isError(502, (error) => {
      assert.match(error.message, /502 Bad Gateway/);
      assert.equal(error.retryAfterMs, 5000);
    }),
  );
});

Deno.test("a 200 that is not JSON is an IntegrationError, not a crash", async () => {
  const news = createNewsApiSource({
    apiKey: FAKE_NEWSAPI_KEY,
    fetch: () =>
      Promise.resolve(new Response("<html></html>", { headers: { "content-type": "text/html" } })),
    retry: noRetry,
  });
  await assert.rejects(
    news.fetchArticles(),
    isError(200, (error) => assert.match(error.message, /expected a JSON object, got text\/html/)),
  );
});

Deno.test("a key echoed back by the service is masked in the error", async () => {
  const apiKey = "echoed-key-987";
  const body = {
    status: "error",
    code: "apiKeyDisabled",
    message: `Key ${apiKey} has been disabled.`,
  };
  const news = createNewsApiSource({
    apiKey,
    fetch: () => Promise.resolve(Response.json(body, { status: 401 })),
  });
  await assert.rejects(
    news.fetchArticles(),
    isError(
      401,
      (error) =>
        assert.equal(
          error.message,
          "newsapi answered 401: apiKeyDisabled: Key *** has been disabled.",
        ),
    ),
  );
});

Deno.test("an unreachable NewsAPI is a NetworkError", async () => {
  const fake = await startFakeNews();
  await fake.close();
  const news = createNewsApiSource({ apiKey: FAKE_NEWSAPI_KEY, baseUrl: fake.url, retry: noRetry });
  await assert.rejects(news.fetchArticles(), NetworkError);
});

Deno.test("createNewsApiSource() refuses an empty key", () => {
  assert.throws(() => createNewsApiSource({ apiKey: "" }), /apiKey is empty/);
});
