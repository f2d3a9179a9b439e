import type { Agent } from "../../core/agent.ts";
import { FUTURE_SKEW_MS } from "../../core/clock.ts";
import { isFearGreedClass } from "../../core/vocabulary.ts";
import { detectInsights } from "./signals/mod.ts";

/** Enough history for the slowest indicator (SMA 50) plus a 24h look-back on 15m bars. */
const CANDLES_PER_SERIES = 300;
const TWO_DAYS = 48 * 3600_000;

/**
 * Turns what is stored into insights. Each insight carries every number it
 * rests on and a key derived from its data, so analysing the same data twice
 * stores nothing new.
 */
export const analysis: Agent = {
  name: "analysis",
  phase: "foundation",
  description:
    "Finds insights: moves, volume spikes, RSI extremes, MA crosses, breakouts, sentiment shifts.",
  async run(ctx) {
    const { store, clock } = ctx;
    const now = clock.now();
    const keys = await store.marketData.seriesKeys();
    const series = [];
    let read = 0;
    for (const key of keys) {
      // A candle from the future (stored before intake refused them) is no data.
      const candles = (await store.marketData.candles(key, CANDLES_PER_SERIES))
        .filter((c) => c.openTime <= now + FUTURE_SKEW_MS);
      read += candles.length;
      series.push({ ...key, candles });
    }
    const news = await store.news.sentimentSince(now - TWO_DAYS);
    // A label outside the index's five (stored before intake checked them) never reaches a post.
    const fearGreed = (await store.sentiment.latest("alternative.me", "fear_greed", 2))
      .filter((p) => isFearGreedClass(p.label))
      .map((p) => ({ value: p.value, classification: p.label ?? "", at: p.at }));
    read += news.length + fearGreed.length;

    const candidates = detectInsights({ now, series, news, fearGreed });
    const written = await store.insights.add(candidates, now);
    ctx.log.info(`${candidates.length} insights found, ${written} new`);
    return {
      read,
      written,
      summary: `${keys.length} series, ${candidates.length} insights found, ${written} new`,
      details: { top: candidates.slice(0, 5).map((c) => c.headline) },
    };
  },
};
