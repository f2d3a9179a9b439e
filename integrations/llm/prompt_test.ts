import assert from "node:assert/strict";
import type { DraftRequest } from "./mod.ts";
import { buildMessageRequest, measureRequest, parseDraftReply } from "./prompt.ts";

const REQUEST: DraftRequest = {
  insightType: "rsi_extreme",
  symbol: "ETH/USDT",
  headline: "ETH RSI 81",
  facts: {
    rsi: 81.4372,
    rsiPeriod: 14,
    threshold: 70,
    zone: "overbought",
    close: 3205.5512,
    openTime: 1736506800000,
  },
  platform: "discord",
  format: "channel_post",
  maxLength: 2000,
  disclaimer: "",
};
const OPTIONS = { model: "claude-sonnet-4-6", persona: "Plain and calm." };

Deno.test("parseDraftReply reads the parts object, with or without fences and prose", () => {
  const json = JSON.stringify({ parts: ["1/2 One", "2/2 Two"] });
  assert.deepEqual(parseDraftReply(json), ["1/2 One", "2/2 Two"]);
  assert.deepEqual(parseDraftReply("```json\n" + json + "\n```"), ["1/2 One", "2/2 Two"]);
  assert.deepEqual(parseDraftReply(`Here is the draft:\n${json}`), ["1/2 One", "2/2 Two"]);
});

Deno.test("parseDraftReply splits a plain reply on --- lines", () => {
  assert.deepEqual(parseDraftReply("First post\n---\nSecond post"), ["First post", "Second post"]);
  assert.deepEqual(parseDraftReply("Just one post."), ["Just one post."]);
});

Deno.test("parseDraftReply yields nothing for cut-off or shapeless JSON", () => {
  assert.deepEqual(parseDraftReply('{"parts": ["BTC is up 5.2%'), []);
  assert.deepEqual(parseDraftReply('{"text": "BTC"}'), []);
  assert.deepEqual(parseDraftReply('{"parts": ["  ", 42, "ok"]}'), ["ok"]);
});

Deno.test("the cached prefix holds only the persona and the rules", () => {
  const body = buildMessageRequest(REQUEST, OPTIONS);
  const system = body.system as Array<{ text: string }>;
  assert.equal(system.length, 2);
  assert.match(system[0].text, /Plain and calm\./);
  assert.ok(
    system.every((block) => !block.text.includes("ETH RSI 81")),
    "no insight data in system",
  );
  const { totalBytes, cachedPrefixBytes } = measureRequest(body);
  assert.ok(cachedPrefixBytes > 4096 && cachedPrefixBytes < totalBytes);
});

Deno.test("an empty persona leaves no empty system block", () => {
  const body = buildMessageRequest(REQUEST, { ...OPTIONS, persona: "  " });
  assert.equal((body.system as unknown[]).length, 1);
  assert.equal(body.max_tokens, 1024);
});

Deno.test("the user message shows each fact formatted and raw, and leaves timestamps out", () => {
  const body = buildMessageRequest(REQUEST, OPTIONS);
  const message = JSON.parse(body.messages[0].content as string);
  assert.deepEqual(message.insight.facts, {
    rsi: { display: "81.4", raw: 81.4372 },
    rsiPeriod: { display: "14", raw: 14 },
    threshold: { display: "70", raw: 70 },
    zone: "overbought",
    close: { display: "3,205.55", raw: 3205.5512 },
  });
  assert.equal(message.insight.symbol, "ETH/USDT");
  assert.equal(message.max_length, 2000);
});

Deno.test("the writing rules name the fact keys the detectors produce", () => {
  const rules = (buildMessageRequest(REQUEST, OPTIONS).system as Array<{ text: string }>).at(-1)!;
  for (const key of ["changePct", "fromClose", "baselineMean", "rsiPeriod", "gainerNSymbol"]) {
    assert.ok(rules.text.includes(key), key);
  }
  assert.doesNotMatch(rules.text, /change_pct|price_from|gainer_N/);
});

Deno.test("an experiment's style travels after the cache breakpoint, and only when set", () => {
  const styled = buildMessageRequest(
    { ...REQUEST, style: { opening: "question", length: "short" } },
    OPTIONS,
  );
  const plain = buildMessageRequest(REQUEST, OPTIONS);
  assert.deepEqual(styled.system, plain.system, "the cached prefix does not vary");
  const user = (body: typeof styled) => JSON.parse(body.messages[0].content as string);
  assert.deepEqual(user(styled).style, { opening: "question", length: "short" });
  assert.equal("style" in user(plain), false);
});
