/**
 * X reads through the runtime's own fetch, signed by our OAuth 1.0a signer.
 * twitter-api-v2 sends through node:https, which costs a few milliseconds of
 * CPU a call under Deno's Node layer, and its signer rebuilds an HMAC and
 * re-encodes every parameter per call; a mention intake reads up to 100 pages
 * in a run, so those costs were most of its time. The errors are still the
 * SDK's own types, read by `call()` as before. Every POST (posts, replies, the
 * upload's chunks) stays on the SDK's path: how its failures read decides
 * whether a post may have gone out.
 */
import type { ITwitterApiClientPlugin, TwitterRateLimit } from "twitter-api-v2";
import { type OAuth1Credentials, oauth1Signer, type Param, percentEncode } from "./_oauth1.ts";

/** The request as the SDK hands it to plugins, before it builds or signs anything. */
interface RequestParams {
  url: string;
  query?: Record<string, unknown>;
  params?: Record<string, unknown>;
  headers?: Record<string, string>;
  timeout?: number;
}

export async function fetchReads(credentials: OAuth1Credentials): Promise<ITwitterApiClientPlugin> {
  const { ApiRequestError, ApiResponseError } = await import("twitter-api-v2");
  const authorize = oauth1Signer(credentials);
  return {
    async onBeforeRequestConfig({ params }) {
      if (params.method !== "GET") return;
      const { base, query } = requestOf(params as RequestParams);
      const search = query.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join("&");
      const headers = {
        ...params.headers,
        // As the SDK sends it: X asks clients to name themselves.
        "x-user-agent": params.headers?.["x-user-agent"] ?? "Node.twitter-api-v2",
        authorization: await authorize("GET", base, query),
      };
      let response: Response;
      let text: string;
      try {
        response = await fetch(search ? `${base}?${search}` : base, {
          headers,
          signal: params.timeout ? AbortSignal.timeout(params.timeout) : undefined,
        });
        text = await response.text();
      } catch (error) {
        // The connection failed or timed out, before or during the body: the SDK's own kind.
        throw new ApiRequestError(`Request failed: ${(error as Error).message}`, {
          requestError: error as Error,
        } as never);
      }
      const received = Object.fromEntries(response.headers);
      const rateLimit = rateLimitOf(received);
      let data: unknown;
      try {
        data = text ? JSON.parse(text) : undefined;
      } catch {
        data = text;
      }
      if (!response.ok) {
        throw new ApiResponseError(`Request failed with code ${response.status}`, {
          code: response.status,
          data,
          headers: received,
          rateLimit,
        } as never);
      }
      return { data, headers: received, rateLimit } as never;
    },
  };
}

/**
 * The URL to sign (scheme, host and path, `:name` segments filled in) and the query, as the SDK
 * builds them: query values as text, undefined ones left out, and any query already in the URL.
 */
function requestOf(params: RequestParams): { base: string; query: Param[] } {
  const url = new URL(params.url.startsWith("http") ? params.url : `https://${params.url}`);
  const fill = params.params;
  if (fill) {
    url.pathname = url.pathname.replace(
      /:([A-Z_-]+)/gi,
      (whole, name: string) => fill[name] === undefined ? whole : String(fill[name]),
    );
  }
  const query: Param[] = [];
  for (const [key, value] of Object.entries(params.query ?? {})) {
    if (value !== undefined) query.push([key, String(value)]);
  }
  query.push(...url.searchParams);
  return { base: url.origin + url.pathname, query };
}

/** The rate limit as the SDK reads it from the same headers. */
function rateLimitOf(h: Record<string, string>): TwitterRateLimit | undefined {
  if (!h["x-rate-limit-limit"]) return undefined;
  const window = (prefix: string) => ({
    limit: Number(h[`${prefix}-limit`]),
    remaining: Number(h[`${prefix}-remaining`]),
    reset: Number(h[`${prefix}-reset`]),
  });
  return {
    ...window("x-rate-limit"),
    ...(h["x-app-limit-24hour-limit"] ? { day: window("x-app-limit-24hour") } : {}),
    ...(h["x-user-limit-24hour-limit"] ? { userDay: window("x-user-limit-24hour") } : {}),
  };
}
