/**
 * One insight's text in each platform's own formatting, and the checks that go with it:
 * Telegram HTML (escaped), a Discord embed (markdown), and how alike two texts read.
 * Pure functions, no I/O.
 */
import {
  type Embed,
  EMBED_LIMITS,
  embedText,
  escapeHtml,
} from "../../integrations/publish/formatting.ts";

const BULLET = /^•\s*([^:]{1,60}):\s*(.+)$/;

/**
 * A Telegram channel post in its HTML parse mode (&, < and > escaped): the analysis' own
 * headline in bold, then the figures with bold labels, then the disclaimer in italics. The
 * remark under the figures is left to X, so the two read differently.
 */
export function telegramHtml(headline: string, text: string, disclaimer: string): string {
  const bullets = text.split("\n").map((line) => line.match(BULLET)).filter((m) => m !== null)
    .map((m) => `• <b>${escapeHtml(m[1])}:</b> ${escapeHtml(m[2])}`);
  return [`<b>${escapeHtml(headline)}</b>`, "", ...bullets, "", `<i>${escapeHtml(disclaimer)}</i>`]
    .join("\n").trim();
}

/**
 * A Discord embed: a short title of its own, each "• Label: value" line as a field
 * with its label in bold markdown, the disclaimer in the footer, the chart when there is one.
 */
export function discordEmbed(
  title: string,
  text: string,
  disclaimer: string,
  chart: boolean,
  colour: number,
): Embed {
  const lines = text.split("\n");
  const fields = lines.map((line) => line.match(BULLET)).filter((m) => m !== null)
    .slice(0, EMBED_LIMITS.fields)
    .map((m) => ({ name: m[1], value: m[2].slice(0, EMBED_LIMITS.value), inline: true }));
  return {
    title: title.slice(0, EMBED_LIMITS.title),
    color: colour,
    fields,
    footer: { text: disclaimer },
    ...(chart ? { image: { url: "attachment://chart.png" } } : {}),
  };
}

/** What is wrong with an embed against Discord's limits, or nothing. */
export function embedProblems(embed: Embed): string[] {
  const total = embedText(embed).length;
  return [
    embed.title.length > EMBED_LIMITS.title && `the title is over ${EMBED_LIMITS.title} characters`,
    (embed.description?.length ?? 0) > EMBED_LIMITS.description && "the description is too long",
    total > EMBED_LIMITS.total && `the embed is ${total} characters; the limit is 6,000`,
  ].filter((p): p is string => typeof p === "string");
}

/**
 * How alike two texts read, 0 to 1: the Jaccard index of their word trigrams. Only the prose
 * counts: numbers, punctuation and "Label: value" figure lines are left out, because those
 * must be the same everywhere; the wording must not.
 */
export function similarity(a: string, b: string): number {
  const [x, y] = [shingles(prose(a)), shingles(prose(b))];
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const s of x) if (y.has(s)) shared++;
  return shared / (x.size + y.size - shared);
}

function prose(text: string): string {
  return text.split("\n").filter((line) => !FIGURE.test(line.trim())).join("\n");
}

/** "• Close: 101,728.00", "Volume: 2.4K vs 424.8 on average": a figure with its label. */
const FIGURE = /^(?:•\s*)?[^:.!?]{1,40}:\s*\S.*\d/;

function shingles(text: string): Set<string> {
  const words = text.toLowerCase().replace(/<[^>]+>/g, " ").match(/\p{L}+/gu) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + 2 < words.length; i++) out.add(words.slice(i, i + 3).join(" "));
  return out;
}
