/**
 * The X fake's audience routes: GET /2/users/:id/mentions (since_id, until_id,
 * pagination_token, expansions=author_id) and GET /2/tweets?ids= with public_metrics and non_public_metrics,
 * answering unknown or deleted ids in `errors` as X does. Shapes follow the v2 API reference.
 */
import type { StoredTweet } from "./x.ts";

export interface FakeMention {
  id: string;
  text: string;
  authorId: string;
  username: string;
  inReplyTo?: string;
  createdAt?: string;
}

type Respond = (status: number, body: unknown) => Response;
type Fail = (status: number, retryAfterSeconds?: number) => Response;

export function xAudienceRoutes(me: string, posts: StoredTweet[], json: Respond, failed: Fail) {
  const mentions: Array<FakeMention | Record<string, unknown>> = [];
  const metrics = new Map<string, Record<string, number>>();
  const deleted = new Set<string>();
  const readFailures: Array<{ status: number; retryAfterSeconds?: number }> = [];
  /** Mention listings still to answer before one fails (failMentionsAfter). */
  let mentionsBeforeFailure: { left: number; status: number } | null = null;
  // Posts the mention listings have returned: what X bills for reading them.
  let mentionsServed = 0;
  let nextId = 1_880_000_000_000_000_000n;

  // The mentions between a since_id and an until_id (both exclusive, as X reads them), newest
  // first, kept while nothing is added, so that paging through 10,000 costs the fake one filter
  // rather than one per page.
  const lists = new Map<string, { count: number; newer: typeof mentions }>();
  function between(since: string | null, until: string | null) {
    const key = `${since}:${until}`;
    const kept = lists.get(key);
    if (kept?.count === mentions.length) return kept.newer;
    // Ids are decimal strings of one kind: longer is larger, then text order decides.
    const newer = mentions.filter((m) => {
      const id = String(m.id ?? "");
      return (!since || compareIds(id, since) > 0) && (!until || compareIds(id, until) < 0);
    }).reverse();
    lists.set(key, { count: mentions.length, newer });
    return newer;
  }

  function listMentions(url: URL): Response {
    const since = url.searchParams.get("since_id");
    const until = url.searchParams.get("until_id");
    const max = Number(url.searchParams.get("max_results") ?? 10);
    const start = Number(url.searchParams.get("pagination_token") ?? 0);
    const newer = between(since, until);
    const page = newer.slice(start, start + max);
    if (!page.length) return json(200, { meta: { result_count: 0 } });
    const data = page.map((m) => "authorId" in m ? toTweet(m as FakeMention) : m);
    const users = [...new Map(
      page.filter((m) => "authorId" in m).map((m) => {
        const f = m as FakeMention;
        return [f.authorId, { id: f.authorId, name: f.username, username: f.username }];
      }),
    ).values()];
    const next = start + max < newer.length ? { next_token: String(start + max) } : {};
    mentionsServed += data.length;
    const meta = {
      result_count: data.length,
      newest_id: String(newer[0].id),
      oldest_id: String(page.at(-1)!.id),
      ...next,
    };
    return json(200, { data, includes: { users }, meta });
  }

  function lookup(url: URL): Response {
    const ids = (url.searchParams.get("ids") ?? "").split(",").filter(Boolean);
    if (ids.length > 100) {
      return json(400, { title: "Invalid Request", detail: "ids: at most 100" });
    }
    const priv = (url.searchParams.get("tweet.fields") ?? "").includes("non_public_metrics");
    const known = (id: string) =>
      !deleted.has(id) && (metrics.has(id) || posts.some((p) => p.id === id));
    const data = ids.filter(known).map((id) => ({
      id,
      text: posts.find((p) => p.id === id)?.text ?? "",
      edit_history_tweet_ids: [id],
      public_metrics: publicOf(metrics.get(id)),
      ...(priv ? { non_public_metrics: privateOf(metrics.get(id)) } : {}),
    }));
    const errors = ids.filter((id) => !known(id)).map((id) => ({
      value: id,
      detail: `Could not find tweet with ids: [${id}].`,
      title: "Not Found Error",
      resource_type: "tweet",
      parameter: "ids",
      resource_id: id,
      type: "https://api.twitter.com/2/problems/resource-not-found",
    }));
    return json(200, { ...(data.length ? { data } : {}), ...(errors.length ? { errors } : {}) });
  }

  function toTweet(m: FakeMention) {
    return {
      id: m.id,
      text: m.text,
      author_id: m.authorId,
      created_at: m.createdAt ?? new Date().toISOString(),
      conversation_id: m.inReplyTo ?? m.id,
      edit_history_tweet_ids: [m.id],
      ...(m.inReplyTo
        ? { in_reply_to_user_id: me, referenced_tweets: [{ type: "replied_to", id: m.inReplyTo }] }
        : {}),
    };
  }

  return {
    /** Answers the audience routes; null for anything else. */
    route(method: string, path: string, url: URL): Response | null {
      if (method !== "GET") return null;
      const isMentions = path === `/2/users/${me}/mentions`;
      if (!isMentions && path !== "/2/tweets") return null;
      const failure = readFailures.shift();
      if (failure) return failed(failure.status, failure.retryAfterSeconds);
      if (isMentions && mentionsBeforeFailure && mentionsBeforeFailure.left-- <= 0) {
        return failed(mentionsBeforeFailure.status);
      }
      return isMentions ? listMentions(url) : lookup(url);
    },
    /** Whether a reply may point at this id. */
    has: (id: string) => mentions.some((m) => m.id === id),
    control: {
      mentions,
      /** Adds a mention (newest last); returns its id. */
      mention(m: Omit<FakeMention, "id"> & { id?: string }): string {
        const id = m.id ?? String(nextId++);
        // Written now, as on X: not when a page happens to list it.
        mentions.push({ createdAt: new Date().toISOString(), ...m, id });
        return id;
      },
      /** A mention exactly as given, however malformed. */
      mentionRaw(raw: Record<string, unknown>): void {
        mentions.push(raw);
      },
      setMetrics(id: string, figures: Record<string, number>): void {
        metrics.set(id, figures);
      },
      delete(id: string): void {
        deleted.add(id);
      },
      /** The next `n` reads answer `status` (429s with x-rate-limit-reset that far ahead). */
      failReadsNext(n: number, status: number, retryAfterSeconds?: number): void {
        for (let i = 0; i < n; i++) readFailures.push({ status, retryAfterSeconds });
      },
      /** Answers `n` more mention listings, then fails every one after with `status`. */
      failMentionsAfter(n: number, status: number): void {
        mentionsBeforeFailure = { left: n, status };
      },
      /** Posts returned by mention listings so far. */
      mentionsServed: () => mentionsServed,
    },
  };
}

export type XAudienceControl = ReturnType<typeof xAudienceRoutes>["control"];

function publicOf(f: Record<string, number> = {}) {
  return {
    retweet_count: f.retweet_count ?? 0,
    reply_count: f.reply_count ?? 0,
    like_count: f.like_count ?? 0,
    quote_count: f.quote_count ?? 0,
    bookmark_count: f.bookmark_count ?? 0,
    impression_count: f.impression_count ?? 0,
  };
}

function privateOf(f: Record<string, number> = {}) {
  return {
    impression_count: f.impression_count ?? 0,
    url_link_clicks: f.url_link_clicks ?? 0,
    user_profile_clicks: f.user_profile_clicks ?? 0,
  };
}

function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
