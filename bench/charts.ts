/**
 * Benchmark 11: charts to PNG. Render time per 1200x675 chart after warm-up (p50 and p95)
 * against the floor of rasterising a blank canvas of that size with the same font, and the
 * peak memory of a process rendering 100 charts against the same process before it loaded
 * the engine.
 */
import process from "node:process";
import { CHART_HEIGHT, CHART_WIDTH } from "../integrations/charts/mod.ts";
import { createEchartsRenderer } from "../integrations/charts/echarts.ts";
import { encodePng } from "../integrations/charts/_png.ts";
import { type BenchResult, median, ms, progress, ratio, verdict } from "./_table.ts";
import { sampleSpecs } from "./_chart_specs.ts";

const WARM_UP = 5;
const TIMED = 60;
const TARGET_P50_MS = 150;
const MEMORY_CHARTS = 100;

export async function benchCharts(): Promise<BenchResult> {
  const specs = await sampleSpecs();
  const renderer = createEchartsRenderer();
  progress(`charts: ${WARM_UP} warm-up renders, then ${TIMED} timed (${specs.length} real specs)`);
  for (let i = 0; i < WARM_UP; i++) await renderer.render(specs[i % specs.length]);
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < TIMED; i++) {
    const start = performance.now();
    const used = process.cpuUsage();
    await renderer.render(specs[i % specs.length]);
    times.push(performance.now() - start);
    const spent = process.cpuUsage(used);
    cpu.push((spent.user + spent.system) / 1000);
  }
  const floor = median(await blankRenders());
  const p50 = median(times);
  const p95 = percentile(times, 0.95);
  progress(`charts: ${MEMORY_CHARTS} charts in a fresh process for peak memory`);
  const memory = await peakMemory();
  const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
  return {
    rows: [
      {
        benchmark: "11. chart PNG 1200x675, p50",
        measured: ms(p50),
        baseline: `${ms(floor)} (blank canvas)`,
        ratio: ratio(p50 / floor),
        target: `<= ${TARGET_P50_MS} ms`,
        verdict: verdict(p50 <= TARGET_P50_MS),
      },
      {
        benchmark: "11. chart PNG 1200x675, p95",
        measured: ms(p95),
        baseline: `${ms(floor)} (blank canvas)`,
        ratio: ratio(p95 / floor),
        target: "-",
        verdict: "-",
      },
      {
        benchmark: "11. chart PNG 1200x675, CPU p50",
        measured: ms(median(cpu)),
        baseline: `${ms(floor)} (blank canvas, wall)`,
        ratio: ratio(median(cpu) / floor),
        target: "-",
        verdict: "-",
      },
      {
        benchmark: `11. peak RSS, ${MEMORY_CHARTS} charts`,
        measured: mb(memory.peakRss),
        baseline: `${mb(memory.bareRss)} (same process, engine not loaded)`,
        ratio: ratio(memory.peakRss / memory.bareRss),
        target: "-",
        verdict: "-",
      },
    ],
    notes: [
      `11. bench/charts.ts: ${specs.length} real chart specs (the insights of the recorded ` +
      `27 January 2025 sell-off, as ImageGeneration plans them) rendered in turn: ECharts SSR ` +
      `to SVG, then resvg-wasm to PNG with DejaVu Sans. ${WARM_UP} warm-up renders, then ` +
      `${TIMED} timed; wall time, and the CPU time the process spent on each (on a shared ` +
      `machine the two differ by the time other work held the cores). Baseline: resvg rasterising a blank ${CHART_WIDTH}x${CHART_HEIGHT} SVG ` +
      `with one line of text, the same font and the same PNG encoder: the cost of any PNG of that ` +
      `size. Memory: a ` +
      `child process renders ${MEMORY_CHARTS} charts and reports its RSS before loading the ` +
      `engine, after the first chart (${mb(memory.loadedRss)}) and at its peak.`,
    ],
  };
}

function percentile(values: readonly number[], p: number): number {
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

/** resvg alone on a blank canvas of the chart's size: the floor under every chart. */
async function blankRenders(): Promise<number[]> {
  const { createRequire } = await import("node:module");
  const require = createRequire(import.meta.url);
  const { Resvg } = await import("@resvg/resvg-wasm"); // initialised by the renderer above
  const font = await Deno.readFile(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"));
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" ` +
    `height="${CHART_HEIGHT}"><rect width="100%" height="100%" fill="#fff"/>` +
    `<text x="24" y="40" font-family="DejaVu Sans" font-size="26">BTC/USDT</text></svg>`;
  const times: number[] = [];
  for (let i = 0; i < WARM_UP + TIMED; i++) {
    const start = performance.now();
    const image = new Resvg(svg, {
      font: { fontBuffers: [font], defaultFontFamily: "DejaVu Sans", loadSystemFonts: false },
    });
    const rendered = image.render();
    encodePng(rendered.pixels, rendered.width, rendered.height);
    rendered.free();
    image.free();
    if (i >= WARM_UP) times.push(performance.now() - start);
  }
  return times;
}

async function peakMemory() {
  const child = new URL("./_chart_memory_child.ts", import.meta.url);
  const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", child.pathname, String(MEMORY_CHARTS)],
    stdout: "piped",
    stderr: "piped",
  }).output();
  if (code !== 0) throw new Error(new TextDecoder().decode(stderr).trim().split("\n")[0]);
  return JSON.parse(new TextDecoder().decode(stdout)) as {
    bareRss: number;
    loadedRss: number;
    peakRss: number;
  };
}
