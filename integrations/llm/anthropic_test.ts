import assert from "node:assert/strict";
import { IntegrationError, NetworkError } from "../../core/errors.ts";
import {
  FAKE_ANTHROPIC_KEY,
  type MessagesBody,
  startFakeAnthropic,
} from "../../tests/fakes/anthropic.ts";
import { type AnthropicWriterOptions, createAnthropicWriter } from "./anthropic.ts";
import type { DraftRequest } from "./mod.ts";

const MODEL = "claude-sonnet-4-6";
const PERSONA = "A calm market desk that explains moves in plain words.";

const PRICE_MOVE: DraftRequest = {
  insightType: "price_move",
  symbol: "BTC/USDT",
  headline: "BTC/USDT moved +5.24% in 24h",
  facts: { symbol: "BTC/USDT", window: "24h", change_pct: 5.23871, price_to: 94401.14 },
  platform: "x",
  format: "single",
  maxLength: 280,
  disclaimer: "Not financial advice.",
};

const FEAR_GREED: DraftRequest = {
  insightType: "fear_greed",
  symbol: null,
  headline: "Fear & Greed at 72",
  facts: { value: 72, classification: "Greed", previous_value: 65 },
  platform: "telegram",
  format: "thread",
  maxLength: 4096,
  disclaimer: "Not financial advice.",
};

function writerFor(url: string, extra: Partial<AnthropicWriterOptions> = {}) {
  return createAnthropicWriter({
    apiKey: FAKE_ANTHROPIC_KEY,
    baseUrl: url,
    model: MODEL,
    persona: PERSONA,
    ...extra,
  });
}

const userData = (body: unknown) =>
  JSON.parse((body as MessagesBody).messages[0].content as string);

Deno.test("write() returns the parts Claude sends back, with token usage", async () => {
  const fake = startFakeAnthropic({
    reply: () => "```json\n" + JSON.stringify({ parts: ["BTC is up 5.2% in 24h."] }) + "\n```",
  });
  try {
    const draft = await writerFor(fake.url).write(PRICE_MOVE);
    assert.deepEqual(draft.parts, ["BTC is up 5.2% in 24h."]);
    assert.equal(draft.writer, MODEL);
    assert.ok(draft.usage && draft.usage.inputTokens > 0 && draft.usage.outputTokens > 0);
    const [request] = fake.requests;
    assert.equal(request.path, "/v1/messages");
    const auth = request.headers["x-api-key"] ?? request.headers.authorization;
    assert.ok(auth?.endsWith(FAKE_ANTHROPIC_KEY), "the key is sent in a header");
    assert.equal((request.body as MessagesBody).model, MODEL);
  } finally {
    await fake.close();
  }
});

Deno.test("the system prefix is byte-identical across insights and ends at the cache breakpoint", async () => {
  const fake = startFakeAnthropic();
  try {
    const writer = writerFor(fake.url);
    const first = await writer.write(PRICE_MOVE);
    const second = await writer.write(FEAR_GREED);
    const [a, b] = fake.requests.map((r) => r.body as MessagesBody);
    assert.equal(JSON.stringify(a.system), JSON.stringify(b.system));
    assert.notEqual(JSON.stringify(a.messages), JSON.stringify(b.messages));
    const blocks = a.system as Array<{ cache_control?: unknown }>;
    assert.deepEqual(blocks.at(-1)?.cache_control, { type: "ephemeral" });
    assert.ok(blocks.slice(0, -1).every((block) => block.cache_control === undefined));
    // The fake caches only prefixes of 1,024+ tokens, as Sonnet does: the rules must reach it.
    assert.ok(first.usage!.cacheWriteTokens >= 1024);
    assert.equal(second.usage!.cacheReadTokens, first.usage!.cacheWriteTokens);
    assert.equal(second.usage!.cacheWriteTokens, 0);
  } finally {
    await fake.close();
  }
});

Deno.test("the user message carries formatted and raw facts and the previous rejection", async () => {
  const fake = startFakeAnthropic();
  try {
    await writerFor(fake.url).write({
      ...PRICE_MOVE,
      previousRejection: "numbers not in the facts: 12%",
    });
    const data = userData(fake.requests[0].body);
    assert.deepEqual(data.insight.facts.change_pct, { display: "+5.2%", raw: 5.23871 });
    assert.deepEqual(data.insight.facts.price_to, { display: "94,401.14", raw: 94401.14 });
    assert.equal(data.insight.facts.window, "24h");
    assert.equal(data.platform, "x");
    assert.equal(data.max_length, 280);
    assert.equal(data.previous_rejection, "numbers not in the facts: 12%");
  } finally {
    await fake.close();
  }
});

Deno.test("a 429 with Retry-After is waited out, then the draft comes back", async () => {
  const fake = startFakeAnthropic();
  fake.failNext(1, 429, 0.2);
  const waits: number[] = [];
  try {
    const started = performance.now();
    const writer = writerFor(fake.url, { onRetry: (_error, ms) => waits.push(ms) });
    const draft = await writer.write(PRICE_MOVE);
    assert.ok(performance.now() - started >= 190, "waited as long as the service asked");
    assert.deepEqual(waits, [200]);
    assert.equal(fake.requests.length, 2);
    assert.equal(draft.parts.length, 1);
  } finally {
    await fake.close();
  }
});

Deno.test("a 400 is an IntegrationError and is not retried", async () => {
  const fake = startFakeAnthropic();
  fake.failNext(1, 400);
  try {
    const error = await writerFor(fake.url).write(PRICE_MOVE).catch((e) => e);
    assert.ok(error instanceof IntegrationError);
    assert.equal(error.status, 400);
    assert.equal(error.transient, false);
    assert.match(error.message, /anthropic answered 400: Simulated failure/);
    assert.ok(!error.message.includes(FAKE_ANTHROPIC_KEY));
    assert.equal(fake.requests.length, 1);
  } finally {
    await fake.close();
  }
});

Deno.test("retries stop after maxRetries and the last 5xx is thrown", async () => {
  const fake = startFakeAnthropic();
  fake.failNext(3, 529, 0);
  try {
    const error = await writerFor(fake.url, { maxRetries: 1 }).write(PRICE_MOVE).catch((e) => e);
    assert.ok(error instanceof IntegrationError);
    assert.equal(error.status, 529);
    assert.equal(fake.requests.length, 2);
  } finally {
    await fake.close();
  }
});

Deno.test("an unreachable service is a NetworkError", async () => {
  const fake = startFakeAnthropic();
  await fake.close();
  const error = await writerFor(fake.url, { maxRetries: 0 }).write(PRICE_MOVE).catch((e) => e);
  assert.ok(error instanceof NetworkError, String(error));
  assert.match(error.message, /^Cannot reach anthropic/);
});

Deno.test("an empty API key is refused before any request", () => {
  assert.throws(
    () => createAnthropicWriter({ apiKey: "", model: MODEL, persona: PERSONA }),
    TypeError,
  );
});

Deno.test("an aborted write rejects with the signal's reason and is not retried", async () => {
  const fake = startFakeAnthropic({ latencyMs: 200 });
  try {
    const controller = new AbortController();
    const reason = new Error("run cancelled");
    setTimeout(() => controller.abort(reason), 20);
    const error = await writerFor(fake.url).write(PRICE_MOVE, { signal: controller.signal })
      .catch((e) => e);
    assert.equal(error, reason);
    assert.equal(fake.requests.length, 1);
  } finally {
    await fake.close();
  }
});
