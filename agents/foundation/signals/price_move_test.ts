import assert from "node:assert/strict";
import { closed, near, only, ramp, thresholds } from "./_test_utils.ts";
import { detectPriceMoves } from "./price_move.ts";

const flat = (n: number) => Array(n).fill(100);

Deno.test("a steady 7% climb over 25 hourly candles is a 24h move and nothing shorter", () => {
  const found = detectPriceMoves([closed(ramp(100, 107, 25))], thresholds());
  const move = only(found);
  assert.equal(move.type, "price_move");
  assert.equal(move.headline, "BTC/USDT up 7.0% in 24h");
  assert.ok(near(move.facts.changePct, 7));
  assert.equal(move.facts.fromClose, 100);
  assert.equal(move.facts.toClose, 107);
  assert.equal(move.facts.bars, 24);
  assert.ok(near(move.importance, (0.5 * 7) / 6));
});

Deno.test("on 15m candles the 1h move looks four bars back", () => {
  const found = detectPriceMoves([closed([...flat(100), 97], { timeframe: "15m" })], thresholds());
  const move = only(found);
  assert.equal(move.headline, "BTC/USDT down 3.0% in 1h");
  assert.equal(move.facts.bars, 4);
  assert.equal(move.facts.direction, "down");
  assert.match(move.dedupKey, /^price_move:binance:BTC\/USDT:15m:\d+:1h:down$/);
});

Deno.test("a jump big enough for every window yields one insight per window", () => {
  const found = detectPriceMoves([closed([...flat(24), 110])], thresholds());
  assert.deepEqual(found.map((c) => c.facts.window), ["1h", "4h", "24h"]);
  assert.equal(new Set(found.map((c) => c.dedupKey)).size, 3);
});

Deno.test("a quiet market yields no price move", () => {
  assert.deepEqual(detectPriceMoves([closed(ramp(100, 101, 30))], thresholds()), []);
});

Deno.test("a window longer than the data is skipped rather than guessed", () => {
  // 20 hourly candles: 1h and 4h can be measured, 24h cannot.
  const found = detectPriceMoves([closed([...flat(19), 110])], thresholds());
  assert.deepEqual(found.map((c) => c.facts.window), ["1h", "4h"]);
});

Deno.test("a window shorter than the timeframe is skipped", () => {
  const found = detectPriceMoves([closed([...flat(7), 150], { timeframe: "4h" })], thresholds());
  assert.deepEqual(found.map((c) => c.facts.window), ["4h", "24h"]);
});

Deno.test("a gap in the candles never stretches the window", () => {
  const series = closed([...flat(30), 110]);
  // Remove the candle 24h before the last: counting 24 bars back would now reach 25h back.
  series.candles.splice(series.candles.length - 25, 1);
  const found = detectPriceMoves([series], thresholds());
  assert.deepEqual(found.map((c) => c.facts.window), ["1h", "4h"]);
});

Deno.test("a symbol given on two timeframes closing together is told once, from the finer candles", () => {
  const hourly = closed([...flat(24), 110]);
  const quarterly = closed([...flat(96), 110], {
    timeframe: "15m",
    start: hourly.candles[0].openTime + 45 * 60_000,
  });
  const found = detectPriceMoves([hourly, quarterly], thresholds());
  const daily = only(found.filter((c) => c.facts.window === "24h"));
  assert.equal(daily.timeframe, "15m");
});
