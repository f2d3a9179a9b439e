import assert from "node:assert/strict";
import type { DraftRequest } from "./mod.ts";
import { buildMessageRequest, measureRequest, parseDraftReply } from "./prompt.ts";

const REQUEST: DraftRequest = {
  insightType: "rsi_extreme",
  symbol: "ETH/USDT",
  headline: "ETH RSI 81",
  facts: { rsi: 81.4372, period: 14, timeframe: "4h", price: 3205.5512 },
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
