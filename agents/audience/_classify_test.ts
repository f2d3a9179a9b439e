import assert from "node:assert/strict";
import { asksToStop, classifyByRules } from "./_classify.ts";

const cases: [string, string][] = [
  ["@creator what does RSI above 70 mean here?", "question"],
  ["how do you pick the coins", "question"],
  ["Send 0.1 ETH to 0x52908400098527886E0F7030069857D2E4169EE7 for 2x back", "scam"],
  ["Claim your airdrop now, connect your wallet", "scam"],
  ["follow me for daily signals", "spam"],
  ["this coin is a ponzi, going to zero", "fud"],
  ["your numbers are wrong", "criticism"],
  ["thanks, great summary 🔥", "praise"],
  ["gm", "other"],
];

Deno.test("rules sort messages into their classes", () => {
  for (const [text, expected] of cases) {
    assert.equal(classifyByRules(text, 0).classification, expected, text);
  }
});

Deno.test("sentiment decides what no rule matched, and says so", () => {
  const verdict = classifyByRules("solid stuff, really enjoyable", 4);
  assert.deepEqual(verdict, { classification: "praise", reason: "positive sentiment (4)" });
  assert.equal(classifyByRules("meh, disappointing", -3).classification, "criticism");
});

Deno.test("asksToStop() hears a request to stop, not the word inside a sentence", () => {
  assert.ok(asksToStop("STOP"));
  assert.ok(asksToStop("@creator unsubscribe"));
  assert.ok(!asksToStop("will the sell-off stop?"));
});
