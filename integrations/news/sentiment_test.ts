import assert from "node:assert/strict";
import { scoreSentiment } from "./sentiment.ts";

const POSITIVE = [
  "Bitcoin surges past $94K as spot ETF inflows hit two-week high",
  "Ether soars to an all-time high after ETF approval",
  "Traders turn bullish as Solana rallies 9% on record network activity",
];

const NEGATIVE = [
  "Exchange halts withdrawals after $120M hot-wallet hack",
  "Bitcoin crashes as liquidations top $1 billion",
  "Investors lose savings in DeFi rug pull; SEC lawsuit follows",
  "Stablecoin depegs, sparking a bank run on the issuer",
];

const NEUTRAL = [
  "Ethereum developers set date for next network meeting",
  "Weekly funding roundup: 14 crypto startups raised $210M",
  "",
];

Deno.test("clearly positive crypto headlines score above zero", () => {
  for (const headline of POSITIVE) {
    assert.ok(scoreSentiment(headline) > 0.2, `${headline}: ${scoreSentiment(headline)}`);
  }
});

Deno.test("clearly negative crypto headlines score below zero", () => {
  for (const headline of NEGATIVE) {
    assert.ok(scoreSentiment(headline) < -0.2, `${headline}: ${scoreSentiment(headline)}`);
  }
});

Deno.test("neutral headlines and empty text score about zero", () => {
  for (const headline of NEUTRAL) {
    assert.ok(Math.abs(scoreSentiment(headline)) < 0.1, `${headline}: ${scoreSentiment(headline)}`);
  }
});

Deno.test("crypto terms AFINN lacks change the score", () => {
  assert.equal(scoreSentiment("analysts are bullish"), -scoreSentiment("analysts are bearish"));
  assert.ok(scoreSentiment("a rug pull") < scoreSentiment("a rug"));
});

Deno.test("a negator flips the word after it", () => {
  assert.ok(scoreSentiment("analysts are not bullish") < 0);
});

Deno.test("scores stay within -1 and 1 however loaded the text", () => {
  const euphoric = "bullish rally surge soar moon ath ".repeat(50);
  const doom = "crash hack exploit scam rug pull rekt ".repeat(50);
  assert.ok(scoreSentiment(euphoric) <= 1 && scoreSentiment(euphoric) > 0.9);
  assert.ok(scoreSentiment(doom) >= -1 && scoreSentiment(doom) < -0.9);
});

Deno.test("the same text always gets the same score", () => {
  const text = NEGATIVE[0];
  assert.equal(scoreSentiment(text), scoreSentiment(text));
  assert.equal(scoreSentiment(text.toUpperCase()), scoreSentiment(text));
});
