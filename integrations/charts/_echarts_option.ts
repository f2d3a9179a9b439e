/**
 * A ChartSpec as an Apache ECharts option: candles over volume (and an
 * oscillator panel when there is one), in western colours. Pure data, no I/O.
 */
import type { ChartSpec } from "./mod.ts";

/** Green up, red down: ECharts' defaults are the other way round (the Asian convention). */
export const UP = "#16a34a";
export const DOWN = "#dc2626";
const HIGHLIGHT = "#f59e0b";
const MUTED = "#6b7280";
const FONT = "DejaVu Sans";
const OVERLAY_COLOURS = ["#2563eb", "#9333ea", "#0891b2"];

/** Vertical layout in pixels: [top, height] per grid, with or without a panel. */
function layout(height: number, panel: boolean) {
  const top = 96, bottom = 56, gap = 18;
  const free = height - top - bottom;
  const volume = Math.round(free * (panel ? 0.16 : 0.22));
  const osc = panel ? Math.round(free * 0.22) : 0;
  const price = free - volume - osc - gap * (panel ? 2 : 1);
  return {
    price: [top, price],
    volume: [top + price + gap, volume],
    panel: [top + price + gap + volume + gap, osc],
  };
}

export function chartOption(spec: ChartSpec, height: number) {
  const { candles } = spec;
  const times = candles.map((c) => timeLabel(c.openTime));
  const box = layout(height, !!spec.panel);
  const grids = [box.price, box.volume, ...(spec.panel ? [box.panel] : [])];
  const axis = (gridIndex: number) => ({
    type: "category" as const,
    data: times,
    gridIndex,
    boundaryGap: true,
    axisLabel: { show: gridIndex === grids.length - 1, color: MUTED, fontSize: 12 },
    axisTick: { show: false },
    axisLine: { lineStyle: { color: "#d1d5db" } },
  });
  return {
    animation: false,
    backgroundColor: "#ffffff",
    textStyle: { fontFamily: FONT },
    title: {
      text: spec.title,
      subtext: spec.subtitle,
      left: 24,
      top: 16,
      textStyle: { fontSize: 26, fontWeight: "bold", color: "#111827", fontFamily: FONT },
      subtextStyle: { fontSize: 17, color: "#374151", fontFamily: FONT },
    },
    graphic: [{
      type: "text",
      left: 24,
      bottom: 14,
      style: { text: spec.footer, fill: MUTED, fontSize: 13, fontFamily: FONT },
    }],
    legend: legend(spec),
    grid: grids.map(([top, h]) => ({ left: 56, right: 96, top, height: h, containLabel: false })),
    xAxis: grids.map((_, i) => axis(i)),
    yAxis: grids.map((_, i) => ({
      gridIndex: i,
      position: "right" as const,
      scale: i === 0,
      splitNumber: i === 0 ? 5 : 2,
      axisLabel: { color: MUTED, fontSize: 12 },
      splitLine: { lineStyle: { color: "#f1f5f9" } },
      ...(i === 2 && spec.panel ? { min: spec.panel.min, max: spec.panel.max } : {}),
    })),
    series: [
      priceSeries(spec),
      ...spec.overlays.map((o, i) => ({
        type: "line" as const,
        name: o.label,
        data: o.values,
        showSymbol: false,
        connectNulls: false,
        lineStyle: {
          width: 2,
          type: o.style === "band" ? "dashed" as const : "solid" as const,
          color: OVERLAY_COLOURS[i % OVERLAY_COLOURS.length],
        },
        itemStyle: { color: OVERLAY_COLOURS[i % OVERLAY_COLOURS.length] },
      })),
      volumeSeries(spec),
      ...(spec.panel ? [panelSeries(spec.panel)] : []),
    ],
  };
}

function priceSeries(spec: ChartSpec) {
  const marks = [
    ...spec.levels.map((level) => ({
      yAxis: level.value,
      label: {
        formatter: level.label,
        position: "insideStartTop",
        color: "#111827",
        backgroundColor: "#ffffffd9",
        padding: [2, 4],
      },
      lineStyle: { color: HIGHLIGHT, type: "solid", width: 2 },
    })),
    ...(spec.highlight === undefined ? [] : [{
      xAxis: spec.highlight,
      label: { show: false },
      lineStyle: { color: HIGHLIGHT, type: "dashed", width: 1 },
    }]),
  ];
  return {
    type: "candlestick" as const,
    name: "price",
    // ECharts reads each candle as [open, close, low, high].
    data: spec.candles.map((c) => [c.open, c.close, c.low, c.high]),
    itemStyle: { color: UP, color0: DOWN, borderColor: UP, borderColor0: DOWN },
    markLine: marks.length ? { symbol: "none", silent: true, data: marks } : undefined,
  };
}

function volumeSeries(spec: ChartSpec) {
  return {
    type: "bar" as const,
    name: "volume",
    xAxisIndex: 1,
    yAxisIndex: 1,
    data: spec.candles.map((c, i) => ({
      value: c.volume,
      itemStyle: {
        color: i === spec.highlight ? HIGHLIGHT : c.close >= c.open ? UP : DOWN,
        opacity: i === spec.highlight ? 1 : 0.55,
      },
    })),
  };
}

function panelSeries(panel: NonNullable<ChartSpec["panel"]>) {
  return {
    type: "line" as const,
    name: panel.label,
    xAxisIndex: 2,
    yAxisIndex: 2,
    data: panel.values,
    showSymbol: false,
    lineStyle: { width: 2, color: "#7c3aed" },
    itemStyle: { color: "#7c3aed" },
    markLine: {
      symbol: "none",
      silent: true,
      label: { show: true, position: "insideEndTop", color: MUTED },
      lineStyle: { color: MUTED, type: "dashed" },
      data: panel.lines.map((value) => ({ yAxis: value })),
    },
  };
}

function legend(spec: ChartSpec) {
  const names = [...spec.overlays.map((o) => o.label), ...(spec.panel ? [spec.panel.label] : [])];
  if (names.length === 0) return undefined;
  return {
    data: names,
    right: 96,
    top: 24,
    itemGap: 24,
    textStyle: { fontSize: 14, color: "#374151", fontFamily: FONT },
  };
}

const MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(" ");

/** "27 Jan 14:00" in UTC: what the axis shows under each candle. */
export function timeLabel(ms: number): string {
  const d = new Date(ms);
  const hh = String(d.getUTCHours()).padStart(2, "0");
  const mm = String(d.getUTCMinutes()).padStart(2, "0");
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${hh}:${mm}`;
}
