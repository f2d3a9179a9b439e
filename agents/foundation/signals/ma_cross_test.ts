import assert from "node:assert/strict";
import { loadCandles } from "../../../tests/fixtures/indicators/load.ts";
import { closeSeries } from "./_series.ts";
import { closed, only, thresholds } from "./_test_utils.ts";
import { smaSeries } from "./indicators.ts";
import { detectMaCross } from "./ma_cross.ts";

// SMA(3) vs SMA(5) keeps the arithmetic checkable by hand.
const short = thresholds({ maFast: 3, maSlow: 5 });

Deno.test("the fast SMA rising through the slow one on the last bar is a golden cross", () => {
  // Before: SMA3 9.667 <= SMA5 9.8. Last bar: SMA3 10.667 > SMA5 10.4.
  const cross = only(detectMaCross(closed([10, 10, 10, 10, 9, 13]), short));
  assert.equal(cross.headline, "BTC/USDT 1h golden cross: SMA3 crossed above SMA5");
  assert.equal(cross.facts.cross, "golden");
  assert.ok(Math.abs((cross.facts.fast as number) - 32 / 3) < 1e-9);
  assert.ok(Math.abs((cross.facts.slow as number) - 10.4) < 1e-9);
  assert.match(cross.dedupKey, /:golden$/);
});

Deno.test("the fast SMA falling through the slow one on the last bar is a death cross", () => {
  const cross = only(detectMaCross(closed([10, 10, 10, 10, 11, 7]), short));
  assert.equal(cross.facts.cross, "death");
  assert.match(cross.headline, /crossed below SMA5$/);
});

Deno.test("a cross one bar earlier is not reported again", () => {
  assert.deepEqual(detectMaCross(closed([10, 10, 10, 10, 9, 13, 14]), short), []);
});

Deno.test("too few closes for the slow SMA on two bars yield nothing", () => {
  assert.deepEqual(detectMaCross(closed([10, 10, 10, 9, 13]), short), []);
});

Deno.test("on real hourly BTC the detector fires exactly where SMA20 and SMA50 change sides", () => {
  const candles = loadCandles("BTCUSDT_1h_2025-01.csv");
  const closes = candles.map((c) => c.close);
  const fast = smaSeries(closes, 20);
  const slow = smaSeries(closes, 50);
  const series = { exchange: "binance", symbol: "BTC/USDT", timeframe: "1h", candles };
  let crosses = 0;
  for (let end = 50; end < candles.length; end++) {
    const side = (i: number) => Math.sign(fast[i]! - slow[i]!);
    const expected = side(end) !== 0 && side(end) !== side(end - 1);
    const prefix = closeSeries({ ...series, candles: candles.slice(0, end + 1) }, Infinity);
    const found = detectMaCross(prefix, thresholds());
    assert.equal(found.length, expected ? 1 : 0, `bar ${end}`);
    crosses += found.length;
  }
  assert.ok(crosses >= 4, `only ${crosses} crosses in January 2025`);
});
