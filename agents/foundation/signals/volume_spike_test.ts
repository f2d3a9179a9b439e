import assert from "node:assert/strict";
import { closed, near, only, thresholds } from "./_test_utils.ts";
import { detectVolumeSpike } from "./volume_spike.ts";

const closes = Array(21).fill(100);
const withLast = (volume: number) => [...Array(20).fill(100), volume];

Deno.test("a last candle with 5x the 20-bar mean volume is a spike", () => {
  const spike = only(detectVolumeSpike(closed(closes, { volumes: withLast(500) }), thresholds()));
  assert.equal(spike.type, "volume_spike");
  assert.equal(spike.headline, "BTC/USDT 1h volume 5.0x its 20-bar average");
  assert.equal(spike.facts.volume, 500);
  assert.equal(spike.facts.baselineMean, 100);
  assert.equal(spike.facts.ratio, 5);
  assert.ok(near(spike.importance, (0.5 * 5) / 3));
});

Deno.test("the latest candle is not part of its own baseline", () => {
  // Were it included, the mean would be (20 * 100 + 300) / 21 and 300 would fall short of 3x.
  const spike = only(detectVolumeSpike(closed(closes, { volumes: withLast(300) }), thresholds()));
  assert.equal(spike.facts.ratio, 3);
});

Deno.test("volume at 2.5x the mean is no spike", () => {
  assert.deepEqual(detectVolumeSpike(closed(closes, { volumes: withLast(250) }), thresholds()), []);
});

Deno.test("a spike on an earlier candle is not reported for the latest one", () => {
  const volumes = [...Array(19).fill(100), 900, 100];
  assert.deepEqual(detectVolumeSpike(closed(closes, { volumes }), thresholds()), []);
});

Deno.test("fewer candles than the baseline plus one yield nothing", () => {
  const volumes = [...Array(19).fill(100), 900];
  assert.deepEqual(detectVolumeSpike(closed(closes.slice(1), { volumes }), thresholds()), []);
});

Deno.test("a zero-volume baseline yields nothing rather than an infinite ratio", () => {
  const volumes = [...Array(20).fill(0), 10];
  assert.deepEqual(detectVolumeSpike(closed(closes, { volumes }), thresholds()), []);
});
