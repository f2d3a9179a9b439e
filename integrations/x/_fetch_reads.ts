/**
 * X reads through the runtime's own fetch. twitter-api-v2 sends through
 * node:https, which costs a few milliseconds of CPU a call under Deno's Node
 * layer; a mention intake reads up to 100 pages in a chain, so that cost was
 * most of its time. The SDK still builds and signs each request (OAuth 1.0a)
 * and the errors are its own types, read by `call()` as before. Every POST
 * (posts, replies, the upload's chunks) stays on the SDK's path: how its
 * failures read decides whether a post may have gone out.
 */
import type { ITwitterApiClientPlugin, TwitterRateLimit } from "twitter-api-v2";

/** What the SDK's request maker exposes for signing, typed here because it is not exported. */
interface Signer {
  getHttpRequestArgs(params: unknown): { url: URL; headers: Record<string, string> };
}

export async function fetchReads(): Promise<ITwitterApiClientPlugin> {
  const { ApiRequestError, ApiResponseError } = await import("twitter-api-v2");
  return {
    async onBeforeRequestConfig({ client, params }) {
      if (params.method !== "GET") return;
      const { url, headers } = (client as unknown as Signer).getHttpRequestArgs(params);
      let response: Response;
      let text: string;
      try {
        response = await fetch(url, {
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
