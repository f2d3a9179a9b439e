import assert from "node:assert/strict";
import { formatCompact, formatDecimal, formatFact, formatPct, formatPrice } from "./numbers.ts";

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

Deno.test("formatFact picks the format from the fact's key", () => {
  assert.equal(formatFact("change_pct", 5.23871), "+5.2%");
  assert.equal(formatFact("price_to", 94401.14), "94,401.14");
  assert.equal(formatFact("slow_ma", 90123.456), "90,123.46");
  assert.equal(formatFact("baseline_volume", 380_400_000), "380.4M");
  assert.equal(formatFact("rsi", 78.432), "78.4");
  assert.equal(formatFact("sentiment_now", 0.4567), "0.46");
  assert.equal(formatFact("articles", 1234), "1,234");
  assert.equal(formatFact("window", "24h"), "24h");
  assert.equal(formatDecimal(3.0), "3");
});
