/** Publishes to X through twitter-api-v2, signed with OAuth 1.0a user context. */
import type {
  ApiResponseError,
  IClientSettings,
  ITwitterApiClientPlugin,
  TweetV2,
  TweetV2PostTweetResult,
  TweetV2UserTimelineResult,
  TwitterApiv2,
  UserV2Result,
} from "twitter-api-v2";
import { IntegrationError, NetworkError, sendFailure, translateErrors } from "../../core/errors.ts";
import { withRetry } from "../../core/retry.ts";
import type { Picture } from "../../core/vocabulary.ts";
import {
  MediaUploadError,
  type OutgoingPost,
  type PostRef,
  type Publisher,
} from "../publish/mod.ts";
import { type PartToSend, sendParts, type SentPart } from "../publish/send_parts.ts";
import { uploadPicture } from "./media.ts";
import { fetchReads } from "./_fetch_reads.ts";

export interface XPublisherOptions {
  appKey: string;
  appSecret: string;
  accessToken: string;
  accessSecret: string;
  /** Where the API lives. Default https://api.x.com; tests point it at a fake. */
  baseUrl?: string;
}

/** The SDK has no timeout of its own: without one a stalled connection hangs a run. */
const TIMEOUT_MS = 30_000;
/** How many recent posts lookup() reads: far more than a day of ours. */
const LOOKUP_DEPTH = 50;

/**
 * A Publisher for X. Threads go out as a chain of replies; `externalId` is the first post.
 * lookup() reads the account's recent posts and matches the parts' text, following the reply
 * chain; a ref with fewer `partIds` than parts means the thread stopped midway.
 */
export function createXPublisher(options: XPublisherOptions): Publisher {
  for (const name of ["appKey", "appSecret", "accessToken", "accessSecret"] as const) {
    if (!options[name]) throw new TypeError(`Cannot create the X publisher: ${name} is empty`);
  }
  let client: Promise<TwitterApiv2> | undefined;
  const api = () => client ??= connect(options);

  return {
    platform: "x",
    async publish(post, opts) {
      const v2 = await api();
      const mediaId = post.image ? await upload(v2, post.image, opts?.signal) : undefined;
      const send = async ({ text, previous, index }: PartToSend): Promise<SentPart> => {
        const body = {
          text,
          ...(previous ? { reply: { in_reply_to_tweet_id: previous.id } } : {}),
          ...(index === 0 && mediaId ? { media: { media_ids: [mediaId] } } : {}),
        };
        const args = { timeout: TIMEOUT_MS };
        const created = await call(() => v2.post<TweetV2PostTweetResult>("tweets", body, args));
        return { id: created.data.id, url: statusUrl(created.data.id) };
      };
      const sent = await sendParts("x", post, send, opts?.signal);
      return toRef(sent.map((part) => part.id));
    },
    async lookup(post, opts) {
      const v2 = await api();
      // Reads change nothing, so every transient failure is worth another try.
      const read = <T>(fn: () => Promise<T>) => withRetry(() => call(fn), { signal: opts?.signal });
      const me = await read(() =>
        v2.get<UserV2Result>("users/me", undefined, { timeout: TIMEOUT_MS })
      );
      const query = { max_results: LOOKUP_DEPTH, "tweet.fields": "referenced_tweets" };
      const args = { params: { id: me.data.id }, timeout: TIMEOUT_MS };
      const timeline = await read(() =>
        v2.get<TweetV2UserTimelineResult>("users/:id/tweets", query, args)
      );
      return findThread(post, timeline.data ?? []);
    },
  };
}

/** Retries freely (an upload posts nothing); a failure means the post was not sent. */
async function upload(v2: TwitterApiv2, image: Picture, signal?: AbortSignal): Promise<string> {
  try {
    return await withRetry(() => call(() => uploadPicture(v2, image, TIMEOUT_MS)), { signal });
  } catch (error) {
    // A rate limit is X saying "not now", and an upload that never left the machine is the
    // network's fault: either way the caller defers the post rather than count a failure.
    if (error instanceof IntegrationError && error.status === 429) throw error;
    if (error instanceof NetworkError && error.unsent) throw error;
    throw new MediaUploadError("x", error);
  }
}

export async function connect(options: XPublisherOptions): Promise<TwitterApiv2> {
  const { TwitterApi } = await import("twitter-api-v2");
  const { appKey, appSecret, accessToken, accessSecret } = options;
  const settings = options.baseUrl ? await pointAt(options.baseUrl) : {};
  // After the base URL's rewrite: reads go out by fetch to wherever it points.
  const plugins = [...(settings.plugins ?? []), await fetchReads()];
  return new TwitterApi({ appKey, appSecret, accessToken, accessSecret }, {
    ...settings,
    plugins,
  }).v2;
}

/** The SDK's API roots are constants, so a plugin rewrites each URL before it is signed. */
async function pointAt(baseUrl: string): Promise<Partial<IClientSettings>> {
  const base = baseUrl.replace(/\/+$/, "");
  const rewrite: ITwitterApiClientPlugin = {
    onBeforeRequestConfig({ params }) {
      params.url = params.url.replace(/^https:\/\/api\.(?:x|twitter)\.com\//, `${base}/`);
    },
  };
  if (!base.startsWith("http:")) return { plugins: [rewrite] };
  // The SDK sends through node:https, which needs an http agent to speak plain http. The
  // global one keeps connections alive, as the default https agent does against X itself.
  const { globalAgent } = await import("node:http");
  return { plugins: [rewrite], httpAgent: globalAgent };
}

function findThread(post: OutgoingPost, tweets: TweetV2[]): PostRef | null {
  const ids: string[] = [];
  for (const part of post.parts) {
    // Newest first, so a text we also posted long ago matches this send, not that one.
    const match = tweets.find((tweet) =>
      sameText(tweet.text, part) && repliedTo(tweet) === ids.at(-1)
    );
    if (!match) break;
    ids.push(match.id);
  }
  return ids.length > 0 ? toRef(ids) : null;
}

function repliedTo(tweet: TweetV2): string | undefined {
  return tweet.referenced_tweets?.find((ref) => ref.type === "replied_to")?.id;
}

/** X returns text with &, < and > as entities and every link rewritten to t.co. */
function sameText(published: string, ours: string): boolean {
  const normalise = (text: string) =>
    text.replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&")
      .replace(/https?:\/\/\S+/g, "<link>").trim();
  return normalise(published) === normalise(ours);
}

function toRef(ids: string[]): PostRef {
  return { platform: "x", externalId: ids[0], url: statusUrl(ids[0]), partIds: ids };
}

function statusUrl(id: string): string {
  return `https://x.com/i/status/${id}`;
}

export function call<T>(fn: () => Promise<T>): Promise<T> {
  return translateErrors(fn, toServiceError);
}

/** The SDK tags its errors with `type`: the API answered, or the request failed on the way. */
function toServiceError(error: unknown): unknown {
  if (!(error instanceof Error) || !("type" in error)) return error;
  if (error.type === "response") {
    const { code, data } = error as ApiResponseError;
    const hint = code === 401
      ? " (check the app key and secret and the access token and secret)"
      : "";
    const wait = code === 429 ? retryAfterMs(error as ApiResponseError) : undefined;
    return new IntegrationError("x", code, describe(data) + hint, wait);
  }
  // The SDK stores the socket's error as `_options.error` but reads it back as
  // `requestError`, which is then undefined: look in both places.
  const stored = (error as { _options?: { error?: unknown } })._options?.error;
  const cause = ("requestError" in error ? error.requestError : undefined) ?? stored ?? error;
  const reason = cause instanceof Error ? cause.message : error.message;
  return sendFailure("x", reason, cause, "post");
}

/**
 * X says when its window resets, in epoch seconds. A spent 24-hour posting allowance has a
 * reset of its own, often hours away, which wins over the 15-minute window.
 */
function retryAfterMs(error: ApiResponseError): number {
  const headers = error.headers ?? {};
  const window = error.rateLimit?.reset ?? Number(headers["x-rate-limit-reset"]);
  const daily = headers["x-user-limit-24hour-remaining"] === "0"
    ? Number(headers["x-user-limit-24hour-reset"])
    : 0;
  const resetAt = Math.max(
    Number.isFinite(window) ? window : 0,
    Number.isFinite(daily) ? daily : 0,
  );
  // At least a second: a reset already past (clock skew) must not become a busy loop.
  return Math.max(1000, resetAt * 1000 - Date.now());
}

function describe(data: unknown): string {
  if (typeof data !== "object" || data === null) return "no details given";
  const body = data as { title?: unknown; detail?: unknown; errors?: Array<{ message?: unknown }> };
  if (typeof body.detail === "string") return body.detail;
  const first = body.errors?.[0]?.message;
  if (typeof first === "string") return first;
  return typeof body.title === "string" ? body.title : "no details given";
}
