import assert from "node:assert/strict";
import type { Candle } from "../../core/vocabulary.ts";
import { createEchartsRenderer } from "./echarts.ts";
import { CHART_HEIGHT, CHART_WIDTH, type ChartSpec } from "./mod.ts";

const HOUR = 3_600_000;
const candles: Candle[] = Array.from({ length: 40 }, (_, i) => {
  const open = 100 + Math.sin(i / 3) * 5;
  const close = open + (i % 2 === 0 ? 1.5 : -1.5);
  return { openTime: Date.UTC(2025, 0, 27) + i * HOUR, open, close, high: 108, low: 92, volume: i };
});
const spec: ChartSpec = {
  title: "BTC/USDT · 1h",
  subtitle: "Closed below its lower Bollinger band: 93.10 vs 94.00",
  footer: "binance · last candle 28 Jan 2025 15:00 UTC",
  candles,
  overlays: [{ label: "lower band", values: candles.map((c) => c.low + 2), style: "band" }],
  levels: [{ label: "lower band 94.00", value: 94 }],
  highlight: 39,
  panel: { label: "RSI(14)", values: candles.map((_, i) => 30 + i), lines: [30], min: 0, max: 100 },
};

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Uint8Array): [number, number] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return [view.getUint32(16), view.getUint32(20)];
}

Deno.test("a chart renders to a 1200x675 PNG, and the same spec gives the same bytes", async () => {
  const renderer = createEchartsRenderer();
  const first = await renderer.render(spec);
  const again = await renderer.render(structuredClone(spec));
  assert.deepEqual([...first.png.slice(1, 4)], [0x50, 0x4e, 0x47], "a PNG signature");
  assert.deepEqual(pngSize(first.png), [CHART_WIDTH, CHART_HEIGHT]);
  assert.deepEqual([first.width, first.height], [CHART_WIDTH, CHART_HEIGHT]);
  assert.deepEqual(again.png, first.png);
  const moved = await renderer.render({ ...spec, subtitle: "Closed below: 93.20 vs 94.00" });
  assert.notDeepEqual(moved.png, first.png, "different text, different bytes");
});

Deno.test("a chart with no candles is refused with a clear error", async () => {
  await assert.rejects(
    createEchartsRenderer().render({ ...spec, candles: [] }),
    RangeError,
    "no candles",
  );
});
