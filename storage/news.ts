import type { Article } from "../integrations/news/mod.ts";
import type { Db } from "./db.ts";

export interface ScoredArticle extends Article {
  sentiment: number;
}

export function news(db: Db) {
  return {
    /** Stores new articles; one already stored under the same URL is left as it was. */
    insertArticles(articles: ScoredArticle[], fetchedAt: number): Promise<number> {
      return db.insertMany(
        "news_articles",
        ["url", "title", "summary", "source", "published_at", "sentiment", "fetched_at"],
        articles.map((a) => [
          a.url,
          a.title,
          a.summary,
          a.source,
          a.publishedAt,
          a.sentiment,
          fetchedAt,
        ]),
        "ON CONFLICT (url) DO NOTHING",
      );
    },

    /** Per-article sentiment since `since`, oldest first. */
    async sentimentSince(since: number): Promise<{ at: number; score: number }[]> {
      const rows = await db.all<{ published_at: number; sentiment: number }>(
        "SELECT published_at, sentiment FROM news_articles WHERE published_at >= ? ORDER BY published_at",
        [since],
      );
      return rows.map((r) => ({ at: Number(r.published_at), score: Number(r.sentiment) }));
    },
  };
}

export type NewsRepo = ReturnType<typeof news>;
