/**
 * X's side of the audience port through twitter-api-v2: mentions of the authenticated account,
 * replies to them, and post metrics read 100 ids per call.
 */
import type { TweetV2, TwitterApiv2, UserV2 } from "twitter-api-v2";
import { cleanLine } from "../../core/clean_text.ts";
import { IntegrationError } from "../../core/errors.ts";
import type { IncomingMessage } from "../../core/vocabulary.ts";
import { isDecimalId, sentAt, textOrNull } from "../audience/_fields.ts";
import type { Inbox, InboxReadOptions, MetricsReader, Replier } from "../audience/mod.ts";
import { measureTweets } from "./x_metrics.ts";
import { backlogRanges, type IdRange } from "./_backlog.ts";
import { read } from "./_read.ts";
import { call, connect, type XPublisherOptions } from "./twitter.ts";

const TIMEOUT_MS = 30_000;
/** The most X returns per page of mentions, and per tweets lookup. */
const PAGE = 100;
/**
 * Pages one run reads at most (10,000 mentions), plus the first page of each range a backlog is
 * split into; the rest waits for the next run.
 */
const MAX_PAGES = 100;

export interface XAudience {
  inbox: Inbox;
  replier: Replier;
  metrics: MetricsReader;
}

interface MentionsPage {
  data?: TweetV2[];
  includes?: { users?: UserV2[] };
  meta?: { newest_id?: string; oldest_id?: string; next_token?: string; result_count?: number };
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
        return await readMentions(v2, me, cursor, opts ?? {});
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
        return await measureTweets(v2, posts, opts?.now ?? Date.now(), opts?.signal);
      },
    },
  };
}

async function readMentions(
  v2: TwitterApiv2,
  me: string,
  cursor: string | null,
  opts: InboxReadOptions,
) {
  const messages: IncomingMessage[] = [];
  const skipped: string[] = [];
  let calls = 0;
  let itemsRead = 0;
  let unread = false;
  // One range failing stops the others: their pages would only be read again next run.
  const stop = new AbortController();
  const onAbort = () => stop.abort(opts.signal?.reason);
  if (opts.signal?.aborted) onAbort();
  opts.signal?.addEventListener("abort", onAbort, { once: true });
  try {
    return await readRanges();
  } finally {
    opts.signal?.removeEventListener("abort", onAbort);
  }

  async function readRanges() {
    const fetchPage = (range: IdRange, token: string | undefined) => {
      const query: Record<string, string | number> = {
        max_results: PAGE,
        "tweet.fields":
          "created_at,author_id,conversation_id,referenced_tweets,in_reply_to_user_id",
        expansions: "author_id",
        "user.fields": "username,name",
        ...(range.since ? { since_id: range.since } : {}),
        ...(range.until ? { until_id: range.until } : {}),
        ...(token ? { pagination_token: token } : {}),
      };
      const args = { params: { id: me }, timeout: TIMEOUT_MS };
      calls++;
      if (opts.usage) opts.usage.calls++;
      return read(() => v2.get<MentionsPage>("users/:id/mentions", query, args), stop.signal);
    };
    // Pages from several ranges arrive at once; they are handed over one at a time.
    let handing = Promise.resolve();
    const take = (body: MentionsPage) => {
      const users = new Map((body.includes?.users ?? []).map((u) => [u?.id, u]));
      const found: IncomingMessage[] = [];
      for (const tweet of body.data ?? []) {
        itemsRead++;
        if (opts.usage) opts.usage.itemsRead++;
        const parsed = toMessage(tweet, users, me);
        if (typeof parsed === "string") skipped.push(parsed);
        else if (parsed) found.push(parsed);
      }
      found.sort((a, b) => compareIds(a.externalId, b.externalId));
      if (!opts.keep) return void messages.push(...found);
      const keep = opts.keep;
      return handing = handing.then(() => keep(found));
    };
    // Pages of one range are chained by their token: the next is asked for before this one is
    // handed over.
    const readRange = async (range: IdRange, first: Promise<MentionsPage>) => {
      let next: Promise<MentionsPage> | null = first;
      while (next) {
        const body = checkedPage(await next);
        const token = body.meta?.next_token;
        next = token && pagesLeft-- > 0 ? fetchPage(range, token) : null;
        if (token && !next) unread = true;
        next?.catch(() => {}); // awaited on the next turn; a failure there is thrown there
        await take(body);
      }
    };

    let pagesLeft = MAX_PAGES - 1;
    const head = checkedPage(await fetchPage({ since: cursor, until: null }, undefined));
    const newest = head.meta?.newest_id ?? null;
    const oldest = head.meta?.oldest_id;
    if (!cursor || !head.meta?.next_token || !newest || !oldest) {
      // The first run reads one page only: answering months-old mentions would help nobody.
      if (head.meta?.next_token && cursor) unread = true;
      await take(head);
    } else {
      // A backlog: what is older than the first page is read as several ranges at once, each its
      // own chain of pages, instead of one chain of up to 100 round trips.
      // Each range's first page comes on top of the cap: a split costs one partial page a range.
      const ranges = backlogRanges(cursor, oldest, newest, pagesLeft);
      const reads = ranges.map((range) =>
        readRange(range, fetchPage(range, undefined)).catch((error) => {
          stop.abort(error);
          throw error;
        })
      );
      // Every range is let settle before a failure is thrown: none hands pages over afterwards.
      const settled = await Promise.allSettled([take(head), ...reads]);
      const failed = settled.find((r): r is PromiseRejectedResult => r.status === "rejected");
      // The first failure, not the aborts it caused in the other ranges.
      if (failed) throw stop.signal.reason ?? failed.reason;
    }
    await handing;
    messages.sort((a, b) => compareIds(a.externalId, b.externalId));
    // Stopped with pages left: keep the cursor, so the next run reads them again (stored once).
    return { messages, skipped, calls, itemsRead, cursor: unread ? null : newest };
  }
}

/**
 * The page when it has the shape X gives (lists where lists belong); ids and
 * tokens that are not X's are dropped, so they never become the cursor.
 */
function checkedPage(body: unknown): MentionsPage {
  const page = body as MentionsPage | null;
  const lists = [page?.data, page?.includes?.users].every((l) =>
    l === undefined || Array.isArray(l)
  );
  if (typeof page !== "object" || page === null || !lists) {
    throw new IntegrationError("x", 502, "the mentions page is not shaped as X sends it");
  }
  const meta = page.meta;
  return {
    ...page,
    meta: {
      newest_id: isDecimalId(meta?.newest_id) ? meta.newest_id : undefined,
      oldest_id: isDecimalId(meta?.oldest_id) ? meta.oldest_id : undefined,
      next_token: typeof meta?.next_token === "string" && meta.next_token.length <= 200
        ? meta.next_token
        : undefined,
    },
  };
}

/** A mention as a message; null for our own posts; a string says why it was unreadable. */
function toMessage(
  tweet: TweetV2,
  users: Map<string, UserV2>,
  me: string,
): IncomingMessage | string | null {
  if (!isDecimalId(tweet?.id) || typeof tweet.text !== "string" || !isDecimalId(tweet.author_id)) {
    return `mention ${cleanLine(String(tweet?.id ?? "?"), 30)} lacks an id, text or author`;
  }
  if (tweet.author_id === me) return null;
  const user = users.get(tweet.author_id);
  const replied = Array.isArray(tweet.referenced_tweets)
    ? tweet.referenced_tweets.find((r) => r?.type === "replied_to" && isDecimalId(r.id))
    : undefined;
  const repliedTo = replied?.id ?? null;
  return {
    platform: "x",
    externalId: tweet.id,
    kind: repliedTo && tweet.in_reply_to_user_id === me ? "reply" : "mention",
    author: {
      platform: "x",
      externalId: tweet.author_id,
      handle: textOrNull(user?.username),
      displayName: textOrNull(user?.name),
      isBot: false,
    },
    text: unescape(tweet.text),
    sentAt: sentAt(Date.parse(textOrNull(tweet.created_at) ?? "")),
    inReplyToPostId: repliedTo,
    conversationId: isDecimalId(tweet.conversation_id) ? tweet.conversation_id : null,
  };
}

/** X escapes &, < and > in text. */
function unescape(text: string): string {
  if (!text.includes("&")) return text;
  return text.replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");
}

function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
