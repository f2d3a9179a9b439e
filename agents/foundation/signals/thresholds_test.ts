import assert from "node:assert/strict";
import { resolveThresholds } from "./thresholds.ts";
import { DEFAULT_THRESHOLDS } from "./types.ts";

Deno.test("resolveThresholds gives the defaults when nothing is overridden", () => {
  assert.deepEqual(resolveThresholds(), DEFAULT_THRESHOLDS);
  assert.deepEqual(DEFAULT_THRESHOLDS.movePct, { "1h": 2, "4h": 4, "24h": 6 });
  assert.equal(DEFAULT_THRESHOLDS.volumeSpikeRatio, 3);
});

Deno.test("resolveThresholds merges movePct window by window", () => {
  const t = resolveThresholds({ movePct: { "1h": 1 } });
  assert.deepEqual(t.movePct, { "1h": 1, "4h": 4, "24h": 6 });
  assert.equal(t.rsiPeriod, 14);
});

Deno.test("resolveThresholds refuses a fast MA that is not faster than the slow one", () => {
  assert.throws(() => resolveThresholds({ maFast: 50, maSlow: 50 }), RangeError);
});

Deno.test("resolveThresholds refuses non-integer periods and non-positive ratios", () => {
  assert.throws(() => resolveThresholds({ rsiPeriod: 1.5 }), /rsiPeriod.*1\.5/);
  assert.throws(() => resolveThresholds({ volumeSpikeRatio: 0 }), /volumeSpikeRatio/);
  assert.throws(() => resolveThresholds({ rsiLow: 80, rsiHigh: 70 }), RangeError);
});
