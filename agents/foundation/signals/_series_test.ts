import assert from "node:assert/strict";
import { closeSeries, parseTimeframe, seriesKey, seriesRef } from "./_series.ts";
import { HOUR, makeSeries, T0 } from "./_test_utils.ts";

Deno.test("parseTimeframe reads minutes, hours, days and weeks", () => {
  assert.equal(parseTimeframe("1m"), 60_000);
  assert.equal(parseTimeframe("15m"), 900_000);
  assert.equal(parseTimeframe("4h"), 4 * HOUR);
  assert.equal(parseTimeframe("1d"), 24 * HOUR);
  assert.equal(parseTimeframe("1w"), 7 * 24 * HOUR);
});

Deno.test("parseTimeframe refuses months and nonsense with a RangeError naming the value", () => {
  for (const bad of ["1M", "0h", "h", "1.5h", ""]) {
    assert.throws(() => parseTimeframe(bad), (e: unknown) => {
      return e instanceof RangeError && e.message.includes(`"${bad}"`);
    });
  }
});

Deno.test("closeSeries drops the last candle while it is still open at now", () => {
  const series = makeSeries([1, 2, 3]);
  const lastOpen = T0 + 2 * HOUR;
  assert.equal(closeSeries(series, lastOpen + HOUR - 1).candles.length, 2);
  assert.equal(closeSeries(series, lastOpen + HOUR).candles.length, 3);
});

Deno.test("seriesRef and seriesKey name the exchange, symbol, timeframe and candle times", () => {
  const series = closeSeries(makeSeries([1, 2, 3], { symbol: "ETH/USDT" }), T0 + 3 * HOUR);
  assert.equal(seriesRef(series, 0, 2), `binance:ETH/USDT:1h@${T0}-${T0 + 2 * HOUR}`);
  assert.equal(seriesKey("x", series, "up"), `x:binance:ETH/USDT:1h:${T0 + 2 * HOUR}:up`);
});
