/**
 * "This send never left the machine", judged on the errors the runtime really
 * raises: fetch (Telegram, Discord, reads) and node:http(s) (the X SDK), each
 * against a socket on 127.0.0.1 that fails in one way.
 */
import assert from "node:assert/strict";
import http from "node:http";
import https from "node:https";
import { neverSent } from "./errors.ts";
import { networkReason } from "./network_reason.ts";

/** A port nothing listens on: connections are refused. */
function closedPort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return port;
}

/** A plain TCP server that reads the request, then hangs up (or, with `hold`, never answers). */
function server(hold: boolean) {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const open: Deno.Conn[] = [];
  (async () => {
    for await (const conn of listener) {
      if (hold) open.push(conn);
      else conn.read(new Uint8Array(4096)).catch(() => null).then(() => conn.close());
    }
  })().catch(() => {});
  return {
    port: (listener.addr as Deno.NetAddr).port,
    close() {
      listener.close();
      for (const c of open) c.close();
    },
  };
}

async function fetchError(url: string): Promise<unknown> {
  try {
    const r = await fetch(url, { method: "POST", body: "x", signal: AbortSignal.timeout(500) });
    await r.body?.cancel();
  } catch (error) {
    return error;
  }
  throw new Error(`${url} answered`);
}

function nodeError(url: string): Promise<unknown> {
  return new Promise((resolve) => {
    const request = (url.startsWith("https:") ? https : http).request(url, { method: "POST" });
    // As the X SDK does on its timeout: the request is destroyed with an error of its own.
    request.setTimeout(500, () => request.destroy(new Error("Request timeout")));
    request.on("error", resolve);
    request.on("response", () => resolve(new Error(`${url} answered`)));
    request.end("x");
  });
}

Deno.test("no DNS, a refused connection and a failed TLS handshake mean nothing was sent", async () => {
  const hangsUp = server(false);
  try {
    const cases = {
      dns: "http://no-such-host.invalid/",
      refused: `http://127.0.0.1:${closedPort()}/`,
      // TLS spoken to a plain TCP server: the handshake fails before any request.
      tls: `https://127.0.0.1:${hangsUp.port}/`,
    };
    const words = {
      dns: "the host name did not resolve (DNS)",
      refused: "the connection was refused",
      tls: "the TLS handshake failed",
    };
    for (const [what, url] of Object.entries(cases)) {
      const viaFetch = await fetchError(url);
      assert.ok(neverSent(viaFetch), `fetch, ${what}: ${String((viaFetch as Error).cause)}`);
      const viaNode = await nodeError(url);
      assert.ok(neverSent(viaNode), `node:http, ${what}: ${(viaNode as Error).message}`);
      for (const error of [viaFetch, viaNode]) {
        assert.equal(networkReason(error), words[what as keyof typeof words]);
      }
    }
  } finally {
    hangsUp.close();
  }
});

Deno.test("a connection reset or a timeout after connecting may have sent: not 'never sent'", async () => {
  const hangsUp = server(false);
  const silent = server(true);
  try {
    const cases = {
      reset: `http://127.0.0.1:${hangsUp.port}/`,
      timeout: `http://127.0.0.1:${silent.port}/`,
    };
    const words = {
      reset: "the connection closed before an answer",
      timeout: "no answer in time",
    };
    for (const [what, url] of Object.entries(cases)) {
      const viaFetch = await fetchError(url);
      assert.equal(neverSent(viaFetch), false, `fetch, ${what}: ${String(viaFetch)}`);
      const viaNode = await nodeError(url);
      assert.equal(neverSent(viaNode), false, `node:http, ${what}: ${String(viaNode)}`);
      for (const error of [viaFetch, viaNode]) {
        assert.equal(networkReason(error), words[what as keyof typeof words]);
      }
    }
  } finally {
    hangsUp.close();
    silent.close();
  }
});

Deno.test("never sent is read through the cause chain, and codes win without a message", () => {
  const refused = Object.assign(new Error("connect failed"), { code: "ECONNREFUSED" });
  assert.ok(
    neverSent(new Error("send failed", { cause: new Error("wrapped", { cause: refused }) })),
  );
  const reset = Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
  assert.equal(neverSent(new Error("send failed", { cause: reset })), false);
  assert.equal(neverSent(undefined), false);
});
