/**
 * The Deno adapter: an accept loop on Deno.listen, because Deno.serve stops
 * for good on its first accept error ("Too many open files" from a flood of
 * idle connections) and gives no way to cap connections.
 */
import {
  DEFAULT_LIMITS,
  dispatch,
  type HttpServer,
  type ServeLimits,
  type ServeOptions,
} from "./mod.ts";
import { readBody, readHead, WireError, writeResponse } from "./_wire.ts";
import { UsageError } from "../../core/errors.ts";

/** Wait after an accept error, doubling up to the cap while the errors go on. */
const ACCEPT_BACKOFF_MS = [10, 1_000] as const;

export function serveOnListener(options: ServeOptions): HttpServer {
  const limits: ServeLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const onError = options.onError ?? (() => {});
  const handler = dispatch(options.routes, onError);
  const listener = listenOrExplain(options.port, options.hostname);
  const open = new Set<Deno.Conn>();
  const pending = new Set<Promise<void>>();
  let closing = false;

  const track = (p: Promise<void>) => {
    pending.add(p);
    p.finally(() => pending.delete(p));
  };
  const loop = (async () => {
    let backoff: number = ACCEPT_BACKOFF_MS[0];
    while (!closing) {
      let conn: Deno.Conn;
      try {
        conn = await listener.accept();
        backoff = ACCEPT_BACKOFF_MS[0];
      } catch (error) {
        if (closing) break;
        onError(`accept failed, serving on after ${backoff} ms: ${(error as Error).message}`);
        await new Promise((r) => setTimeout(r, backoff));
        backoff = Math.min(backoff * 2, ACCEPT_BACKOFF_MS[1]);
        continue;
      }
      if (open.size >= limits.maxConnections) {
        track(refuse(conn));
        continue;
      }
      open.add(conn);
      track(serveOne(conn, handler, limits, options).finally(() => open.delete(conn)));
    }
  })();

  return {
    port: (listener.addr as Deno.NetAddr).port,
    close: async () => {
      closing = true;
      listener.close();
      for (const conn of open) closeQuietly(conn);
      await loop;
      await Promise.allSettled([...pending]);
    },
  };
}

/** Over the cap: a short 503 (it fits any socket buffer, so it never waits) and goodbye. */
async function refuse(conn: Deno.Conn): Promise<void> {
  try {
    await writeResponse(conn, busy());
  } catch { /* the client is gone: nothing to tell it */ }
  closeQuietly(conn);
}

async function serveOne(
  conn: Deno.Conn,
  handler: (req: Request) => Promise<Response> | Response,
  limits: ServeLimits,
  options: ServeOptions,
): Promise<void> {
  // Closing the connection is what ends a stalled read: the timers do just that.
  const abort = new AbortController();
  const headTimer = setTimeout(() => closeQuietly(conn), limits.headerTimeoutMs);
  const allTimer = setTimeout(() => {
    abort.abort(new DOMException("request timed out", "TimeoutError"));
    closeQuietly(conn);
  }, limits.requestTimeoutMs);
  try {
    const head = await readHead(conn, limits);
    clearTimeout(headTimer);
    if (!head) return;
    const body = await readBody(conn, head, limits);
    const url = `http://${options.hostname}:${(conn.localAddr as Deno.NetAddr).port}${head.target}`;
    const req = new Request(url, {
      method: head.method,
      headers: head.headers,
      body: head.method === "GET" || head.method === "HEAD" ? null : body,
      signal: abort.signal,
    });
    await writeResponse(conn, await handler(req), head.method === "HEAD");
  } catch (error) {
    if (error instanceof WireError) await answerQuietly(conn, error);
    // Anything else is the connection failing or timing out: closing it is all there is to do.
  } finally {
    clearTimeout(headTimer);
    clearTimeout(allTimer);
    closeQuietly(conn);
  }
}

async function answerQuietly(conn: Deno.Conn, error: WireError): Promise<void> {
  try {
    await writeResponse(conn, new Response(`${error.message}\n`, { status: error.status }));
  } catch { /* the client is gone */ }
}

function busy(): Response {
  return new Response("busy: too many connections, try again shortly\n", {
    status: 503,
    headers: { "retry-after": "1" },
  });
}

function closeQuietly(conn: Deno.Conn): void {
  try {
    conn.close();
  } catch { /* already closed */ }
}

/** Deno.listen, with the OS's refusals turned into a line that names the port and the fix. */
function listenOrExplain(port: number, hostname: string): Deno.Listener {
  const where = `${hostname}:${port}`;
  try {
    return Deno.listen({ port, hostname });
  } catch (error) {
    if (error instanceof Deno.errors.AddrInUse) {
      throw new UsageError(
        `Cannot listen on ${where}: the port is in use. Pick another with --port, ` +
          `or stop the process holding it.`,
      );
    }
    if (error instanceof Deno.errors.PermissionDenied) {
      throw new UsageError(
        `Cannot listen on ${where}: permission denied (ports below 1024 need privileges); ` +
          `pick a port above 1024 with --port.`,
      );
    }
    if (error instanceof Deno.errors.AddrNotAvailable) {
      throw new UsageError(`Cannot listen on ${where}: no such address on this machine (--host).`);
    }
    throw error;
  }
}
