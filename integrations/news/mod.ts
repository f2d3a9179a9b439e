/** The news and sentiment ports MarketScanner reads through. */

export interface Article {
  /** Canonical URL: the dedup key. */
  url: string;
  title: string;
  summary: string;
  /** Outlet name, e.g. "CoinDesk" or the feed's title. */
  source: string;
  /** Epoch ms UTC. */
  publishedAt: number;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface ArticleOptions extends CallOptions {
  /**
   * Told why an item was left out for being hostile or broken (too big, dated
   * in the future); the source still gives the rest.
   */
  onSkip?: (why: string) => void;
}

/** One source of articles: an RSS/Atom feed or NewsAPI. */
export interface NewsSource {
  readonly name: string;
  fetchArticles(opts?: ArticleOptions): Promise<Article[]>;
}

/** A market-wide sentiment gauge, 0 (extreme fear) to 100 (extreme greed). */
export interface FearGreedReading {
  value: number;
  classification: string;
  /** Epoch ms UTC of the reading. */
  at: number;
}

export interface FearGreedSource {
  latest(opts?: CallOptions): Promise<FearGreedReading>;
}
