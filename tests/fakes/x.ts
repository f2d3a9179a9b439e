/**
 * A fake X API v2 on 127.0.0.1: POST /2/tweets, GET /2/users/me and GET /2/users/:id/tweets,
 * signed with OAuth 1.0a user context (the signature is checked). Bodies and headers follow
 * the recorded responses in tests/fixtures/x/.
 */
import createCassette from "../fixtures/x/create_and_delete_tweet.json" with { type: "json" };
import meCassette from "../fixtures/x/get_me.json" with { type: "json" };
import { failureQueue, type PlatformFake, servePlatformFake } from "./_failures.ts";
import { type XAudienceControl, xAudienceRoutes } from "./x_audience.ts";
import { xMedia } from "./x_media.ts";

export interface XFakeOptions {
  /** Delay before each answer, in ms. Default 0. */
  latencyMs?: number;
  /** Credentials the fake accepts. Defaults: the `TEST_CREDENTIALS` below. */
  credentials?: typeof TEST_CREDENTIALS;
}

export const TEST_CREDENTIALS = {
  appKey: "fake-app-key",
  appSecret: "fake-app-secret",
  accessToken: "1072250532645998596-fakeaccesstoken",
  accessSecret: "fake-access-secret",
};

export interface StoredTweet {
  id: string;
  text: string;
  inReplyTo?: string;
  mediaIds?: string[];
}

export type XFake = PlatformFake<StoredTweet> & {
  audience: XAudienceControl;
  media: ReturnType<typeof xMedia>;
};

const me = meCassette.interactions[0].response.body.data;
const created = createCassette.interactions[0];
const firstId = BigInt((created.response.body.data as { id: string }).id);

export function startXFake(options: XFakeOptions = {}): XFake {
  const credentials = options.credentials ?? TEST_CREDENTIALS;
  const requests: XFake["requests"] = [];
  const posts: StoredTweet[] = [];
  const failures = failureQueue();
  const audience = xAudienceRoutes(me.id, posts, json, failed);
  const media = xMedia();

  function createTweet(body: TweetBody): Response {
    const failure = failures.next();
    if (failure && !failure.afterStore) return failed(failure.status, failure.retryAfterSeconds);
    if (posts.some((post) => post.text === body.text)) {
      return problem(
        403,
        "Forbidden",
        "You are not allowed to create a Tweet with duplicate content.",
      );
    }
    const inReplyTo = body.reply?.in_reply_to_tweet_id;
    if (inReplyTo && !posts.some((post) => post.id === inReplyTo) && !audience.has(inReplyTo)) {
      return problem(400, "Invalid Request", "One or more parameters to your request was invalid.");
    }
    const mediaIds = body.media?.media_ids;
    if (mediaIds?.some((id) => !media.usable(id))) {
      return problem(400, "Invalid Request", "Your media IDs are invalid.");
    }
    const id = String(firstId + BigInt(posts.length));
    const tweet = { id, text: body.text, inReplyTo, ...(mediaIds ? { mediaIds } : {}) };
    posts.push(tweet);
    if (failure) return failed(failure.status);
    return json(201, { data: { id: tweet.id, text: tweet.text } });
  }

  function userTweets(url: URL): Response {
    const max = Number(url.searchParams.get("max_results") ?? 10);
    const fields = url.searchParams.get("tweet.fields")?.split(",") ?? [];
    const data = posts.toReversed().slice(0, max).map((post) => ({
      edit_history_tweet_ids: [post.id],
      id: post.id,
      text: escapeText(post.text),
      ...(fields.includes("referenced_tweets") && post.inReplyTo
        ? { referenced_tweets: [{ type: "replied_to", id: post.inReplyTo }] }
        : {}),
    }));
    if (data.length === 0) return json(200, { meta: { result_count: 0 } });
    const meta = { result_count: data.length, newest_id: data[0].id, oldest_id: data.at(-1)?.id };
    return json(200, { data, meta });
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname.startsWith("/2/media/")) {
      requests.push({ method: request.method, path: url.pathname, body: null });
      if (!(await signedBy(credentials, request, url))) {
        return problem(401, "Unauthorized", "Unauthorized");
      }
      return media.handle(request, url);
    }
    const text = await request.text();
    const body = text ? JSON.parse(text) : null;
    requests.push({ method: request.method, path: url.pathname + url.search, body });
    if (options.latencyMs) await new Promise((done) => setTimeout(done, options.latencyMs));
    if (!(await signedBy(credentials, request, url))) {
      return problem(401, "Unauthorized", "Unauthorized");
    }
    if (request.method === "POST" && url.pathname === "/2/tweets") return createTweet(body);
    if (request.method === "GET" && url.pathname === "/2/users/me") return json(200, { data: me });
    const routed = audience.route(request.method, url.pathname, url);
    if (routed) return routed;
    if (request.method === "GET" && url.pathname === `/2/users/${me.id}/tweets`) {
      return userTweets(url);
    }
    return problem(404, "Not Found Error", `Could not find ${url.pathname}`);
  }

  return {
    ...servePlatformFake(handle, { requests, posts, failures }),
    audience: audience.control,
    media,
  };
}

interface TweetBody {
  text: string;
  reply?: { in_reply_to_tweet_id: string };
  media?: { media_ids: string[] };
}

const STATUS_TITLES: Record<number, string> = {
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

function failed(status: number, retryAfterSeconds = 900): Response {
  if (status !== 429) {
    const title = STATUS_TITLES[status] ?? "Error";
    return problem(status, title, title);
  }
  const reset = Math.ceil(Date.now() / 1000) + retryAfterSeconds;
  return problem(429, "Too Many Requests", "Too Many Requests", { remaining: 0, reset });
}

/** X's problem-detail error body. */
function problem(status: number, title: string, detail: string, limit?: RateLimit): Response {
  const body = { title, detail, type: "about:blank", status };
  return json(status, body, "application/problem+json", limit);
}

interface RateLimit {
  remaining: number;
  reset: number;
}

function json(status: number, body: unknown, type?: string, limit?: RateLimit): Response {
  const recorded = created.response.headers;
  const reset = limit?.reset ?? Math.ceil(Date.now() / 1000) + 900;
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      "api-version": recorded["api-version"][0],
      "content-type": type ?? recorded["content-type"][0],
      "x-rate-limit-limit": recorded["x-rate-limit-limit"][0],
      "x-rate-limit-remaining": String(limit?.remaining ?? 199),
      "x-rate-limit-reset": String(reset),
    },
  });
}

/** The API returns text with &, < and > escaped as HTML entities. */
function escapeText(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/** Checks the OAuth 1.0a HMAC-SHA1 signature (RFC 5849) against the accepted credentials. */
async function signedBy(
  credentials: typeof TEST_CREDENTIALS,
  request: Request,
  url: URL,
): Promise<boolean> {
  const header = request.headers.get("authorization") ?? "";
  if (!header.startsWith("OAuth ")) return false;
  const oauth = new Map(
    [...header.slice(6).matchAll(/(\w+)="([^"]*)"/g)].map(([, k, v]) => [k, decodeURIComponent(v)]),
  );
  if (oauth.get("oauth_consumer_key") !== credentials.appKey) return false;
  if (oauth.get("oauth_token") !== credentials.accessToken) return false;
  const params = [...oauth].filter(([key]) => key !== "oauth_signature");
  params.push(...url.searchParams);
  const normalised = params.map(([k, v]) => [encode(k), encode(v)]).sort(([a, x], [b, y]) =>
    a === b ? (x < y ? -1 : 1) : (a < b ? -1 : 1)
  ).map(([k, v]) => `${k}=${v}`).join("&");
  // Behind a proxy (a test's rewriting front) the client signed the URL it asked for.
  const host = request.headers.get("x-forwarded-host");
  const origin = host ? `${url.protocol}//${host}` : url.origin;
  const base = [request.method, origin + url.pathname, normalised].map(encode).join("&");
  const key = `${encode(credentials.appSecret)}&${encode(credentials.accessSecret)}`;
  const hmacKey = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(key),
    { name: "HMAC", hash: "SHA-1" },
    false,
    ["sign"],
  );
  const mac = await crypto.subtle.sign("HMAC", hmacKey, new TextEncoder().encode(base));
  return btoa(String.fromCharCode(...new Uint8Array(mac))) === oauth.get("oauth_signature");
}

function encode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
