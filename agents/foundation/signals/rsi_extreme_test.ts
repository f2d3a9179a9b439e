import assert from "node:assert/strict";
import { closed, near, only, ramp, thresholds } from "./_test_utils.ts";
import { lastOf, rsiSeries } from "./indicators.ts";
import { detectRsiExtreme } from "./rsi_extreme.ts";

Deno.test("a series that only rises is overbought at RSI 100", () => {
  const rsi = only(detectRsiExtreme(closed(ramp(100, 130, 20)), thresholds()));
  assert.equal(rsi.type, "rsi_extreme");
  assert.equal(rsi.headline, "BTC/USDT 1h RSI(14) at 100.0: overbought");
  assert.equal(rsi.facts.rsi, 100);
  assert.equal(rsi.facts.zone, "overbought");
  assert.equal(rsi.importance, 1);
  assert.match(rsi.dedupKey, /:overbought$/);
});

Deno.test("a series that only falls is oversold at RSI 0", () => {
  const rsi = only(detectRsiExtreme(closed(ramp(130, 100, 20)), thresholds()));
  assert.equal(rsi.facts.zone, "oversold");
  assert.equal(rsi.facts.rsi, 0);
  assert.equal(rsi.importance, 1);
});

Deno.test("a choppy series near RSI 50 yields nothing", () => {
  const closes = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? 100 : 101));
  assert.deepEqual(detectRsiExtreme(closed(closes), thresholds()), []);
});

Deno.test("the reported RSI is the last value of the full-series indicator", () => {
  const closes = [...ramp(100, 90, 30), ...ramp(90, 91, 5), 89, 88, 87];
  const rsi = only(detectRsiExtreme(closed(closes), thresholds()));
  assert.equal(rsi.facts.rsi, lastOf(rsiSeries(closes, 14)));
  assert.ok((rsi.facts.rsi as number) > 10 && (rsi.facts.rsi as number) < 11);
  // 39.8 points below the neutral 50 where the threshold is 20 below it.
  assert.ok(near(rsi.importance, (0.5 * (50 - (rsi.facts.rsi as number))) / 20));
});

Deno.test("no more closes than the RSI period yields nothing", () => {
  assert.deepEqual(detectRsiExtreme(closed(ramp(100, 130, 14)), thresholds()), []);
});
