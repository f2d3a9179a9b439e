import assert from "node:assert/strict";
import type { Candle, Ticker } from "../../core/vocabulary.ts";
import { candleProblem, isSymbol, showSymbol, tickerProblem } from "./market_intake.ts";

const NOW = Date.UTC(2025, 1, 1);
const HOUR = 3_600_000;

function series(closes: number[]): Candle[] {
  return closes.map((close, i) => ({
    openTime: NOW - (closes.length - i) * HOUR,
    open: close,
    high: close * 1.01,
    low: close * 0.99,
    close,
    volume: 10,
  }));
}

Deno.test("a plausible series passes and each kind of implausible one is named", () => {
  assert.equal(candleProblem(series([100, 101, 99]), NOW), null);
  const cases: [Candle[], RegExp][] = [
    [series([100, 0, 100]), /^row 1: open 0 is not a positive price$/],
    [series([100, -5]), /^row 1: open -5 is not a positive price$/],
    [series([100, 1e308]), /^row 1: open 1e\+308 is beyond any real price$/],
    [series([100, 100 * 171_661]), /^row 1: close 17166100 after 100 is a jump no market makes$/],
    [[{ ...series([100])[0], openTime: Date.UTC(2500, 0, 1) }], /time 2500-01-01T.* in the future/],
    [[{ ...series([100])[0], openTime: 1e300 }], /^row 0: time 1e\+300 is in the future$/],
    [[{ ...series([100])[0], openTime: 0 }], /^row 0: time 0 is before any trading$/],
    [[{ ...series([100])[0], high: 50 }], /not within low 99 and high 50/],
    [[{ ...series([100])[0], volume: Number.NaN }], /volume NaN is implausible/],
  ];
  for (const [candles, expected] of cases) {
    assert.match(candleProblem(candles, NOW) ?? "", expected);
  }
  const skewed = series([100]).map((c) => ({ ...c, openTime: NOW + 60_000 }));
  assert.equal(candleProblem(skewed, NOW), null, "a minute of clock skew is fine");
});

Deno.test("tickers need a BASE/QUOTE symbol, a real price and a possible 24h change", () => {
  const good: Ticker = { symbol: "BTC/USDT", last: 97000, quoteVolume: 1e9, changePct: 2, at: NOW };
  assert.equal(tickerProblem(good, NOW), null);
  assert.match(tickerProblem({ ...good, last: 0 }, NOW)!, /last 0 is not a positive price/);
  assert.match(
    tickerProblem({ ...good, changePct: -101 }, NOW)!,
    /24h change -101% is implausible/,
  );
  assert.match(tickerProblem({ ...good, at: NOW + 3_600_000 }, NOW)!, /in the future/);
  assert.match(tickerProblem({ ...good, symbol: "BTC'--/USDT" }, NOW)!, /is not BASE\/QUOTE/);
});

Deno.test("symbols are BASE/QUOTE of capitals and digits, and are shown short and clean", () => {
  assert.ok(isSymbol("1INCH/USDT") && isSymbol("BTC/USDT"));
  for (
    const bad of [
      "btc/usdt",
      "BTC/USDT;DROP",
      "X'); DROP TABLE x;--/USDT",
      "A".repeat(30) + "/USDT",
      "BTCUSDT",
    ]
  ) {
    assert.equal(isSymbol(bad), false, bad);
  }
  assert.equal(showSymbol("A".repeat(10_000_000)), JSON.stringify("A".repeat(39) + "…"));
  assert.equal(showSymbol("\x1b[31mBTC\x1b[0m/USDT"), '"BTC/USDT"');
});
