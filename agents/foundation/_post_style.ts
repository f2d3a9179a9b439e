/**
 * An experiment's style on a written draft, whoever wrote it. Emoji are taken
 * out or put in front and the variant's link closes the post here, so they
 * hold for Claude and the template writer alike; what only the writer can do
 * (the opening, the length) is checked here, so a draft that ignored its
 * variant is rejected and written again like any other wrong draft.
 */
import { type Platform, type PostStyle, SHORT_POST_LENGTH } from "../../core/vocabulary.ts";
import { findLinks, refang } from "../guard/mod.ts";

/** One emoji with its modifiers and joiners, a flag, or a keycap. */
const EMOJI =
  /(?:\p{Extended_Pictographic}|\p{Regional_Indicator}{2}|[#*0-9]\uFE0F?\u20E3)(?:\uFE0F|[\u{1F3FB}-\u{1F3FF}]|\u200D\p{Extended_Pictographic}\uFE0F?)*/gu;
/** The emoji put in front when a variant wants one and the writer gave none: it claims nothing. */
const MARKER = "📊";
/** What a link added to a post counts: X counts every link as 23. */
const X_LINK_LENGTH = 23;
const THREAD_MARKER = /^(\d{1,2}\/\d{1,2}\s+)/;

/** The most a part may count for this style: a "short" variant is capped. */
export function styledLimit(limit: number, style: PostStyle): number {
  return style.length === "short" ? Math.min(limit, SHORT_POST_LENGTH) : limit;
}

/** What the writer is given: the limit less the room the style's additions take. */
export function writerLimit(limit: number, style: PostStyle, platform: Platform): number {
  let room = 0;
  if (style.emoji === true) room += 3; // the marker (2 on X) and a space
  if (style.link) room += 2 + (platform === "x" ? X_LINK_LENGTH : style.link.length);
  return styledLimit(limit, style) - room;
}

/** The draft with the style's emoji and link applied; the disclaimer stays last. */
export function applyStyle(parts: readonly string[], style: PostStyle, disclaimer: string) {
  let out = [...parts];
  if (style.emoji === false) out = out.map(withoutEmoji);
  if (style.emoji === true && !out.some(hasEmoji) && out.length > 0) {
    out[0] = out[0].replace(/^(\d{1,2}\/\d{1,2}\s+)?/, (marker) => `${marker}${MARKER} `);
  }
  if (style.link && out.length > 0) {
    out[out.length - 1] = withLink(out.at(-1)!, style.link, disclaimer);
  }
  return out;
}

/** Why the draft does not follow its variant; [] when it does. */
export function styleProblems(parts: readonly string[], style: PostStyle): string[] {
  const problems: string[] = [];
  const first = (parts[0] ?? "").replace(THREAD_MARKER, "").split("\n")[0].trim();
  if (style.opening === "question" && !first.endsWith("?")) {
    problems.push("the variant opens with a question, and the first line is not one");
  }
  if (style.link === null && parts.some((p) => findLinks(refang(p), []).length > 0)) {
    problems.push("the variant posts no link, and the draft has one");
  }
  return problems;
}

function hasEmoji(text: string): boolean {
  return new RegExp(EMOJI.source, "u").test(text);
}

/** Emoji out, and the spaces they leave behind. */
function withoutEmoji(text: string): string {
  return text.replace(EMOJI, "").split("\n").map((line) => line.replace(/ {2,}/g, " ").trim())
    .join("\n");
}

/** The link on its own line, before the disclaimer when the part closes with it. */
function withLink(part: string, link: string, disclaimer: string): string {
  const closing = disclaimer.trim();
  if (closing && part.trimEnd().endsWith(closing)) {
    const body = part.trimEnd().slice(0, -closing.length).trimEnd();
    return `${body}\n\n${link}\n\n${closing}`;
  }
  return `${part.trimEnd()}\n\n${link}`;
}
