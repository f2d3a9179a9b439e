/**
 * X's side of the audience port through twitter-api-v2: mentions of the authenticated account,
 * replies to them, and post metrics read 100 ids per call.
 */
import type { TweetV2, TwitterApiv2, UserV2 } from "twitter-api-v2";
import { withRetry } from "../../core/retry.ts";
import type { IncomingMessage, PostMetrics } from "../../core/vocabulary.ts";
import type { Inbox, Measurement, MetricsReader, Replier } from "../audience/mod.ts";
import { call, connect, type XPublisherOptions } from "./twitter.ts";

const TIMEOUT_MS = 30_000;
/** The most X returns per page of mentions, and per tweets lookup. */
const PAGE = 100;
/** Pages one run reads at most (10,000 mentions); the rest waits for the next run. */
const MAX_PAGES = 100;
/** X gives non_public_metrics only for our own posts younger than this. */
const PRIVATE_METRICS_DAYS = 30;

export interface XAudience {
  inbox: Inbox;
  replier: Replier;
  metrics: MetricsReader;
}

interface MentionsPage {
  data?: TweetV2[];
  includes?: { users?: UserV2[] };
  meta?: { newest_id?: string; next_token?: string; result_count?: number };
}

export function createXAudience(options: XPublisherOptions): XAudience {
  let client: Promise<{ v2: TwitterApiv2; me: string }> | undefined;
  const api = () =>
    client ??= connect(options).then(async (v2) => {
      const me = await read(() => v2.me(), undefined);
      return { v2, me: me.data.id };
    });
  return {
    inbox: {
      platform: "x",
      source: "mentions",
      async read(cursor, opts) {
        const { v2, me } = await api();
        return await readMentions(v2, me, cursor, opts?.signal);
      },
    },
    replier: {
      platform: "x",
      async reply(to, text) {
        const { v2 } = await api();
        const body = { text, reply: { in_reply_to_tweet_id: to.externalId } };
        const made = await call(() =>
          v2.post<{ data: { id: string } }>("tweets", body, { timeout: TIMEOUT_MS })
        );
        return { externalId: made.data.id };
      },
    },
    metrics: {
      platform: "x",
      async read(posts, opts) {
        const { v2 } = await api();
        const now = opts?.now ?? Date.now();
        const young = (p: { publishedAt: number }) =>
          now - p.publishedAt < PRIVATE_METRICS_DAYS * 86_400_000;
        const measured = new Map<string, Measurement>();
        let calls = 0;
        for (
          const [own, group] of [[true, posts.filter(young)], [
            false,
            posts.filter((p) => !young(p)),
          ]] as const
        ) {
          for (let i = 0; i < group.length; i += PAGE) {
            const ids = group.slice(i, i + PAGE).map((p) => p.externalId);
            calls++;
            for (const [id, m] of await lookup(v2, ids, own, opts?.signal)) measured.set(id, m);
          }
        }
        return { measured, calls };
      },
    },
  };
}

async function readMentions(
  v2: TwitterApiv2,
  me: string,
  cursor: string | null,
  signal?: AbortSignal,
) {
  const messages: IncomingMessage[] = [];
  const skipped: string[] = [];
  let newest: string | null = null;
  let token: string | undefined;
  let calls = 0;
  let itemsRead = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const query: Record<string, string | number> = {
      max_results: PAGE,
      "tweet.fields": "created_at,author_id,conversation_id,referenced_tweets,in_reply_to_user_id",
      expansions: "author_id",
      "user.fields": "username,name",
      ...(cursor ? { since_id: cursor } : {}),
      ...(token ? { pagination_token: token } : {}),
    };
    const args = { params: { id: me }, timeout: TIMEOUT_MS };
    const body = await read(() => v2.get<MentionsPage>("users/:id/mentions", query, args), signal);
    calls++;
    newest ??= body.meta?.newest_id ?? null;
    const users = new Map((body.includes?.users ?? []).map((u) => [u.id, u]));
    for (const tweet of body.data ?? []) {
      itemsRead++;
      const parsed = toMessage(tweet, users, me);
      if (typeof parsed === "string") skipped.push(parsed);
      else if (parsed) messages.push(parsed);
    }
    token = body.meta?.next_token;
    // The first run reads one page only: answering months-old mentions would help nobody.
    if (!token || !cursor) break;
  }
  // Stopped with pages left: keep the cursor, so the next run reads them again (stored once).
  const complete = !token || !cursor;
  messages.sort((a, b) => compareIds(a.externalId, b.externalId));
  return { messages, skipped, calls, itemsRead, cursor: complete ? newest : null };
}

/** A mention as a message; null for our own posts; a string says why it was unreadable. */
function toMessage(
  tweet: TweetV2,
  users: Map<string, UserV2>,
  me: string,
): IncomingMessage | string | null {
  if (typeof tweet?.id !== "string" || typeof tweet.text !== "string" || !tweet.author_id) {
    return `mention ${String(tweet?.id ?? "?")} lacks an id, text or author`;
  }
  if (tweet.author_id === me) return null;
  const user = users.get(tweet.author_id);
  const repliedTo = tweet.referenced_tweets?.find((r) => r.type === "replied_to")?.id ?? null;
  const sentAt = tweet.created_at ? Date.parse(tweet.created_at) : NaN;
  return {
    platform: "x",
    externalId: tweet.id,
    kind: repliedTo && tweet.in_reply_to_user_id === me ? "reply" : "mention",
    author: {
      platform: "x",
      externalId: tweet.author_id,
      handle: user?.username ?? null,
      displayName: user?.name ?? null,
      isBot: false,
    },
    text: unescape(tweet.text),
    sentAt: Number.isFinite(sentAt) ? sentAt : Date.now(),
    inReplyToPostId: repliedTo,
    conversationId: tweet.conversation_id ?? null,
  };
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

/** Reads change nothing, so every transient failure (a 429 included) is worth waiting out. */
function read<T>(fn: () => Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  return withRetry(() => call(fn), { signal, attempts: 3 });
}

/** X escapes &, < and > in text. */
function unescape(text: string): string {
  return text.replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");
}

function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
