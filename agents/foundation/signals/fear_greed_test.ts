import assert from "node:assert/strict";
import { detectFearGreed } from "./fear_greed.ts";
import { HOUR, only, T0 } from "./_test_utils.ts";
import type { FearGreedPoint } from "./types.ts";

const DAY = 24 * HOUR;
const readings = (...values: number[]): FearGreedPoint[] =>
  values.map((value, i) => ({
    value,
    classification: value <= 25 ? "Extreme Fear" : value >= 75 ? "Extreme Greed" : "Neutral",
    at: T0 + i * DAY,
  }));

Deno.test("a plunge into extreme fear is reported with the move", () => {
  const fg = only(detectFearGreed(readings(50, 20)));
  assert.equal(fg.headline, "Fear & Greed at 20 (Extreme Fear), down 30 from 50");
  assert.equal(fg.facts.value, 20);
  assert.equal(fg.facts.change, -30);
  assert.equal(fg.facts.reason, "extreme+change");
  assert.equal(fg.importance, 1);
  assert.equal(fg.dedupKey, `fear_greed:${T0 + DAY}`);
});

Deno.test("an extreme reading that barely moved is still reported", () => {
  const fg = only(detectFearGreed(readings(78, 80)));
  assert.equal(fg.headline, "Fear & Greed at 80 (Extreme Greed)");
  assert.equal(fg.facts.reason, "extreme");
  assert.equal(fg.importance, 0.5 * 30 / 25);
});

Deno.test("a 12-point move in neutral territory is reported as a change", () => {
  const fg = only(detectFearGreed(readings(60, 48)));
  assert.equal(fg.facts.reason, "change");
  assert.equal(fg.headline, "Fear & Greed at 48 (Neutral), down 12 from 60");
});

Deno.test("a calm neutral reading, or no reading at all, yields nothing", () => {
  assert.deepEqual(detectFearGreed(readings(40, 45)), []);
  assert.deepEqual(detectFearGreed(readings(50)), []);
  assert.deepEqual(detectFearGreed([]), []);
});

Deno.test("only the latest reading and the one before it count", () => {
  assert.deepEqual(detectFearGreed(readings(10, 50, 55)), []);
});
