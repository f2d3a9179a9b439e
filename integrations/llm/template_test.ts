import assert from "node:assert/strict";
import { partLimit, weightedLength } from "../publish/text_length.ts";
import type { DraftRequest } from "./mod.ts";
import type { Format, Platform } from "../../core/vocabulary.ts";
import { createTemplateWriter } from "./template.ts";

const DISCLAIMER = "Not financial advice. Do your own research.";
const PLATFORMS: Platform[] = ["x", "telegram", "discord"];
const FORMATS: Format[] = ["single", "thread", "channel_post", "chart_post"];
const OPEN = 1736506800000;

/** Facts with the keys and raw, unrounded values the Analysis detectors produce. */
const SAMPLES: Array<Pick<DraftRequest, "insightType" | "symbol" | "facts">> = [
  {
    insightType: "price_move",
    symbol: "BTC/USDT",
    facts: {
      window: "24h",
      windowHours: 24,
      changePct: 5.21023,
      fromClose: 94401.14,
      toClose: 99320,
      fromOpenTime: OPEN - 86_400_000,
      toOpenTime: OPEN,
      bars: 24,
      thresholdPct: 6,
      direction: "up",
    },
  },
  {
    insightType: "price_move",
    symbol: "PEPE/USDT",
    facts: {
      window: "4h",
      windowHours: 4,
      changePct: -12.0417,
      fromClose: 0.0000123456,
      toClose: 0.0000108591,
      fromOpenTime: OPEN - 14_400_000,
      toOpenTime: OPEN,
      bars: 16,
      thresholdPct: 4,
      direction: "down",
    },
  },
  {
    insightType: "volume_spike",
    symbol: "SOL/USDT",
    facts: {
      volume: 4_912_345_678,
      baselineMean: 1_380_400_000,
      ratio: 3.5587,
      baselineBars: 20,
      thresholdRatio: 3,
      close: 187.123,
      openTime: OPEN,
    },
  },
  {
    insightType: "rsi_extreme",
    symbol: "ETH/USDT",
    facts: {
      rsi: 81.4372,
      rsiPeriod: 14,
      threshold: 70,
      zone: "overbought",
      close: 3205.5512,
      openTime: OPEN,
    },
  },
  {
    insightType: "rsi_extreme",
    symbol: "1INCH/USDT",
    facts: {
      rsi: 22.019,
      rsiPeriod: 14,
      threshold: 30,
      zone: "oversold",
      close: 0.34567,
      openTime: OPEN,
    },
  },
  {
    insightType: "ma_cross",
    symbol: "BTC/USDT",
    facts: {
      cross: "golden",
      fastPeriod: 20,
      slowPeriod: 50,
      fast: 91234.567,
      slow: 91123.4,
      prevFast: 91010.1,
      prevSlow: 91100.9,
      gapPct: 0.12199,
      close: 94401.14,
      openTime: OPEN,
    },
  },
  {
    insightType: "ma_cross",
    symbol: "ADA/USDT",
    facts: {
      cross: "death",
      fastPeriod: 20,
      slowPeriod: 50,
      fast: 0.61234,
      slow: 0.6145,
      prevFast: 0.6161,
      prevSlow: 0.6149,
      gapPct: 0.35151,
      close: 0.5987,
      openTime: OPEN,
    },
  },
  {
    insightType: "bollinger_breakout",
    symbol: "BNB/USDT",
    facts: {
      side: "above",
      close: 712.34,
      upper: 705.1234,
      middle: 677.66,
      lower: 650.1966,
      sigmas: 2.5256,
      bbPeriod: 20,
      bbStdDev: 2,
      openTime: OPEN,
    },
  },
  {
    insightType: "bollinger_breakout",
    symbol: "DOGE/USDT",
    facts: {
      side: "below",
      close: 0.1412,
      upper: 0.1689,
      middle: 0.15695,
      lower: 0.14501,
      sigmas: -2.5649,
      bbPeriod: 20,
      bbStdDev: 2,
      openTime: OPEN,
    },
  },
  {
    insightType: "top_movers",
    symbol: null,
    facts: {
      windowHours: 24,
      symbolsCompared: 57,
      thresholdPct: 6,
      gainer1Symbol: "1INCH/USDT",
      gainer1ChangePct: 18.4521,
      gainer1FromClose: 0.3012,
      gainer1ToClose: 0.35678,
      gainer2Symbol: "SOL/USDT",
      gainer2ChangePct: 9.87,
      gainer2FromClose: 170.31,
      gainer2ToClose: 187.12,
      gainer3Symbol: "C98/USDT",
      gainer3ChangePct: 7.0049,
      gainer3FromClose: 0.1713,
      gainer3ToClose: 0.1833,
      loser1Symbol: "LUNA/USDT",
      loser1ChangePct: -14.333,
      loser1FromClose: 0.45,
      loser1ToClose: 0.3855,
      loser2Symbol: "APT/USDT",
      loser2ChangePct: -6.5,
      loser2FromClose: 9.2,
      loser2ToClose: 8.602,
    },
  },
  {
    insightType: "news_sentiment_shift",
    symbol: null,
    facts: {
      shift: 0.5801,
      direction: "up",
      recentMean: 0.4567,
      previousMean: -0.1234,
      recentCount: 37,
      previousCount: 29,
      windowHours: 24,
      threshold: 0.3,
    },
  },
  {
    insightType: "fear_greed",
    symbol: null,
    facts: {
      value: 72,
      classification: "Greed",
      at: OPEN,
      reason: "change",
      previousValue: 58,
      previousAt: OPEN - 86_400_000,
      change: 14,
    },
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

// The number guard lives in agents/, which integrations/ do not import: the
// guard-clean sweep over every format is agents/foundation/template_pipeline_test.ts.
Deno.test("every insight type fits every platform and format, threads numbered in 2-4 parts", async () => {
  const writer = createTemplateWriter();
  for (const sample of SAMPLES) {
    for (const platform of PLATFORMS) {
      for (const format of FORMATS) {
        const request = requestFor(sample, platform, format);
        const draft = await writer.write(request);
        const label = `${sample.insightType} ${platform} ${format}: ${JSON.stringify(draft.parts)}`;
        for (const part of draft.parts) {
          assert.ok(weightedLength(part, platform) <= request.maxLength, label);
        }
        assert.ok(draft.parts.at(-1)!.endsWith(DISCLAIMER), label);
        if (format === "thread") {
          assert.ok(draft.parts.length >= 2 && draft.parts.length <= 4, label);
          draft.parts.forEach((part, i) =>
            assert.ok(part.startsWith(`${i + 1}/${draft.parts.length} `), label)
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
      if (sample === SAMPLES[0]) assert.match(parts[0], /\+5\.2% in 24h/);
    }
  }
});

Deno.test("a price move states the change and both closes, in the quote currency", async () => {
  for (const [platform, format] of [["x", "single"], ["telegram", "channel_post"]] as const) {
    const { parts } = await createTemplateWriter().write(requestFor(SAMPLES[0], platform, format));
    assert.match(parts[0], /BTC\/USDT \+5\.2% in 24h: 94,401\.14 USDT → 99,320\.00 USDT/);
  }
});

Deno.test("top movers name every gainer and loser with its change", async () => {
  for (const format of ["single", "thread"] as const) {
    const { parts } = await createTemplateWriter().write(requestFor(SAMPLES[9], "x", format));
    const text = parts.join("\n");
    for (const mover of ["1INCH +18.5%", "SOL +9.9%", "C98 +7.0%", "LUNA -14.3%", "APT -6.5%"]) {
      assert.ok(text.includes(mover), `${mover} in ${text}`);
    }
  }
});

Deno.test("a channel post lists more numbers than an X post, one bullet a line", async () => {
  const writer = createTemplateWriter();
  const figures = (parts: string[]) => parts.join("\n").match(/\d[\d,.]*/g)?.length ?? 0;
  for (const sample of SAMPLES) {
    const x = await writer.write(requestFor(sample, "x", "single"));
    for (const platform of ["telegram", "discord"] as const) {
      const channel = await writer.write(requestFor(sample, platform, "channel_post"));
      assert.ok(figures(channel.parts) > figures(x.parts), channel.parts[0]);
      assert.ok(channel.parts[0].split("\n").filter((l) => l.startsWith("• ")).length >= 2);
    }
  }
  const { parts } = await writer.write(requestFor(SAMPLES[3], "discord", "channel_post"));
  assert.match(
    parts[0],
    /RSI\(14\) at 81\.4: overbought\n\n• Close: 3,205\.55 USDT\n• Overbought level: 70\n/,
  );
});

Deno.test("no draft shows a timestamp, as an epoch, a date or a time", async () => {
  const writer = createTemplateWriter();
  for (const sample of SAMPLES) {
    for (const platform of PLATFORMS) {
      for (const format of FORMATS) {
        const text = (await writer.write(requestFor(sample, platform, format))).parts.join("\n");
        assert.ok(!text.includes(String(OPEN).slice(0, 6)), text);
        assert.doesNotMatch(text, /2025|\d{1,2}:\d{2}/, text);
      }
    }
  }
});

Deno.test("an empty disclaimer is left out", async () => {
  const request = { ...requestFor(SAMPLES[11], "discord", "single"), disclaimer: "" };
  const { parts } = await createTemplateWriter().write(request);
  assert.doesNotMatch(parts[0], /advice/);
  assert.match(parts[0], /Fear & Greed Index: 72 \(Greed\)\n\n• Previous reading: 58, now up 14/);
});

Deno.test("a maxLength too small for the disclaimer is refused, not exceeded", async () => {
  const request = requestFor(SAMPLES[0], "x", "single", 30);
  await assert.rejects(createTemplateWriter().write(request), RangeError);
});
