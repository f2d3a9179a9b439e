import assert from "node:assert/strict";
import { closed, near, only, thresholds } from "./_test_utils.ts";
import { bollingerSeries, lastOf } from "./indicators.ts";
import { detectBollingerBreakout } from "./bollinger_breakout.ts";

const calm = Array.from({ length: 19 }, (_, i) => (i % 2 === 0 ? 99 : 101));

Deno.test("a close far above a calm range breaks out above the upper band", () => {
  const closes = [...calm, 110];
  const breakout = only(detectBollingerBreakout(closed(closes), thresholds()));
  const bands = lastOf(bollingerSeries(closes, 20, 2))!;
  assert.equal(breakout.headline, "BTC/USDT 1h closed above its upper Bollinger band (20, 2)");
  assert.equal(breakout.facts.side, "above");
  assert.equal(breakout.facts.close, 110);
  assert.equal(breakout.facts.upper, bands.upper);
  assert.ok((breakout.facts.close as number) > (breakout.facts.upper as number));
  const sigma = (bands.upper - bands.middle) / 2;
  assert.ok(near(breakout.facts.sigmas, (110 - bands.middle) / sigma));
  assert.ok(breakout.importance > 0.5 && breakout.importance <= 1);
});

Deno.test("a close far below a calm range breaks out below the lower band", () => {
  const breakout = only(detectBollingerBreakout(closed([...calm, 90]), thresholds()));
  assert.equal(breakout.facts.side, "below");
  assert.match(breakout.headline, /below its lower Bollinger band/);
  assert.match(breakout.dedupKey, /:below$/);
});

Deno.test("a close inside the bands yields nothing", () => {
  assert.deepEqual(detectBollingerBreakout(closed([...calm, 102]), thresholds()), []);
});

Deno.test("a perfectly flat series has zero-width bands and no breakout", () => {
  assert.deepEqual(detectBollingerBreakout(closed(Array(25).fill(100)), thresholds()), []);
});

Deno.test("fewer closes than the band period yield nothing", () => {
  assert.deepEqual(detectBollingerBreakout(closed([...calm.slice(1), 150]), thresholds()), []);
});
