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
import { type Answer, get, isRecord, parseJson, statusError, unexpectedBody } from "./_http.ts";
import type { Article, ArticleOptions, NewsSource } from "./mod.ts";

export interface NewsApiSourceOptions {
  apiKey: string;
  /** Default https://newsapi.org. */
  baseUrl?: string;
  /** NewsAPI search syntax. Default (also for ""): the main crypto terms, OR-ed. */
  query?: string;
  fetch?: typeof fetch;
  /** Per attempt. Default 10 000. */
  timeoutMs?: number;
  /** Default 3 attempts with waits capped at 10 s; `{ attempts: 1 }` fails fast. */
  retry?: Omit<RetryOptions, "signal">;
}

const SERVICE = "newsapi";
const DEFAULT_QUERY = 'bitcoin OR ethereum OR crypto OR cryptocurrency OR "stablecoin"';
// NewsAPI's largest page; one request per scan keeps within the free plan's daily cap.
const PAGE_SIZE = 100;

/**
 * A news source backed by NewsAPI's `GET /v2/everything`, newest first, English only.
 * Items too big or dated in the future are skipped and reported to `onSkip`.
 */
export function createNewsApiSource(options: NewsApiSourceOptions): NewsSource {
  if (!options.apiKey) {
    throw new TypeError("Cannot create the NewsAPI source: apiKey is empty; set a NewsAPI key");
  }
  const base = (options.baseUrl ?? "https://newsapi.org").replace(/\/+$/, "");
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;

  async function fetchOnce(opts: ArticleOptions): Promise<Article[]> {
    const params = new URLSearchParams({
      q: options.query || DEFAULT_QUERY,
      language: "en",
      sortBy: "publishedAt",
      pageSize: String(PAGE_SIZE),
    });
    const answer = await get(`${base}/v2/everything?${params}`, {
      service: SERVICE,
      fetch: doFetch,
      timeoutMs,
      // The header keeps the key out of URLs, which end up in logs and errors.
      headers: { "X-Api-Key": options.apiKey, accept: "application/json" },
      signal: opts.signal,
    });
    const body = parseJson(answer);
    const ok = answer.status >= 200 && answer.status <= 299;
    if (ok && !isRecord(body)) throw unexpectedBody(SERVICE, answer, "a JSON object");
    if (!ok || !isRecord(body) || body.status !== "ok") {
      throw newsApiError(answer, body, options.apiKey);
    }
    // A page holds at most PAGE_SIZE; more is not NewsAPI's doing.
    const items = Array.isArray(body.articles) ? body.articles.slice(0, MAX_ITEMS_PER_ANSWER) : [];
    const now = Date.now();
    return collectArticles(items, (item) => toArticle(item, now), opts.onSkip);
  }

  return {
    name: "newsapi",
    fetchArticles: (opts: ArticleOptions = {}) =>
      withRetry(() => fetchOnce(opts), {
        attempts: 3,
        maxDelayMs: 10_000,
        ...options.retry,
        signal: opts.signal,
      }),
  };
}

/** Turns NewsAPI's `{ status: "error", code, message }` (or a proxy's page) into an IntegrationError. */
function newsApiError(answer: Answer, body: unknown, apiKey: string): IntegrationError {
  const code = isRecord(body) && typeof body.code === "string" ? body.code : undefined;
  const said = isRecord(body) && typeof body.message === "string"
    ? body.message
    : plainText(answer.body, 160) || "empty body";
  // Belt and braces: never let an echoed key reach a log.
  const message = (code ? `${code}: ${said}` : said).replaceAll(apiKey, "***");
  // A 200 carrying status "error" should not happen; count it as the server's fault.
  const status = answer.status >= 400 ? answer.status : code === "rateLimited" ? 429 : 502;
  return statusError(SERVICE, { ...answer, status }, message);
}

/** The item as an article; a string says why it was skipped; null: no story. */
function toArticle(item: unknown, now: number): Article | string | null {
  if (!isRecord(item)) return null;
  const rawTitle = typeof item.title === "string" ? item.title : "";
  const link = typeof item.url === "string" ? item.url : "";
  const publishedAt = typeof item.publishedAt === "string" ? Date.parse(item.publishedAt) : NaN;
  const problem = itemProblem({ link, title: rawTitle, publishedAt }, now);
  if (problem) return problem;
  const title = plainText(rawTitle, TITLE_MAX_CHARS);
  // NewsAPI keeps taken-down stories in results as "[Removed]" placeholders.
  if (!title || title === "[Removed]") return null;
  const url = normalizeArticleUrl(link);
  if (!url || Number.isNaN(publishedAt)) return null;
  const source = isRecord(item.source) && typeof item.source.name === "string"
    ? plainText(item.source.name, 100)
    : new URL(url).hostname;
  return { url, title, summary: summaryOf(item), source, publishedAt };
}

/** The description, or failing that the content without its "… [+1234 chars]" tail. */
function summaryOf(item: Record<string, unknown>): string {
  if (typeof item.description === "string" && item.description.trim()) {
    return plainText(item.description, SUMMARY_MAX_CHARS);
  }
  if (typeof item.content !== "string") return "";
  const content = item.content.replace(/\s*\[\+\d+ chars\]\s*$/, "");
  return plainText(content, SUMMARY_MAX_CHARS);
}
