/** A front for a JSON fake that rewrites chosen answers: hostile data on the real wire. */

/** Gets the path, its query and the fake's parsed answer; returns the body to send instead. */
export type Rewrite = (path: string, params: URLSearchParams, body: unknown) => unknown;

/** Forwards every request to `goodUrl` and passes each JSON answer through `rewrite`. */
export function startRewritingFront(goodUrl: string, rewrite: Rewrite) {
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, async (request) => {
    const url = new URL(request.url);
    // As proxies do: the host the client asked, for fakes that check signed URLs (X).
    const headers = new Headers(request.headers);
    headers.set("x-forwarded-host", url.host);
    const answer = await fetch(`${goodUrl}${url.pathname}${url.search}`, {
      method: request.method,
      headers,
    });
    const body = await answer.json();
    const answered = new Headers(answer.headers);
    answered.delete("content-length");
    const rewritten = JSON.stringify(rewrite(url.pathname, url.searchParams, body));
    return new Response(rewritten, { status: answer.status, headers: answered });
  });
  return {
    url: `http://127.0.0.1:${server.addr.port}`,
    close: () => server.shutdown(),
  };
}
