import assert from "node:assert/strict";
import { IntegrationError, NetworkError } from "../../core/errors.ts";
import { startFakeNews } from "../../tests/fakes/news.ts";
import { createFearGreedSource } from "./fear_greed.ts";

const noRetry = { attempts: 1 };

function answering(body: unknown) {
  return () => Promise.resolve(Response.json(body));
}

Deno.test("latest() reads alternative.me's string fields into numbers and epoch ms", async () => {
  const fake = await startFakeNews();
  try {
    const reading = await createFearGreedSource({ baseUrl: fake.url }).latest();
    assert.deepEqual(reading, { value: 40, classification: "Fear", at: 1551157200_000 });
    assert.deepEqual(fake.requests.map((r) => r.path), ["/fng/?limit=1"]);
  } finally {
    await fake.close();
  }
});

Deno.test("an error in metadata.error is an IntegrationError with the service's words", async () => {
  const source = createFearGreedSource({
    fetch: answering({
      name: "Fear and Greed Index",
      data: [],
      metadata: { error: "Limit must be a number" },
    }),
    retry: noRetry,
  });
  await assert.rejects(source.latest(), (error: unknown) => {
    assert.ok(error instanceof IntegrationError);
    assert.equal(error.service, "alternative.me");
    assert.match(error.message, /Limit must be a number/);
    return true;
  });
});

Deno.test("a reading outside 0-100 or without a timestamp is refused", async () => {
  for (
    const item of [
      { value: "140", value_classification: "Greed", timestamp: "1551157200" },
      { value: "", value_classification: "Fear", timestamp: "1551157200" },
      { value: "40", value_classification: "Fear" },
    ]
  ) {
    const source = createFearGreedSource({
      fetch: answering({ name: "Fear and Greed Index", data: [item], metadata: { error: null } }),
      retry: noRetry,
    });
    await assert.rejects(source.latest(), /no valid index reading/);
  }
});

Deno.test("a 503 with Retry-After becomes an IntegrationError carrying retryAfterMs", async () => {
  const fake = await startFakeNews();
  try {
    fake.failNext("/fng/", 1, 503, 12);
    const source = createFearGreedSource({ baseUrl: fake.url, retry: noRetry });
    await assert.rejects(source.latest(), (error: unknown) => {
      assert.ok(error instanceof IntegrationError);
      assert.equal(error.status, 503);
      assert.equal(error.retryAfterMs, 12_000);
      return true;
    });
  } finally {
    await fake.close();
  }
});

Deno.test("a transient failure is retried and the next reading returned", async () => {
  const fake = await startFakeNews();
  try {
    fake.failNext("/fng/", 2, 502);
    const source = createFearGreedSource({
      baseUrl: fake.url,
      retry: { sleep: () => Promise.resolve() },
    });
    assert.equal((await source.latest()).value, 40);
    assert.equal(fake.requests.length, 3);
  } finally {
    await fake.close();
  }
});

Deno.test("a slow index is a NetworkError after timeoutMs", async () => {
  const fake = await startFakeNews({ latencyMs: 200 });
  try {
    const source = createFearGreedSource({ baseUrl: fake.url, timeoutMs: 30, retry: noRetry });
    await assert.rejects(source.latest(), (error: unknown) => {
      assert.ok(error instanceof NetworkError);
      assert.equal(error.message, "Cannot reach alternative.me: no answer within 30 ms");
      return true;
    });
  } finally {
    await fake.close();
  }
});

Deno.test("a classification other than the index's five words is refused, cleaned in the error", async () => {
  const fake = await startFakeNews();
  try {
    for (
      const label of [
        "Greed - DM scam@evil.example for signals",
        "Fear tg://resolve?domain=pump_group",
        "\x1b]8;;http://evil.example\x1b\\Greed\x1b]8;;\x1b\\",
        "x".repeat(1_000_000),
      ]
    ) {
      const body = {
        data: [{ value: "80", value_classification: label, timestamp: "1551157200" }],
      };
      fake.serve("/fng/", JSON.stringify(body), "application/json");
      const source = createFearGreedSource({ baseUrl: fake.url, retry: noRetry });
      await assert.rejects(source.latest(), (error: unknown) => {
        assert.ok(error instanceof IntegrationError);
        assert.match(error.message, /unknown classification ".*": expected one of Extreme Fear,/);
        assert.ok(error.message.length < 200, "a huge label is not echoed in full");
        assert.ok(!error.message.includes("\x1b"), "no escape is echoed");
        return true;
      });
    }
  } finally {
    await fake.close();
  }
});
