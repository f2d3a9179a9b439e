/**
 * The chart adapter: Apache ECharts renders the chart to SVG on the server,
 * resvg (WebAssembly) turns it into a PNG with the bundled DejaVu Sans. No
 * browser, no system fonts, no network, no native code; the same spec gives
 * the same bytes. The PNG itself is written by _png.ts (node:zlib), faster
 * than resvg's encoder.
 */
import { createRequire } from "node:module";
import { chartOption } from "./_echarts_option.ts";
import { encodePng } from "./_png.ts";
import { CHART_HEIGHT, CHART_WIDTH, type ChartRenderer, type ChartSpec } from "./mod.ts";

type Echarts = typeof import("echarts");
type Resvg = typeof import("@resvg/resvg-wasm");

interface Engine {
  echarts: Echarts;
  resvg: Resvg;
  font: Uint8Array;
}

let engine: Promise<Engine> | undefined;

/** The WebAssembly module may be initialised once per process, so the engine is shared. */
function loadEngine(): Promise<Engine> {
  return engine ??= (async () => {
    const require = createRequire(import.meta.url);
    const [echarts, resvg, wasm, font] = await Promise.all([
      import("echarts"),
      import("@resvg/resvg-wasm"),
      Deno.readFile(require.resolve("@resvg/resvg-wasm/index_bg.wasm")),
      // DejaVu fonts: Bitstream Vera licence (free to use and redistribute), see the package.
      Deno.readFile(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf")),
    ]);
    await resvg.initWasm(wasm);
    return { echarts, resvg, font };
  })();
}

/** Renders charts at 1200x675; the first call loads the engine (a few hundred ms). */
export function createEchartsRenderer(): ChartRenderer {
  return {
    async render(spec) {
      const { echarts, resvg, font } = await loadEngine();
      const svg = renderSvg(echarts, spec);
      const image = new resvg.Resvg(svg, {
        font: { fontBuffers: [font], defaultFontFamily: "DejaVu Sans", loadSystemFonts: false },
      });
      try {
        const rendered = image.render();
        // The chart's background is opaque, so resvg's premultiplied pixels are plain RGBA.
        const { width, height } = rendered;
        const png = encodePng(rendered.pixels, width, height);
        rendered.free();
        return { png, width, height };
      } finally {
        image.free();
      }
    },
  };
}

function renderSvg(echarts: Echarts, spec: ChartSpec): string {
  if (spec.candles.length === 0) throw new RangeError("Cannot draw a chart with no candles");
  const chart = echarts.init(null, null, {
    renderer: "svg",
    ssr: true,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
  });
  try {
    chart.setOption(chartOption(spec, CHART_HEIGHT));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
