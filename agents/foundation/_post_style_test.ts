/**
 * Every style an experiment can ask for, on insights found in recorded
 * candles: the template writer and applyStyle give a draft that follows the
 * variant and still passes the truth guard on every platform.
 */
import assert from "node:assert/strict";
import type { Format, Platform, PostStyle } from "../../core/vocabulary.ts";
import { SHORT_POST_LENGTH } from "../../core/vocabulary.ts";
import { createTemplateWriter } from "../../integrations/llm/template.ts";
import { PLATFORM_LIMITS, weightedLength } from "../../integrations/publish/text_length.ts";
import { loadCandles } from "../../tests/fixtures/indicators/load.ts";
import { checkDraft, ensureDisclaimer } from "../guard/mod.ts";
import { applyStyle, styledLimit, styleProblems, writerLimit } from "./_post_style.ts";
import { detectInsights, type InsightCandidate } from "./signals/mod.ts";
import { brighteningNewsAndFear, HOUR } from "./signals/_test_utils.ts";

const DISCLAIMER = "Not financial advice.";
const LINK = "https://example.com/daily";
const EMOJI = /\p{Extended_Pictographic}/u;
const STYLES: PostStyle[] = [
  { opening: "question" },
  { opening: "headline" },
  { length: "short" },
  { length: "long" },
  { emoji: false },
  { emoji: true },
  { link: LINK },
  { link: null },
];
const COMBOS: Array<[Platform, Format]> = [
  ["x", "single"],
  ["x", "thread"],
  ["telegram", "channel_post"],
  ["discord", "channel_post"],
];

/** One candidate of each type the recordings give, plus the market-wide ones. */
function candidates(): InsightCandidate[] {
  const candles = loadCandles("BTCUSDT_1h_2025-01.csv");
  const byType = new Map<string, InsightCandidate>();
  for (let end = 50; end < candles.length; end += 3) {
    const now = candles[end].openTime + HOUR;
    const found = detectInsights({
      now,
      series: [{
        exchange: "binance",
        symbol: "BTC/USDT",
        timeframe: "1h",
        candles: candles.slice(0, end + 1),
      }],
      ...brighteningNewsAndFear(now),
    });
    for (const c of found) if (!byType.has(c.type)) byType.set(c.type, c);
  }
  return [...byType.values()];
}

Deno.test("every style variant is drafted clean by the template writer, and follows its variant", async () => {
  const writer = createTemplateWriter();
  const found = candidates();
  assert.ok(found.length >= 6, `types found: ${found.map((c) => c.type).join(", ")}`);
  for (const c of found) {
    for (const [platform, format] of COMBOS) {
      for (const style of STYLES) {
        const limit = PLATFORM_LIMITS[platform];
        const draft = await writer.write({
          insightType: c.type,
          symbol: c.symbol,
          headline: c.headline,
          facts: c.facts,
          platform,
          format,
          maxLength: writerLimit(limit, style, platform),
          disclaimer: DISCLAIMER,
          style: { opening: style.opening, length: style.length },
        });
        const parts = applyStyle(
          ensureDisclaimer(draft.parts, DISCLAIMER, platform),
          style,
          DISCLAIMER,
        );
        const label = `${c.type} ${platform} ${format} ${JSON.stringify(style)}:\n${
          parts.join("\n---\n")
        }`;
        const verdict = checkDraft(parts, {
          platform,
          insight: c,
          disclaimer: DISCLAIMER,
          linkAllowlist: ["example.com"],
          maxLength: styledLimit(limit, style),
        });
        assert.equal(verdict.reason, null, label);
        assert.deepEqual(styleProblems(parts, style), [], label);
        const text = parts.join("\n");
        if (style.opening === "question") {
          assert.match(parts[0].replace(/^\d\/\d /, "").split("\n")[0], /\?$/, label);
        }
        if (style.length === "short") {
          assert.ok(parts.every((p) => weightedLength(p, platform) <= SHORT_POST_LENGTH), label);
        }
        if (style.emoji === false) assert.doesNotMatch(text, EMOJI, label);
        if (style.emoji === true) assert.match(text, EMOJI, label);
        if (style.link) {
          assert.ok(parts.at(-1)!.endsWith(`${LINK}\n\n${DISCLAIMER}`), label);
        }
      }
    }
  }
});

Deno.test("a short variant is shorter than a long one of the same insight", async () => {
  const writer = createTemplateWriter();
  for (const c of candidates()) {
    const length = async (style: PostStyle) => {
      const draft = await writer.write({
        insightType: c.type,
        symbol: c.symbol,
        headline: c.headline,
        facts: c.facts,
        platform: "telegram",
        format: "channel_post",
        maxLength: writerLimit(PLATFORM_LIMITS.telegram, style, "telegram"),
        disclaimer: DISCLAIMER,
        style: { length: style.length },
      });
      return draft.parts.join("").length;
    };
    assert.ok(await length({ length: "short" }) < await length({ length: "long" }), c.type);
  }
});

Deno.test("a draft that ignores its variant is named for it", () => {
  assert.deepEqual(styleProblems(["BTC up 5%\n\nNot financial advice."], { opening: "question" }), [
    "the variant opens with a question, and the first line is not one",
  ]);
  assert.deepEqual(
    styleProblems(["2/3 See https://example.com now"], { link: null }),
    ["the variant posts no link, and the draft has one"],
  );
  // Emoji come out with their modifiers and joiners, and leave no double spaces.
  assert.deepEqual(applyStyle(["📈 BTC 👍🏽 up\n1/2 🧑‍💻 done ✅"], { emoji: false }, ""), [
    "BTC up\n1/2 done",
  ]);
  assert.deepEqual(applyStyle(["1/2 BTC up", "2/2 more"], { emoji: true }, ""), [
    "1/2 📊 BTC up",
    "2/2 more",
  ]);
});
