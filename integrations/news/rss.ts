import type { FeedData } from "@extractus/feed-extractor";
import { IntegrationError } from "../../core/errors.ts";
import { type RetryOptions, withRetry } from "../../core/retry.ts";
import {
  collectArticles,
  itemProblem,
  MAX_ITEMS_PER_ANSWER,
  normalizeArticleUrl,
  plainText,
  SUMMARY_MAX_CHARS,
  TITLE_MAX_CHARS,
} from "./_article.ts";
import { type Answer, describeUrl, get, isRecord, statusError } from "./_http.ts";
import type { Article, ArticleOptions, NewsSource } from "./mod.ts";

export interface FeedSourceOptions {
  /** The RSS 2.0, RSS 1.0 or Atom document's URL. */
  url: string;
  fetch?: typeof fetch;
  /** Per attempt, body included. Default 10 000. */
  timeoutMs?: number;
  /** Default 3 attempts with waits capped at 10 s; `{ attempts: 1 }` fails fast. */
  retry?: Omit<RetryOptions, "signal">;
}

const ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, " +
  "text/xml;q=0.8, */*;q=0.5";

/**
 * A news source reading one RSS or Atom feed. Items without a link, a title or
 * a parseable date are skipped: an undated story could be months old, and
 * stamping it with the fetch time would pass it off as breaking news. Items
 * too big or dated in the future are skipped too, and reported to `onSkip`.
 * Errors name the feed by its URL without query string or credentials.
 */
export function createFeedSource(options: FeedSourceOptions): NewsSource {
  if (!URL.canParse(options.url) || !/^https?:$/.test(new URL(options.url).protocol)) {
    throw new TypeError("Cannot create a feed source: its URL must be an absolute http(s) URL");
  }
  const name = describeUrl(options.url);
  const service = `feed ${name}`;
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;

  async function fetchOnce(opts: ArticleOptions): Promise<Article[]> {
    const headers = { accept: ACCEPT };
    const answer = await get(options.url, {
      service,
      fetch: doFetch,
      timeoutMs,
      headers,
      signal: opts.signal,
    });
    if (answer.status < 200 || answer.status > 299) {
      throw statusError(service, answer, plainText(answer.body, 160) || "empty body");
    }
    const feed = await parseFeed(service, options.url, answer);
    const source = feed.title ? plainText(feed.title, 100) : new URL(options.url).hostname;
    // Feeds list newest first; a real one carries tens of items, so the rest is padding.
    const entries = (feed.entries ?? []).slice(0, MAX_ITEMS_PER_ANSWER);
    const now = Date.now();
    return collectArticles(
      entries,
      (entry) => toArticle(entry.raw, entry.link, source, options.url, now),
      opts.onSkip,
    );
  }

  return {
    name,
    fetchArticles: (opts: ArticleOptions = {}) =>
      withRetry(() => fetchOnce(opts), {
        attempts: 3,
        maxDelayMs: 10_000,
        ...options.retry,
        signal: opts.signal,
      }),
  };
}

type ParsedFeed = FeedData & { entries?: Array<{ link?: string; raw?: unknown }> };

let extractor: Promise<typeof import("@extractus/feed-extractor")> | undefined;

async function parseFeed(service: string, url: string, answer: Answer): Promise<ParsedFeed> {
  // Loaded on first use so that commands which never read feeds do not pay for the parser.
  extractor ??= import("@extractus/feed-extractor");
  const { extractFromXml } = await extractor;
  try {
    return extractFromXml(answer.body, {
      // We clean and trim summaries ourselves; the library's cut glues paragraphs together.
      descriptionMaxLen: 0,
      baseUrl: url,
      getExtraEntryFields: (raw) => ({ raw }),
    });
  } catch (error) {
    // The library only recognises an Atom feed that has at least one entry.
    if (isEmptyAtom(answer.body)) return { entries: [] };
    const type = answer.headers.get("content-type") ?? "no content type";
    const why = error instanceof Error ? error.message : String(error);
    throw new IntegrationError(service, answer.status, `not an RSS or Atom feed (${type}; ${why})`);
  }
}

function isEmptyAtom(xml: string): boolean {
  return /<feed\b[^>]*\bxmlns\s*=\s*["']http:\/\/www\.w3\.org\/2005\/Atom["']/.test(xml) &&
    !/<entry\b/.test(xml);
}

/** The item as an article; a string says why it was skipped; null: no story (no link or date). */
function toArticle(
  raw: unknown,
  link: string | undefined,
  source: string,
  feedUrl: string,
  now: number,
): Article | string | null {
  if (!isRecord(raw)) return null;
  // The raw link first: the library's own clean-up drops parameters such as "amp",
  // and NewsAPI links must normalise to the same key. Its link covers guid permalinks.
  const href = (atomAlternateLink(raw.link) ?? textOf(raw.link)) || link || "";
  const rawTitle = textOf(raw.title);
  const publishedAt = Date.parse(
    textOf(raw.pubDate) || textOf(raw["dc:date"]) || textOf(raw.published) ||
      textOf(raw.updated) || textOf(raw.issued) || textOf(raw.modified),
  );
  // A title or link this long is no story: skipped, not cut to look like one.
  const problem = itemProblem({ link: href, title: rawTitle, publishedAt }, now);
  if (problem) return problem;
  const url = normalizeArticleUrl(href, feedUrl);
  const title = plainText(rawTitle, TITLE_MAX_CHARS);
  if (!url || !title || Number.isNaN(publishedAt)) return null;
  const html = textOf(raw.description) || textOf(raw["content:encoded"]) ||
    textOf(raw.summary) || textOf(raw.content);
  return { url, title, summary: plainText(html, SUMMARY_MAX_CHARS), source, publishedAt };
}

/** Atom entries often carry several links; the story is the "alternate" one. */
function atomAlternateLink(link: unknown): string | undefined {
  const links = Array.isArray(link) ? link : [link];
  const alternate = links.find((item) =>
    isRecord(item) && typeof item["@_href"] === "string" &&
    (item["@_rel"] === undefined || item["@_rel"] === "alternate")
  );
  return isRecord(alternate) ? String(alternate["@_href"]) : undefined;
}

/** The text of a parsed XML node: a string, a number, or `{ "#text": ... }` with attributes. */
function textOf(node: unknown): string {
  if (typeof node === "string") return node.trim();
  if (typeof node === "number") return String(node);
  if (isRecord(node)) return textOf(node["#text"]);
  return "";
}
