import assert from "node:assert/strict";
import { loadCandles, loadReference } from "../../../tests/fixtures/indicators/load.ts";
import { bollingerSeries, emaSeries, macdSeries, rsiSeries, smaSeries } from "./indicators.ts";

const candles15m = loadCandles("BTCUSDT_15m_2020-01.csv");
const candles1h = loadCandles("BTCUSDT_1h_2025-01.csv");
const closes15m = candles15m.map((c) => c.close);
const closes1h = candles1h.map((c) => c.close);

/**
 * Asserts ours matches `column` of a reference file from candle index `from` on, and that both
 * start producing values at the same candle. Returns how many values were compared.
 */
function assertMatches(
  ours: readonly (number | null)[],
  candleTimes: readonly number[],
  file: string,
  column: string,
  options: { from?: number; tolerance: number },
): number {
  const rows = loadReference(file);
  const indexOf = new Map(candleTimes.map((t, i) => [t, i]));
  const firstRef = indexOf.get(rows[0].openTime);
  assert.equal(ours.findIndex((v) => v !== null), firstRef, `${file}: warm-up length`);
  let compared = 0;
  for (const row of rows) {
    const i = indexOf.get(row.openTime);
    assert.ok(i !== undefined, `${file}: no candle at ${row.openTime}`);
    if (i < (options.from ?? 0)) continue;
    const value = ours[i];
    assert.ok(value !== null, `${file}: no value at candle ${i}`);
    const diff = Math.abs(value - row.values[column]);
    assert.ok(diff <= options.tolerance, `${file} ${column} at candle ${i}: off by ${diff}`);
    compared++;
  }
  return compared;
}

const times15m = candles15m.map((c) => c.openTime);
const times1h = candles1h.map((c) => c.openTime);
const talib = (name: string) => `talib_btcusdt15m/BTCUSDT_15m_${name}.csv`;
const talipp = (name: string) => `reference_btcusdt1h/${name}.csv`;

Deno.test("fixtures hold the candles the references were computed on", () => {
  assert.equal(candles15m.length, 1000);
  assert.equal(candles1h.length, 744);
  assert.equal(candles1h[0].openTime, Date.UTC(2025, 0, 1));
  assert.equal(candles1h[1].openTime - candles1h[0].openTime, 3_600_000);
});

Deno.test("SMA matches TA-Lib SMA(9) and talipp SMA(20) on every bar", () => {
  const n1 = assertMatches(smaSeries(closes15m, 9), times15m, talib("SMA9"), "sma9", {
    tolerance: 1e-8,
  });
  const n2 = assertMatches(smaSeries(closes1h, 20), times1h, talipp("sma-20-close"), "expected", {
    tolerance: 1e-8,
  });
  assert.equal(n1, 1000 - 8);
  assert.equal(n2, 744 - 19);
});

// Wilder's RSI is seeded the same way in TA-Lib and trading-signals (the plain mean of the first
// `period` gains and losses, TA-Lib's unstable period being 0), so they agree from the first bar.
Deno.test("RSI matches TA-Lib RSI(9) and talipp RSI(14) from the first value", () => {
  const n1 = assertMatches(rsiSeries(closes15m, 9), times15m, talib("RSI9"), "rsi", {
    tolerance: 1e-9,
  });
  const n2 = assertMatches(rsiSeries(closes1h, 14), times1h, talipp("rsi-14-close"), "expected", {
    tolerance: 1e-9,
  });
  assert.equal(n1, 1000 - 9);
  assert.equal(n2, 744 - 14);
});

// TA-Lib (and talipp) seed an EMA with the SMA of its first `period` closes; trading-signals
// seeds it with the first close. The seed's weight decays by (1 - 2/(period+1)) per bar, so
// after ~12 periods the two agree to under a millionth of a dollar; compare from bar 250.
Deno.test("EMA matches TA-Lib EMA(21) and talipp EMA(20) once the seed has decayed", () => {
  const n1 = assertMatches(emaSeries(closes15m, 21), times15m, talib("EMA21"), "ema21", {
    from: 250,
    tolerance: 1e-6,
  });
  const n2 = assertMatches(emaSeries(closes1h, 20), times1h, talipp("ema-20-close"), "expected", {
    from: 250,
    tolerance: 1e-6,
  });
  assert.ok(n1 === 750 && n2 === 494, `compared ${n1} and ${n2} values`);
});

// TA-Lib sums squares to get the variance where trading-signals sums squared deviations, so
// the bands differ by rounding only: ~1e-8 on prices near 10,000.
Deno.test("Bollinger bands match TA-Lib BBANDS(5, 2) and talipp BB(20, 2) on every bar", () => {
  const bb5 = bollingerSeries(closes15m, 5, 2);
  const bb20 = bollingerSeries(closes1h, 20, 2);
  for (
    const [band, talibColumn] of [["upper", "upperband"], ["middle", "middleband"], [
      "lower",
      "lowerband",
    ]] as const
  ) {
    const ours5 = bb5.map((b) => b?.[band] ?? null);
    const ours20 = bb20.map((b) => b?.[band] ?? null);
    const n1 = assertMatches(ours5, times15m, talib("BBANDS5"), talibColumn, { tolerance: 1e-6 });
    const n2 = assertMatches(ours20, times1h, talipp("bb-20-2-close"), band, { tolerance: 1e-6 });
    assert.equal(n1, 1000 - 4);
    assert.equal(n2, 744 - 19);
  }
});

// MACD inherits the EMA seeding difference, tripled (fast, slow and signal EMAs), and TA-Lib
// also starts its fast EMA late to line it up with the slow one. From bar 300 the seeds have
// decayed below 1e-5.
Deno.test("MACD matches TA-Lib and talipp MACD(12, 26, 9) after the warm-up", () => {
  const m15 = macdSeries(closes15m, 12, 26, 9);
  const m1h = macdSeries(closes1h, 12, 26, 9);
  for (const key of ["macd", "signal", "histogram"] as const) {
    const talibColumn = { macd: "macd", signal: "macdsignal", histogram: "macdhist" }[key];
    const n1 = assertMatches(
      m15.map((m) => m?.[key] ?? null),
      times15m,
      talib("MACD_12_26_9"),
      talibColumn,
      {
        from: 300,
        tolerance: 1e-5,
      },
    );
    const n2 = assertMatches(
      m1h.map((m) => m?.[key] ?? null),
      times1h,
      talipp("macd-12-26-9-close"),
      key,
      {
        from: 300,
        tolerance: 1e-5,
      },
    );
    assert.ok(n1 === 700 && n2 === 444, `compared ${n1} and ${n2} values`);
  }
});
