/**
 * The small HTTP server the daemon serves /healthz, /metrics and webhooks on.
 * Routes are a table, so adding one is one line:
 * `{ "GET /healthz": health, "POST /webhooks/stripe": stripeWebhook }`.
 * The server behind it is hardened against hostile clients: a connection cap,
 * accept errors (a full file table) survived, a body size limit and timeouts.
 */

/** Answers one request; the request's signal aborts when its time is up. */
export type RouteHandler = (req: Request) => Response | Promise<Response>;

/** "METHOD /path" -> handler, e.g. "GET /healthz". Paths match exactly. */
export type Routes = Record<string, RouteHandler>;

export interface ServeLimits {
  /** Connections held open at once; more are answered 503 and closed. */
  maxConnections: number;
  /** Request line plus headers. Larger heads get 431. */
  maxHeaderBytes: number;
  /** Request bodies above this get 413 without being read. */
  maxBodyBytes: number;
  /** Time for a client to send its whole head; idle connections close after it. */
  headerTimeoutMs: number;
  /** Time for the whole exchange: head, body, handler and answer. */
  requestTimeoutMs: number;
}

/** Defaults: enough for a metrics scraper and a webhook sender, not for a flood. */
export const DEFAULT_LIMITS: ServeLimits = {
  maxConnections: 64,
  maxHeaderBytes: 16 * 1024,
  maxBodyBytes: 1024 * 1024,
  headerTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
};

export interface ServeOptions {
  port: number;
  hostname: string;
  routes: Routes;
  limits?: Partial<ServeLimits>;
  /** Told about trouble the server survived (accept errors, handler crashes). */
  onError?: (message: string) => void;
}

export interface HttpServer {
  /** The port bound, useful when 0 asked for any free one. */
  readonly port: number;
  /** Stops accepting, closes every open connection and waits for them. */
  close(): Promise<void>;
}

/** Serves `routes` until closed. The server never throws into its caller's loop. */
export async function serveRoutes(options: ServeOptions): Promise<HttpServer> {
  const { serveOnListener } = await import("./deno_listen.ts");
  return serveOnListener(options);
}

/**
 * Picks the handler for a request: 404 names the paths there are, 405 the
 * methods a path takes. Handler errors become a 500 without their message,
 * which may hold anything.
 */
export function dispatch(routes: Routes, onError?: (message: string) => void): RouteHandler {
  const table = Object.entries(routes).map(([key, handler]) => {
    const [method, path] = key.split(" ");
    return { method, path, handler };
  });
  return async (req) => {
    const path = new URL(req.url).pathname;
    const matches = table.filter((r) => r.path === path);
    if (matches.length === 0) {
      const paths = [...new Set(table.map((r) => r.path))].join(" or ");
      return new Response(`not found: try ${paths}\n`, { status: 404 });
    }
    const route = matches.find((r) => r.method === req.method);
    if (!route) {
      const allow = matches.map((r) => r.method).join(", ");
      return new Response(`method not allowed: use ${allow}\n`, {
        status: 405,
        headers: { allow },
      });
    }
    try {
      return await route.handler(req);
    } catch (error) {
      onError?.(`${req.method} ${path} failed: ${(error as Error).message}`);
      return new Response("internal error\n", { status: 500 });
    }
  };
}
