import assert from "node:assert/strict";
import { checkDraft, partLimit, weightedLength } from "../../agents/foundation/content_guards.ts";
import type { DraftRequest, Format, Platform } from "./mod.ts";
import { createTemplateWriter } from "./template.ts";

const DISCLAIMER = "Not financial advice. Do your own research.";
const PLATFORMS: Platform[] = ["x", "telegram", "discord"];
const FORMATS: Format[] = ["single", "thread", "channel_post", "chart_post"];

/** Facts as the Analysis agent produces them: raw, unrounded numbers. */
const SAMPLES: Array<Pick<DraftRequest, "insightType" | "symbol" | "facts">> = [
  {
    insightType: "price_move",
    symbol: "BTC/USDT",
    facts: {
      symbol: "BTC/USDT",
      window: "24h",
      change_pct: 5.23871,
      price_from: 89700.5,
      price_to: 94401.14,
    },
  },
  {
    insightType: "price_move",
    symbol: "PEPE/USDT",
    facts: {
      symbol: "PEPE/USDT",
      window: "4h",
      change_pct: -12.0417,
      price_from: 0.0000123456,
      price_to: 0.0000108591,
    },
  },
  {
    insightType: "volume_spike",
    symbol: "SOL/USDT",
    facts: { volume: 4_912_345_678, baseline_volume: 1_380_400_000, ratio: 3.5587, window: "1h" },
  },
  {
    insightType: "rsi_extreme",
    symbol: "ETH/USDT",
    facts: { rsi: 81.4372, period: 14, timeframe: "4h", price: 3205.5512 },
  },
  {
    insightType: "rsi_extreme",
    symbol: "XRP/USDT",
    facts: { rsi: 22.019, period: 14, timeframe: "1d", price: 2.34567 },
  },
  {
    insightType: "ma_cross",
    symbol: "BTC/USDT",
    facts: {
      fast_period: 50,
      slow_period: 200,
      fast_ma: 91234.567,
      slow_ma: 90123.4,
      direction: "golden",
      price: 94401.14,
    },
  },
  {
    insightType: "ma_cross",
    symbol: "ADA/USDT",
    facts: {
      fast_period: 20,
      slow_period: 50,
      fast_ma: 0.61234,
      slow_ma: 0.6345,
      direction: "death",
      price: 0.5987,
    },
  },
  {
    insightType: "bollinger_breakout",
    symbol: "BNB/USDT",
    facts: { price: 712.34, upper: 705.1234, lower: 650.2, middle: 677.66, side: "above" },
  },
  {
    insightType: "bollinger_breakout",
    symbol: "DOGE/USDT",
    facts: { price: 0.1412, upper: 0.1689, lower: 0.14501, middle: 0.15695, side: "below" },
  },
  {
    insightType: "top_movers",
    symbol: null,
    facts: {
      gainer_1_symbol: "1INCH/USDT",
      gainer_1_change_pct: 18.4521,
      gainer_2_symbol: "SOL/USDT",
      gainer_2_change_pct: 9.87,
      gainer_3_symbol: "C98/USDT",
      gainer_3_change_pct: 7.0049,
      loser_1_symbol: "LUNA/USDT",
      loser_1_change_pct: -14.333,
      loser_2_symbol: "APT/USDT",
      loser_2_change_pct: -6.5,
    },
  },
  {
    insightType: "news_sentiment_shift",
    symbol: "BTC/USDT",
    facts: {
      sentiment_now: 0.4567,
      sentiment_before: -0.1234,
      articles: 37,
      top_headline:
        "Spot bitcoin ETFs log $1.2 billion of inflows in a single week, the most since March",
    },
  },
  {
    insightType: "fear_greed",
    symbol: null,
    facts: { value: 72, classification: "Greed", previous_value: 65 },
  },
];

function requestFor(
  sample: (typeof SAMPLES)[number],
  platform: Platform,
  format: Format,
  maxLength = partLimit(platform, format),
): DraftRequest {
  return { ...sample, headline: "internal", platform, format, maxLength, disclaimer: DISCLAIMER };
}

Deno.test("every insight type drafts a guard-clean post for every platform and format", async () => {
  const writer = createTemplateWriter();
  for (const sample of SAMPLES) {
    for (const platform of PLATFORMS) {
      for (const format of FORMATS) {
        const request = requestFor(sample, platform, format);
        const draft = await writer.write(request);
        const label = `${sample.insightType} ${platform} ${format}: ${JSON.stringify(draft.parts)}`;
        const verdict = checkDraft(draft.parts, {
          platform,
          facts: request.facts,
          disclaimer: DISCLAIMER,
          linkAllowlist: [],
          maxLength: request.maxLength,
          allowedText: request.symbol ? [request.symbol] : [],
        });
        assert.deepEqual(verdict, { ok: true }, label);
        if (format === "thread") {
          assert.ok(draft.parts.length >= 2 && draft.parts.length <= 4, label);
          draft.parts.forEach((part, i) =>
            assert.ok(part.startsWith(`${i + 1}/${draft.parts.length} `))
          );
        } else {
          assert.equal(draft.parts.length, 1, label);
        }
        assert.equal(draft.writer, "template");
      }
    }
  }
});

Deno.test("the template writer gives the same draft for the same request", async () => {
  const writer = createTemplateWriter();
  const request = requestFor(SAMPLES[0], "x", "thread");
  assert.deepEqual(await writer.write(request), await writer.write(request));
});

Deno.test("a tight maxLength drops detail but keeps the headline's facts and the disclaimer", async () => {
  const writer = createTemplateWriter();
  for (const sample of SAMPLES) {
    for (const format of FORMATS) {
      const request = requestFor(sample, "x", format, 120);
      const { parts } = await writer.write(request);
      for (const part of parts) assert.ok(weightedLength(part, "x") <= 120, part);
      assert.ok(parts.at(-1)!.endsWith(DISCLAIMER));
    }
  }
});

Deno.test("a price move reads with the shared number formats", async () => {
  const { parts } = await createTemplateWriter().write(
    requestFor(SAMPLES[0], "telegram", "single"),
  );
  assert.match(parts[0], /BTC is up 5\.2% in 24h/);
  assert.match(parts[0], /89,700\.50 → 94,401\.14/);
});

Deno.test("an empty disclaimer is left out", async () => {
  const request = { ...requestFor(SAMPLES[11], "discord", "single"), disclaimer: "" };
  const { parts } = await createTemplateWriter().write(request);
  assert.doesNotMatch(parts[0], /advice/);
  assert.match(parts[0], /Fear & Greed Index: 72 \(Greed\)/);
});

Deno.test("a maxLength too small for the disclaimer is refused, not exceeded", async () => {
  const request = requestFor(SAMPLES[0], "x", "single", 30);
  await assert.rejects(createTemplateWriter().write(request), RangeError);
});
