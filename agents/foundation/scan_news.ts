import type { Context } from "../../core/agent.ts";
import { settleLimit } from "../../core/pool.ts";

const DAY = 24 * 3600_000;
/** The news mean is recorded at most once per this interval. */
const NEWS_BUCKET_MS = 5 * 60_000;

/**
 * Articles (deduplicated by URL, scored) and sentiment points. A failure stays
 * with its source: a source that cannot be read, or whose articles cannot be
 * stored, is skipped with a log line, and the rest is stored.
 */
export async function scanNews(ctx: Context) {
  const { store, clock, log } = ctx;
  const now = clock.now();
  const sources = await ctx.integrations.newsSources();
  const score = await ctx.integrations.scoreSentiment();
  const skipped: string[] = [];
  let read = 0, articles = 0, feedsSkipped = 0;

  const skips = sources.map(() => [] as string[]);
  const results = await settleLimit(
    sources,
    4,
    (s, i) => s.fetchArticles({ signal: ctx.signal, onSkip: (why) => skips[i].push(why) }),
  );
  for (const [i, r] of results.entries()) {
    const name = sources[i].name;
    const n = skips[i].length;
    if (n) {
      // One line per source, however many items it sent: the first reason says what kind.
      log.warn(`news source ${name}: skipped ${n} ${n === 1 ? "item" : "items"}`, {
        first: skips[i][0],
      });
    }
    try {
      if (r.status === "rejected") throw r.reason;
      read += r.value.length;
      const scored = r.value.map((a) => ({ ...a, sentiment: score(`${a.title}. ${a.summary}`) }));
      articles += await store.news.insertArticles(scored, now);
    } catch (error) {
      skipped.push(name);
      if (name !== "newsapi") feedsSkipped++;
      // The error names the source already; else it is named here.
      const why = String((error as Error)?.message ?? error);
      log.warn(`news source skipped: ${why.includes(name) ? why : `${name}: ${why}`}`);
    }
  }

  const points = [];
  const fearGreed = await ctx.integrations.fearGreed();
  if (fearGreed) {
    try {
      const reading = await fearGreed.latest({ signal: ctx.signal });
      read++;
      points.push({
        source: "alternative.me",
        metric: "fear_greed",
        value: reading.value,
        label: reading.classification,
        at: reading.at,
      });
    } catch (error) {
      skipped.push("fear & greed");
      log.warn(`fear & greed skipped: ${(error as Error).message}`);
    }
  }
  const recent = await store.news.sentimentSince(now - DAY);
  if (recent.length) {
    const mean = recent.reduce((sum, p) => sum + p.score, 0) / recent.length;
    const at = Math.floor(now / NEWS_BUCKET_MS) * NEWS_BUCKET_MS;
    points.push({
      source: "news",
      metric: "mean_24h",
      value: mean,
      label: `${recent.length} articles`,
      at,
    });
  }
  const sentiment = points.length ? await store.sentiment.record(points) : 0;
  if (!sources.length && ctx.integrations.source === "sample") {
    log.info("news: none in the bundled sample");
  }
  const feeds = sources.filter((s) => s.name !== "newsapi").length;
  return {
    read,
    articles,
    sentiment,
    skipped,
    skippedText: skippedText(skipped, feedsSkipped, feeds),
  };
}

/** The skipped sources in a few words: feeds by count (each has its log line), others by name. */
function skippedText(skipped: string[], feedsSkipped: number, feeds: number): string {
  const others = skipped.filter((name) => name === "newsapi" || name === "fear & greed");
  const counted = feedsSkipped ? [`${feedsSkipped} of ${feeds} news feeds`] : [];
  return [...counted, ...others].join(", ");
}
