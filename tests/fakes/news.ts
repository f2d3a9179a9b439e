/**
 * A fake of the news services on 127.0.0.1: RSS and Atom feeds, NewsAPI's
 * `/v2/everything` and alternative.me's `/fng/`, answering with the fixtures in
 * tests/fixtures/news/ in their real wire formats.
 */

/** Paths of the feeds the fake serves. */
export const FEED_PATHS = {
  chainLedger: "/feeds/chainledger.xml",
  blockWire: "/feeds/blockwire.xml",
  satoshiStreet: "/feeds/satoshistreet.atom",
  /** 200 with an HTML page, as when a CDN puts up a challenge. */
  notAFeed: "/feeds/broken.html",
  /** Always 500. */
  serverError: "/feeds/down.xml",
} as const;

/** The only key the fake NewsAPI accepts, unless `apiKey` says otherwise. */
export const FAKE_NEWSAPI_KEY = "fake-newsapi-key-5f3a9c";

export interface FakeNewsOptions {
  /** Delay before every answer. Default 0. */
  latencyMs?: number;
  apiKey?: string;
}

export interface RecordedRequest {
  method: string;
  /** Path and query string. */
  path: string;
  body: string;
  headers: Headers;
}

export interface FakeNews {
  url: string;
  requests: RecordedRequest[];
  /** Delay before every answer; may be changed while running. */
  latencyMs: number;
  /** The next `n` requests to `path` (no query) answer `status`, with Retry-After if given. */
  failNext(path: string, n: number, status: number, retryAfterSeconds?: number): void;
  /**
   * From now on `path` answers 200 with this body: text, or a function making
   * a fresh stream per request (for bodies too large to hold).
   */
  serve(path: string, body: string | (() => ReadableStream<Uint8Array>), type: string): void;
  close(): Promise<void>;
}

const FIXTURES = new URL("../fixtures/news/", import.meta.url);

const XML_FILES: Record<string, [string, string]> = {
  [FEED_PATHS.chainLedger]: ["chainledger_rss.xml", "application/rss+xml; charset=utf-8"],
  [FEED_PATHS.blockWire]: ["blockwire_rss.xml", "application/rss+xml; charset=UTF-8"],
  [FEED_PATHS.satoshiStreet]: ["satoshistreet_atom.xml", "application/atom+xml; charset=utf-8"],
  [FEED_PATHS.notAFeed]: ["not_a_feed.html", "text/html; charset=utf-8"],
};

// NewsAPI's documented error codes for the statuses a test is likely to ask for.
const NEWSAPI_ERRORS: Record<number, [string, string]> = {
  400: [
    "parameterInvalid",
    "You've included a parameter in your request which is currently not supported.",
  ],
  401: [
    "apiKeyInvalid",
    "Your API key is invalid or incorrect. Check your key, or go to https://newsapi.org to create a free API key.",
  ],
  429: [
    "rateLimited",
    "You have made too many requests recently. Developer accounts are limited to 100 requests over a 24 hour period (50 requests available every 12 hours). Please upgrade to a paid plan if you need more requests.",
  ],
  500: [
    "unexpectedError",
    "This shouldn't happen, and if it does then it's our fault, not yours. Try the request again shortly.",
  ],
};

/** Starts the fake; close it at the end of the test. */
export async function startFakeNews(options: FakeNewsOptions = {}): Promise<FakeNews> {
  const apiKey = options.apiKey ?? FAKE_NEWSAPI_KEY;
  const files = new Map<string, string>();
  for (
    const name of [
      ...Object.values(XML_FILES).map(([file]) => file),
      "newsapi_everything.json",
      "fng_latest.json",
    ]
  ) {
    files.set(name, await Deno.readTextFile(new URL(name, FIXTURES)));
  }
  const failures = new Map<string, { left: number; status: number; retryAfter?: number }>();
  const overrides = new Map<string, [string | (() => ReadableStream<Uint8Array>), string]>();

  const fake: FakeNews = {
    url: "",
    requests: [],
    latencyMs: options.latencyMs ?? 0,
    failNext(path, n, status, retryAfterSeconds) {
      failures.set(path, { left: n, status, retryAfter: retryAfterSeconds });
    },
    serve(path, body, type) {
      overrides.set(path, [body, type]);
    },
    close: async () => {
      await server.shutdown();
    },
  };

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    fake.requests.push({
      method: request.method,
      path: url.pathname + url.search,
      body: await request.text(),
      headers: request.headers,
    });
    if (fake.latencyMs > 0) await new Promise((ok) => setTimeout(ok, fake.latencyMs));
    const failure = failures.get(url.pathname);
    if (failure && failure.left > 0) {
      failure.left--;
      return failed(url.pathname, failure.status, failure.retryAfter);
    }
    const given = overrides.get(url.pathname);
    if (given) {
      const body = typeof given[0] === "string" ? given[0] : given[0]();
      return new Response(body, { headers: { "content-type": given[1] } });
    }
    if (url.pathname === "/v2/everything") return everything(request, url);
    if (url.pathname === "/fng/") return json(200, files.get("fng_latest.json")!);
    if (url.pathname === FEED_PATHS.serverError) return failed(url.pathname, 500);
    const served = XML_FILES[url.pathname];
    if (served) return text(200, files.get(served[0])!, served[1]);
    return text(404, "Not Found", "text/plain");
  }

  function everything(request: Request, url: URL): Response {
    const given = request.headers.get("x-api-key") ?? url.searchParams.get("apiKey");
    if (!given) {
      return newsApiError(
        401,
        "apiKeyMissing",
        "Your API key is missing. Append this to the URL with the apiKey param, or use the x-api-key HTTP header.",
      );
    }
    if (given !== apiKey) return failed(url.pathname, 401);
    if (!url.searchParams.get("q")) {
      return newsApiError(
        400,
        "parametersMissing",
        "Required parameters are missing, the scope of your search is too broad. Please set any of the following required parameters and try again: q, qInTitle, sources, domains.",
      );
    }
    return json(200, files.get("newsapi_everything.json")!);
  }

  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen: () => {} },
    handle,
  );
  fake.url = `http://127.0.0.1:${server.addr.port}`;
  return fake;
}

function failed(path: string, status: number, retryAfter?: number): Response {
  const headers: Record<string, string> = {};
  if (retryAfter !== undefined) headers["retry-after"] = String(retryAfter);
  if (path === "/v2/everything") {
    const [code, message] = NEWSAPI_ERRORS[status] ?? NEWSAPI_ERRORS[500];
    return newsApiError(status, code, message, headers);
  }
  if (path === "/fng/") {
    return new Response(`{"message":"Service Unavailable"}`, {
      status,
      headers: { ...headers, "content-type": "application/json" },
    });
  }
  const page =
    `<html><head><title>${status} Error</title></head><body><h1>${status} Error</h1><p>The server could not complete the request.</p></body></html>`;
  return new Response(page, { status, headers: { ...headers, "content-type": "text/html" } });
}

function newsApiError(
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): Response {
  const body = JSON.stringify({ status: "error", code, message });
  return new Response(body, {
    status,
    headers: { ...headers, "content-type": "application/json; charset=utf-8" },
  });
}

function json(status: number, body: string): Response {
  return text(status, body, "application/json; charset=utf-8");
}

function text(status: number, body: string, type: string): Response {
  return new Response(body, { status, headers: { "content-type": type } });
}
