import assert from "node:assert/strict";
import {
  formatCompact,
  formatDecimal,
  formatFact,
  formatPct,
  formatPrice,
  formatSigned,
  isTimestampKey,
} from "./numbers.ts";

Deno.test("formatPrice groups thousands and keeps more decimals for small prices", () => {
  assert.equal(formatPrice(94401.14), "94,401.14");
  assert.equal(formatPrice(145.2), "145.20");
  assert.equal(formatPrice(2.34567), "2.3457");
  assert.equal(formatPrice(0.00001234), "0.00001234");
  assert.equal(formatPrice(0.51234), "0.5123");
});

Deno.test("formatPct shows the sign, one decimal, and two for tiny moves", () => {
  assert.equal(formatPct(5.23871), "+5.2%");
  assert.equal(formatPct(-3.05), "-3.1%");
  assert.equal(formatPct(0), "0.0%");
  assert.equal(formatPct(0.04), "+0.04%");
  assert.equal(formatPct(-5.23871, { signed: false }), "5.2%");
});

Deno.test("formatCompact shortens large amounts to K, M, B and T", () => {
  assert.equal(formatCompact(950), "950");
  assert.equal(formatCompact(1234), "1.2K");
  assert.equal(formatCompact(1_234_567), "1.2M");
  assert.equal(formatCompact(3_412_000_000), "3.4B");
});

Deno.test("formatSigned always shows the sign of a non-zero change", () => {
  assert.equal(formatSigned(0.4567), "+0.46");
  assert.equal(formatSigned(-0.1234), "-0.12");
  assert.equal(formatSigned(0), "0.00");
  assert.equal(formatSigned(-30, 0), "-30");
});

Deno.test("formatFact formats the detectors' camelCase facts by what their key says", () => {
  assert.equal(formatFact("changePct", 5.23871), "+5.2%");
  assert.equal(formatFact("gainer2ChangePct", -14.333), "-14.3%");
  assert.equal(formatFact("thresholdPct", 6), "6.0%");
  assert.equal(formatFact("gapPct", 0.1234), "0.1%");
  assert.equal(formatFact("gapPct", 0.0434), "0.04%");
  assert.equal(formatFact("fromClose", 94401.14), "94,401.14");
  assert.equal(formatFact("loser1ToClose", 0.00001234), "0.00001234");
  assert.equal(formatFact("close", 2.34567), "2.3457");
  assert.equal(formatFact("upper", 705.1234), "705.12");
  assert.equal(formatFact("prevSlow", 90123.456), "90,123.46");
  assert.equal(formatFact("volume", 4_912_345_678), "4.9B");
  assert.equal(formatFact("baselineMean", 1_380_400_000), "1.4B");
  assert.equal(formatFact("ratio", 3.5587), "3.6");
  assert.equal(formatFact("rsi", 78.432), "78.4");
  assert.equal(formatFact("sigmas", -2.345), "-2.3");
  assert.equal(formatFact("recentMean", 0.4567), "+0.46");
  assert.equal(formatFact("shift", -0.5), "-0.50");
  assert.equal(formatFact("change", -30), "-30");
  assert.equal(formatFact("symbolsCompared", 1234), "1,234");
  assert.equal(formatFact("window", "24h"), "24h");
  assert.equal(formatDecimal(3.0), "3");
});

Deno.test("formatFact shows periods and thresholds as the plain numbers they are", () => {
  assert.equal(formatFact("rsiPeriod", 14), "14");
  assert.equal(formatFact("fastPeriod", 20), "20");
  assert.equal(formatFact("threshold", 70), "70");
  assert.equal(formatFact("bbStdDev", 2.5), "2.5");
  assert.equal(formatFact("windowHours", 24), "24");
});

Deno.test("a timestamp fact is never shown as a number", () => {
  for (const key of ["openTime", "fromOpenTime", "toOpenTime", "at", "previousAt"]) {
    assert.ok(isTimestampKey(key), key);
    assert.equal(formatFact(key, 1736506800000), "2025-01-10T11:00:00.000Z");
  }
  for (const key of ["close", "windowHours", "value", "ratio"]) assert.ok(!isTimestampKey(key));
});
