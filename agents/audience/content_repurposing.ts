import type { Agent, Context } from "../../core/agent.ts";
import type { Format, Platform } from "../../core/vocabulary.ts";
import type { Writer } from "../../integrations/llm/mod.ts";
import { PLATFORM_LIMITS } from "../../integrations/publish/text_length.ts";
import type { Insight } from "../../storage/insights.ts";
import type { Variant } from "../../storage/variants.ts";
import { checkDraft } from "../guard/mod.ts";
import { chooseFormat } from "../foundation/content_strategist.ts";
import { CHART_TYPES } from "../../storage/images.ts";
import { EMBED_LIMITS, embedText, htmlText } from "../../integrations/publish/formatting.ts";
import { discordEmbed, embedProblems, similarity, telegramHtml } from "./_formats.ts";
import { recaps } from "./_recap.ts";

const HOUR = 3_600_000;
const BATCH = 20;
/** Two platforms' texts may share at most this share of their word trigrams. */
export const MAX_SIMILARITY = 0.5;
const BLURPLE = 0x5865f2;

/**
 * Turns each fresh insight into every format: an X post or thread (plain text), a Telegram
 * post (HTML), a Discord embed, and the day's and week's recaps. Every format passes the same
 * guards as drafts (numbers from the facts above all), and no two platforms read alike
 * beyond MAX_SIMILARITY. The template writer supplies the wording, so the same insight gives
 * the same formats and a re-run adds nothing.
 */
export const contentRepurposing: Agent = {
  name: "content-repurposing",
  phase: "audience",
  description: "Turns one insight into many formats.",
  async run(ctx) {
    const now = ctx.clock.now();
    const insights = await ctx.store.variants.unrepurposed(now - 24 * HOUR, BATCH);
    const writer = await ctx.integrations.templateWriter();
    let written = 0, rejected = 0;
    for (const insight of insights) {
      if (ctx.signal.aborted) break;
      const made = await formatsOf(ctx, writer, insight);
      rejected += made.filter((v) => v.status === "rejected").length;
      written += await ctx.store.variants.add(made, now);
    }
    const recapped = await ctx.store.variants.add(await recaps(ctx, now), now, { replace: true });
    return {
      read: insights.length,
      written: written + recapped,
      summary: `${insights.length} insights in every format (${written} variants, ` +
        `${rejected} rejected), ${recapped} recaps written`,
    };
  },
};

async function formatsOf(ctx: Context, writer: Writer, insight: Insight): Promise<Variant[]> {
  const { disclaimer, linkAllowlist, approximationPct } = ctx.config.content;
  const write = async (platform: Platform, format: Format) =>
    (await writer.write({
      insightType: insight.type,
      symbol: insight.symbol,
      headline: insight.headline,
      facts: insight.facts,
      platform,
      format,
      maxLength: PLATFORM_LIMITS[platform],
      disclaimer,
    })).parts;
  const xFormat = chooseFormat(insight, "x");
  const x = await write("x", xFormat);
  const telegram = telegramHtml(
    insight.headline,
    (await write("telegram", "channel_post")).join("\n\n"),
    disclaimer,
  );
  const chart = (CHART_TYPES as readonly string[]).includes(insight.type) && !!insight.symbol;
  const embed = discordEmbed(
    `${insight.symbol ?? "Market"}${insight.timeframe ? ` ${insight.timeframe}` : ""}: ` +
      insight.type.replaceAll("_", " "),
    (await write("discord", "channel_post")).join("\n\n"),
    disclaimer,
    chart,
    BLURPLE,
  );
  const guard = (parts: string[], platform: Platform, maxLength?: number) =>
    checkDraft(parts, {
      platform,
      insight,
      disclaimer,
      linkAllowlist,
      approximationPct,
      // The title names the timeframe ("1h"): a label, not a figure.
      allowedText: [insight.headline, `${insight.symbol ?? ""} ${insight.timeframe ?? ""}`],
      maxLength,
    });
  const texts = { x: x.join("\n\n"), telegram: htmlText(telegram), discord: embedText(embed) };
  const verdicts = {
    x: guard(x, "x"),
    telegram: guard([texts.telegram], "telegram"),
    discord: withProblems(
      guard([texts.discord], "discord", EMBED_LIMITS.total),
      embedProblems(embed),
    ),
  };
  const alike = tooAlike(texts);
  const subject = `insight:${insight.id}`;
  const variant = (format: Variant["format"], body: string, platform: Platform): Variant => {
    const verdict = verdicts[platform];
    const reason = [verdict.ok ? "" : verdict.reason, alike[platform] ?? ""].filter(Boolean)
      .join("; ");
    return {
      subject,
      insightId: insight.id,
      format,
      body,
      status: reason ? "rejected" : "accepted",
      reason: reason || null,
    };
  };
  return [
    variant(xFormat === "thread" ? "x_thread" : "x_single", JSON.stringify(x), "x"),
    variant("telegram_html", telegram, "telegram"),
    variant("discord_embed", JSON.stringify(embed), "discord"),
  ];
}

type Verdict = ReturnType<typeof checkDraft>;

function withProblems(verdict: Verdict, problems: string[]): Verdict {
  if (problems.length === 0) return verdict;
  const all = [...verdict.problems, ...problems];
  return { ...verdict, ok: false, reason: all.join("; "), problems: all };
}

/** The later platform of any pair that reads too much alike, with the reason. */
function tooAlike(texts: Record<Platform, string>): Partial<Record<Platform, string>> {
  const out: Partial<Record<Platform, string>> = {};
  const pairs: [Platform, Platform][] = [["x", "telegram"], ["x", "discord"], [
    "telegram",
    "discord",
  ]];
  for (const [a, b] of pairs) {
    const score = similarity(texts[a], texts[b]);
    if (score > MAX_SIMILARITY) {
      out[b] = `reads ${Math.round(score * 100)}% like the ${a} text; the limit is ` +
        `${Math.round(MAX_SIMILARITY * 100)}%`;
    }
  }
  return out;
}
