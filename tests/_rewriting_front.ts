/** A front for a JSON fake that rewrites chosen answers: hostile data on the real wire. */

/** Gets the path, its query and the fake's parsed answer; returns the body to send instead. */
export type Rewrite = (path: string, params: URLSearchParams, body: unknown) => unknown;

/** Forwards every request to `goodUrl` and passes each JSON answer through `rewrite`. */
export function startRewritingFront(goodUrl: string, rewrite: Rewrite) {
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, async (request) => {
    const url = new URL(request.url);
    const answer = await fetch(`${goodUrl}${url.pathname}${url.search}`, {
      method: request.method,
      headers: request.headers,
    });
    const body = await answer.json();
    const headers = new Headers(answer.headers);
    headers.delete("content-length");
    const rewritten = JSON.stringify(rewrite(url.pathname, url.searchParams, body));
    return new Response(rewritten, { status: answer.status, headers });
  });
  return {
    url: `http://127.0.0.1:${server.addr.port}`,
    close: () => server.shutdown(),
  };
}
