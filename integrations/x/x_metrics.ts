/** Post metrics from X: GET /2/tweets, 100 ids per call, private figures where X gives them. */
import type { TwitterApiv2 } from "twitter-api-v2";
import type { PostMetrics } from "../../core/vocabulary.ts";
import type { Measurement } from "../audience/mod.ts";
import { read } from "./_read.ts";

const TIMEOUT_MS = 30_000;
/** The most ids one tweets lookup takes. */
const PAGE = 100;
/** X gives non_public_metrics only for our own posts younger than this. */
const PRIVATE_METRICS_DAYS = 30;

/**
 * Young posts and old ones go in separate calls: asking for non_public_metrics of a post
 * older than 30 days fails the whole request.
 */
export async function measureTweets(
  v2: TwitterApiv2,
  posts: { externalId: string; publishedAt: number }[],
  now: number,
  signal?: AbortSignal,
): Promise<{ measured: Map<string, Measurement>; calls: number }> {
  const young = (p: { publishedAt: number }) =>
    now - p.publishedAt < PRIVATE_METRICS_DAYS * 86_400_000;
  const groups = [[true, posts.filter(young)], [false, posts.filter((p) => !young(p))]] as const;
  const measured = new Map<string, Measurement>();
  let calls = 0;
  for (const [own, group] of groups) {
    for (let i = 0; i < group.length; i += PAGE) {
      const ids = group.slice(i, i + PAGE).map((p) => p.externalId);
      calls++;
      for (const [id, m] of await lookup(v2, ids, own, signal)) measured.set(id, m);
    }
  }
  return { measured, calls };
}

interface LookupBody {
  data?: Array<
    {
      id: string;
      public_metrics?: Record<string, number>;
      non_public_metrics?: Record<string, number>;
    }
  >;
  errors?: Array<{ resource_id?: string; value?: string; type?: string; title?: string }>;
}

async function lookup(v2: TwitterApiv2, ids: string[], own: boolean, signal?: AbortSignal) {
  const fields = own ? "public_metrics,non_public_metrics" : "public_metrics";
  const query = { ids: ids.join(","), "tweet.fields": fields };
  const body = await read(
    () => v2.get<LookupBody>("tweets", query, { timeout: TIMEOUT_MS }),
    signal,
  );
  const out = new Map<string, Measurement>();
  for (const tweet of body.data ?? []) out.set(tweet.id, toMetrics(tweet));
  for (const error of body.errors ?? []) {
    const id = error.resource_id ?? error.value;
    // Only "not found" means deleted; withheld or suspended posts are not measured at all.
    if (id && (error.type?.endsWith("resource-not-found") || error.title === "Not Found Error")) {
      out.set(id, "deleted");
    }
  }
  return out;
}

function toMetrics(tweet: NonNullable<LookupBody["data"]>[number]): PostMetrics {
  const pub = tweet.public_metrics ?? {};
  const priv = tweet.non_public_metrics ?? {};
  const n = (v: unknown) => (typeof v === "number" ? v : null);
  return {
    impressions: n(pub.impression_count ?? priv.impression_count),
    likes: n(pub.like_count),
    reposts: n(pub.retweet_count),
    replies: n(pub.reply_count),
    quotes: n(pub.quote_count),
    bookmarks: n(pub.bookmark_count),
    reactions: null,
    linkClicks: n(priv.url_link_clicks),
    profileClicks: n(priv.user_profile_clicks),
    raw: { public_metrics: pub, ...(tweet.non_public_metrics ? { non_public_metrics: priv } : {}) },
  };
}
