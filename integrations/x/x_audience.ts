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
import { read } from "./_read.ts";
import { call, connect, type XPublisherOptions } from "./twitter.ts";

const TIMEOUT_MS = 30_000;
/** The most X returns per page of mentions, and per tweets lookup. */
const PAGE = 100;
/** Pages one run reads at most (10,000 mentions); the rest waits for the next run. */
const MAX_PAGES = 100;

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
  let newest: string | null = null;
  let calls = 0;
  let itemsRead = 0;
  const fetchPage = (token: string | undefined) => {
    const query: Record<string, string | number> = {
      max_results: PAGE,
      "tweet.fields": "created_at,author_id,conversation_id,referenced_tweets,in_reply_to_user_id",
      expansions: "author_id",
      "user.fields": "username,name",
      ...(cursor ? { since_id: cursor } : {}),
      ...(token ? { pagination_token: token } : {}),
    };
    const args = { params: { id: me }, timeout: TIMEOUT_MS };
    calls++;
    return read(() => v2.get<MentionsPage>("users/:id/mentions", query, args), opts.signal);
  };
  let next: Promise<MentionsPage> | null = fetchPage(undefined);
  let token: string | undefined;
  for (let page = 0; next; page++) {
    const body = checkedPage(await next);
    newest ??= body.meta?.newest_id ?? null;
    token = body.meta?.next_token;
    // The first run reads one page only: answering months-old mentions would help nobody.
    const more = Boolean(token && cursor) && page + 1 < MAX_PAGES;
    // Pages are chained by their token: the next is asked for before this one is stored.
    next = more ? fetchPage(token) : null;
    next?.catch(() => {}); // awaited on the next turn; a failure there is thrown there
    const users = new Map((body.includes?.users ?? []).map((u) => [u?.id, u]));
    const found: IncomingMessage[] = [];
    for (const tweet of body.data ?? []) {
      itemsRead++;
      const parsed = toMessage(tweet, users, me);
      if (typeof parsed === "string") skipped.push(parsed);
      else if (parsed) found.push(parsed);
    }
    found.sort((a, b) => compareIds(a.externalId, b.externalId));
    if (opts.keep) await opts.keep(found);
    else messages.push(...found);
  }
  // Stopped with pages left: keep the cursor, so the next run reads them again (stored once).
  const complete = !token || !cursor;
  messages.sort((a, b) => compareIds(a.externalId, b.externalId));
  return { messages, skipped, calls, itemsRead, cursor: complete ? newest : null };
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
  return text.replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");
}

function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
