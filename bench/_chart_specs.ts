/**
 * Real chart specs for the chart benchmarks: the insights the detectors find in the recorded
 * BTC/USDT sell-off (27 January 2025, 01:00 and 11:00 UTC), each planned as ImageGeneration
 * plans it.
 */
import { planChart, VISIBLE_CANDLES, WARMUP_CANDLES } from "../agents/audience/_chart_spec.ts";
import { detectInsights } from "../agents/foundation/signals/mod.ts";
import type { ChartSpec } from "../integrations/charts/mod.ts";
import { createSampleExchange } from "../integrations/exchange/sample.ts";

const MOMENTS = ["2025-01-27T01:00:00Z", "2025-01-27T11:00:00Z"].map(Date.parse);

export async function sampleSpecs(): Promise<ChartSpec[]> {
  const specs: ChartSpec[] = [];
  for (const now of MOMENTS) {
    const exchange = createSampleExchange({ now });
    const candles = await exchange.candles("BTC/USDT", "1h", 500);
    const series = [{ exchange: "sample", symbol: "BTC/USDT", timeframe: "1h", candles }];
    for (const found of detectInsights({ now, series, news: [], fearGreed: [] })) {
      const insight = { ...found, id: specs.length + 1, createdAt: now };
      const history = candles.slice(-(VISIBLE_CANDLES + WARMUP_CANDLES));
      const plan = planChart(insight, history);
      if (!("skip" in plan)) specs.push(plan.spec);
    }
  }
  if (specs.length === 0) throw new Error("The sample gave no chartable insight");
  return specs;
}
