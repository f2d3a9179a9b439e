import { lengthUnit, type Preview } from "../agents/foundation/preview.ts";
import { PLATFORMS } from "../core/vocabulary.ts";
import { htmlText } from "../integrations/publish/formatting.ts";
import { dueText } from "./_times.ts";
import { displayWidth, fit, wrap } from "./_wrap.ts";

/** The terminal preview never runs wider than this, whatever the post. */
export const TERMINAL_WIDTH = 80;
const GUTTER = "  │ ";

export const PLATFORM_NAMES = { x: "X", telegram: "Telegram", discord: "Discord" } as const;
const FORMAT_NAMES: Record<string, string> = {
  single: "single post",
  thread: "thread",
  channel_post: "channel post",
  chart_post: "chart post",
};

interface Style {
  dim(s: string): string;
  bold(s: string): string;
  red(s: string): string;
}

/**
 * Posts as a terminal shows them, grouped by insight: the chart and its alt text once, then
 * each platform's post with its length against the limit. Every line fits 80 columns; post
 * text wraps inside the gutter.
 */
export function renderTerminal(previews: Preview[], color: boolean, now: number): string {
  if (!previews.length) return "Nothing pending: no drafted post is waiting to go out.";
  const paint = (code: number) => (s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const style: Style = { dim: paint(2), bold: paint(1), red: paint(31) };
  return groupByInsight(previews).map((group) => renderGroup(group, style, now)).join("\n\n");
}

/**
 * Previews of one insight together, in the order their insights first appear, and within
 * one insight X, then Telegram, then Discord.
 */
export function groupByInsight(previews: Preview[]): Preview[][] {
  const groups = new Map<number, Preview[]>();
  for (const p of previews) groups.set(p.insightId, [...(groups.get(p.insightId) ?? []), p]);
  const order = (p: Preview) => PLATFORMS.indexOf(p.platform);
  return [...groups.values()].map((group) => group.toSorted((a, b) => order(a) - order(b)));
}

function renderGroup(group: Preview[], style: Style, now: number): string {
  const first = group[0];
  const lines = wrap(first.headline, TERMINAL_WIDTH - 2).map((l, i) =>
    style.bold(`${i === 0 ? "▌ " : "  "}${l}`)
  );
  const image = first.image;
  if (image) {
    lines.push(style.dim(`  ${first.media[0]}`));
    lines.push(
      ...wrap(`alt text: ${image.alt}`, TERMINAL_WIDTH - 4).map((l) => style.dim(`    ${l}`)),
    );
  } else lines.push(style.dim("  media: none (no chart for this insight)"));
  for (const p of group) lines.push("", ...renderPost(p, style, now));
  return lines.map((line) => line.trimEnd()).join("\n");
}

function renderPost(p: Preview, style: Style, now: number): string[] {
  const format = FORMAT_NAMES[p.format] ?? p.format;
  const parts = p.parts.length > 1 ? ` of ${p.parts.length} parts` : "";
  // The format it goes out in: a terminal shows the words a reader will see of it.
  const shape = p.markup === "html" ? " · HTML" : p.embed ? " · embed" : "";
  const head = `── ${PLATFORM_NAMES[p.platform]} · ${format}${shape}${parts} · ${
    dueText(p.scheduledAt, now)
  } `;
  const lines = [style.bold(fit(head, TERMINAL_WIDTH, "─"))];
  const unit = lengthUnit(p);
  for (const part of p.parts) {
    const over = part.length > part.limit;
    const count = `${part.length.toLocaleString("en-US")} of ${
      part.limit.toLocaleString("en-US")
    } ${unit}`;
    const label = p.parts.length > 1 ? `part ${part.index} of ${p.parts.length}: ` : "";
    const words = p.markup === "html" ? htmlText(part.text) : part.text;
    const text = wrap(words, TERMINAL_WIDTH - displayWidth(GUTTER)).map((l) => GUTTER + l);
    lines.push(
      ...text,
      style.dim(`  ${label}`) + (over ? style.red(`${count}, OVER LIMIT`) : style.dim(count)),
    );
  }
  if (p.note) {
    lines.push(...wrap(`Telegram: ${p.note}`, TERMINAL_WIDTH - 2).map((l) => style.dim(`  ${l}`)));
  }
  const about = `plan ${p.planId} · writer: ${p.writer}${p.image ? " · with the chart" : ""}`;
  lines.push(...wrap(about, TERMINAL_WIDTH - 2).map((l) => style.dim(`  ${l}`)));
  return lines;
}
