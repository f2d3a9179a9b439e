// Shared clean-up for articles from any source, so the same story reached
// through a feed and through NewsAPI ends up with the same URL and plain text.
import { stripControls } from "../../core/clean_text.ts";
import { FUTURE_SKEW_MS } from "../../core/clock.ts";
import type { Article } from "./mod.ts";

/** Items read per answer (a feed, a NewsAPI page) at most; a real one carries tens. */
export const MAX_ITEMS_PER_ANSWER = 200;
/** Longest summary kept: enough for a prompt, short enough for many articles. */
export const SUMMARY_MAX_CHARS = 500;
/** Longest title kept; longer ones are cut. Real headlines stay under about 150. */
export const TITLE_MAX_CHARS = 300;
/**
 * HTML read per field at most: a summary is cut to 500 characters anyway, and
 * a field this large is padding or an attack, not a story.
 */
export const FIELD_MAX_CHARS = 64 * 1024;
/**
 * Longest article URL kept. Real ones stay well under this; a longer one is
 * no story link, and Postgres cannot index a key much over 2,700 bytes.
 */
export const URL_MAX_CHARS = 2048;

// Per-click ids that ad and mail tools append; they never change the page.
const CLICK_IDS = new Set(["fbclid", "gclid", "dclid", "msclkid", "yclid", "mc_cid", "mc_eid"]);

/**
 * The dedup key: an absolute http(s) URL without a fragment or tracking
 * parameters (utm_*, click ids), the rest of the query sorted. Relative links resolve
 * against `base`. Returns undefined for anything that is not a web link, and
 * for one longer than URL_MAX_CHARS.
 */
export function normalizeArticleUrl(link: string, base?: string): string | undefined {
  if (link.length > URL_MAX_CHARS) return undefined;
  let url: URL;
  try {
    url = new URL(link.trim(), base);
  } catch {
    return undefined;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
  url.hash = "";
  url.username = "";
  url.password = "";
  for (const key of [...url.searchParams.keys()]) {
    const lower = key.toLowerCase();
    if (lower.startsWith("utm_") || CLICK_IDS.has(lower)) url.searchParams.delete(key);
  }
  url.searchParams.sort();
  // URL keeps a bare "?" once the last parameter is gone.
  const href = url.href.replace(/\?$/, "");
  // Percent-encoding can make a short link long.
  return href.length > URL_MAX_CHARS ? undefined : href;
}

/**
 * Why an item cannot be kept whatever else it holds, or null: a link or a
 * title too long to be real, or a date in the future (stored, it would stay
 * the newest story for good). `now` is the wall clock.
 */
export function itemProblem(
  item: { link: string; title: string; publishedAt: number },
  now: number,
): string | null {
  if (item.link.length > URL_MAX_CHARS) return `a link of ${item.link.length} characters`;
  if (item.title.length > FIELD_MAX_CHARS) return `a title of ${item.title.length} characters`;
  if (item.publishedAt > now + FUTURE_SKEW_MS) {
    return `dated ${new Date(item.publishedAt).toISOString()}, in the future`;
  }
  return null;
}

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  hellip: "…",
  mdash: "—",
  ndash: "–",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X"
        ? parseInt(name.slice(2), 16)
        : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

// Block-level tags separate words; inline ones (<a>, <b>, <span>) sit inside them.
const BLOCK_TAG =
  /<\/?(?:p|div|br|hr|li|ul|ol|dl|dt|dd|h[1-6]|table|tr|td|th|blockquote|pre|figure|figcaption|section|article|header|footer)\b[^>]*>/gi;

/**
 * HTML to one line of plain text: scripts and styles dropped, block tags
 * turned into spaces (so "<p>a</p><p>b</p>" does not become "ab"), entities
 * decoded, control characters and terminal escapes removed (also when they
 * came as entities), whitespace collapsed, cut at a word boundary with an
 * ellipsis. Only the first FIELD_MAX_CHARS of the HTML are read.
 */
export function plainText(html: string, maxChars = Infinity): string {
  const head = html.length > FIELD_MAX_CHARS
    ? html.slice(0, FIELD_MAX_CHARS).replace(/<[^>]*$/, "")
    : html;
  const text = stripControls(decodeEntities(
    head
      .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, " ")
      .replace(/<!--[\s\S]*?-->/g, " ")
      .replace(BLOCK_TAG, " ")
      .replace(/<[^>]*>/g, ""),
  )).replace(/\s+/g, " ").trim();
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars - 1);
  const space = cut.lastIndexOf(" ");
  // Cut at the last word boundary unless that throws away most of the text.
  return (space > maxChars * 0.6 ? cut.slice(0, space) : cut).trimEnd() + "…";
}

/**
 * The articles `read` makes of `items`, the first for each URL kept. `read`
 * returns null for an item that is no story, or says why it skipped one;
 * that goes to `onSkip`.
 */
export function collectArticles<T>(
  items: readonly T[],
  read: (item: T) => Article | string | null,
  onSkip: (why: string) => void = () => {},
): Article[] {
  const articles = new Map<string, Article>();
  for (const item of items) {
    const got = read(item);
    if (typeof got === "string") onSkip(got);
    else if (got && !articles.has(got.url)) articles.set(got.url, got);
  }
  return [...articles.values()];
}
