import assert from "node:assert/strict";
import { chartOption, DOWN, timeLabel, UP } from "./_echarts_option.ts";

const candle = (i: number, open: number, close: number) => ({
  openTime: Date.UTC(2025, 0, 27, i),
  open,
  close,
  high: Math.max(open, close) + 1,
  low: Math.min(open, close) - 1,
  volume: 10,
});

Deno.test("candles are green when they close up and red when down, unlike ECharts' default", () => {
  const spec = {
    title: "t",
    subtitle: "s",
    footer: "f",
    candles: [candle(0, 10, 12), candle(1, 12, 11)],
    overlays: [],
    levels: [],
    highlight: 1,
  };
  const option = chartOption(spec, 675);
  const price = option.series[0] as { data: number[][]; itemStyle: Record<string, string> };
  assert.deepEqual(price.itemStyle, {
    color: UP,
    color0: DOWN,
    borderColor: UP,
    borderColor0: DOWN,
  });
  assert.deepEqual(price.data[0], [10, 12, 9, 13], "[open, close, low, high]");
  const volume = option.series.at(-1) as { data: { itemStyle: { color: string } }[] };
  assert.equal(volume.data[0].itemStyle.color, UP);
  assert.notEqual(volume.data[1].itemStyle.color, DOWN, "the highlighted bar stands out");
  assert.equal(option.grid.length, 2, "price and volume, no oscillator panel");
});

Deno.test("axis times are UTC and read at a glance", () => {
  assert.equal(timeLabel(Date.UTC(2025, 0, 27, 14, 5)), "27 Jan 14:05");
});
