/**
 * Run as its own process by bench/charts.ts: renders CHARTS charts and prints, as JSON, the
 * resident set size before the engine was loaded, after it was, and at its peak.
 */
import { createEchartsRenderer } from "../integrations/charts/echarts.ts";
import { sampleSpecs } from "./_chart_specs.ts";

const CHARTS = Number(Deno.args[0] ?? 100);
const bareRss = Deno.memoryUsage().rss;
const specs = await sampleSpecs();
const renderer = createEchartsRenderer();
await renderer.render(specs[0]);
const loadedRss = Deno.memoryUsage().rss;
let peakRss = loadedRss;
for (let i = 0; i < CHARTS; i++) {
  await renderer.render(specs[i % specs.length]);
  peakRss = Math.max(peakRss, Deno.memoryUsage().rss);
}
console.log(JSON.stringify({ bareRss, loadedRss, peakRss, charts: CHARTS }));
