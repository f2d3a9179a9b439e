/**
 * The storage port: `openStore(url)` picks the backend from the URL (the only
 * place that does) and returns the same repositories over either.
 */
import { agentLogs } from "./agent_logs.ts";
import type { Db } from "./db.ts";
import { drafts } from "./drafts.ts";
import { insights } from "./insights.ts";
import { marketData } from "./market_data.ts";
import { migrate } from "./migrate.ts";
import { news } from "./news.ts";
import { plans } from "./plans.ts";
import { posts } from "./posts.ts";
import { sentiment } from "./sentiment.ts";
import { parseDbUrl } from "./url.ts";

export { StorageError } from "./db.ts";
export type { Db } from "./db.ts";

export interface OpenOptions {
  /** Apply pending migrations on open (default true). */
  migrate?: boolean;
  /** Postgres only: use (and create) this schema. */
  schema?: string;
}

/** Tables `creator status` counts, in pipeline order. */
export const TABLES = [
  "market_data",
  "market_tickers",
  "news_articles",
  "sentiment_data",
  "insights",
  "content_plans",
  "drafts",
  "published_content",
  "agent_logs",
] as const;

export async function openStore(url: string, options: OpenOptions = {}) {
  const target = parseDbUrl(url);
  const db: Db = target.backend === "sqlite"
    ? (await import("./sqlite.ts")).openSqlite(target.path)
    : await (await import("./postgres.ts")).openPostgres(target.url, { schema: options.schema });
  try {
    if (options.migrate !== false) await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return createStore(db);
}

export function createStore(db: Db) {
  return {
    db,
    marketData: marketData(db),
    news: news(db),
    sentiment: sentiment(db),
    insights: insights(db),
    plans: plans(db),
    drafts: drafts(db),
    posts: posts(db),
    logs: agentLogs(db),
    async counts(): Promise<Record<string, number>> {
      const out: Record<string, number> = {};
      for (const table of TABLES) {
        const rows = await db.all<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`);
        out[table] = Number(rows[0].n);
      }
      return out;
    },
    close: () => db.close(),
  };
}

export type Store = ReturnType<typeof createStore>;
