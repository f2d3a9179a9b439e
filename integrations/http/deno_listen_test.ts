import assert from "node:assert/strict";
import { type HttpServer, type ServeLimits, serveRoutes } from "./mod.ts";

const routes = {
  "GET /hello": () => new Response("hi\n"),
  "POST /echo": async (req: Request) => new Response(await req.text()),
  "GET /boom": () => {
    throw new Error("secret detail");
  },
};

async function withServer(
  limits: Partial<ServeLimits>,
  fn: (s: HttpServer, errors: string[]) => Promise<void>,
): Promise<void> {
  const errors: string[] = [];
  const server = await serveRoutes({
    port: 0,
    hostname: "127.0.0.1",
    routes,
    limits,
    onError: (m) => errors.push(m),
  });
  try {
    await fn(server, errors);
  } finally {
    await server.close();
  }
}

/** Sends raw bytes and reads until the server closes; "" when it said nothing. */
async function raw(port: number, bytes: string): Promise<string> {
  const conn = await Deno.connect({ port, hostname: "127.0.0.1" });
  await conn.write(new TextEncoder().encode(bytes));
  return await readAll(conn);
}

async function readAll(conn: Deno.Conn): Promise<string> {
  const chunks: Uint8Array[] = [];
  const buf = new Uint8Array(4096);
  try {
    for (let n = await conn.read(buf); n !== null; n = await conn.read(buf)) {
      chunks.push(buf.slice(0, n));
    }
  } catch { /* reset by the server counts as closed */ }
  conn.close();
  return new TextDecoder().decode(new Uint8Array(chunks.flatMap((c) => [...c])));
}

Deno.test("the route table answers its routes, 404 names the paths and 405 the methods", async () => {
  await withServer({}, async (s, errors) => {
    const base = `http://127.0.0.1:${s.port}`;
    const hello = await fetch(`${base}/hello`);
    assert.deepEqual([hello.status, await hello.text()], [200, "hi\n"]);
    const echo = await fetch(`${base}/echo`, { method: "POST", body: "a body" });
    assert.deepEqual(await echo.text(), "a body");
    const missing = await fetch(`${base}/nope`);
    assert.deepEqual([missing.status, await missing.text()], [
      404,
      "not found: try /hello or /echo or /boom\n",
    ]);
    const wrong = await fetch(`${base}/hello`, { method: "POST", body: "x" });
    assert.deepEqual([wrong.status, wrong.headers.get("allow")], [405, "GET"]);
    await wrong.body?.cancel();
    const boom = await fetch(`${base}/boom`);
    assert.deepEqual([boom.status, await boom.text()], [500, "internal error\n"]);
    assert.deepEqual(errors, ["GET /boom failed: secret detail"]);
  });
});

Deno.test("a body over the limit gets 413 unread, a chunked one 411, a bad head 400", async () => {
  await withServer({ maxBodyBytes: 10, maxHeaderBytes: 512 }, async (s) => {
    const big = await raw(
      s.port,
      "POST /echo HTTP/1.1\r\nhost: x\r\ncontent-length: 5000000\r\n\r\n",
    );
    assert.match(big, /^HTTP\/1\.1 413 .*body too large: the limit is 10 bytes/s);
    const fits = await raw(s.port, "POST /echo HTTP/1.1\r\ncontent-length: 5\r\n\r\nhello");
    assert.match(fits, /^HTTP\/1\.1 200 OK\r\n.*\r\n\r\nhello$/s);
    const chunked = await raw(s.port, "POST /echo HTTP/1.1\r\ntransfer-encoding: chunked\r\n\r\n");
    assert.match(chunked, /^HTTP\/1\.1 411 /);
    assert.match(
      await raw(s.port, "GET /hello HTTP/1.1\r\nx-pad: " + "a".repeat(600)),
      /^HTTP\/1\.1 431 /,
    );
    assert.match(await raw(s.port, "GET hello\r\n\r\n"), /^HTTP\/1\.1 400 /);
    assert.match(await raw(s.port, "GET /hello HTTP/1.1\r\nno colon\r\n\r\n"), /^HTTP\/1\.1 400 /);
  });
});

Deno.test("connections over the cap get 503 and idle ones are closed after the head timeout", async () => {
  await withServer({ maxConnections: 5, headerTimeoutMs: 300 }, async (s) => {
    const idle = await Promise.all(
      Array.from({ length: 5 }, () => Deno.connect({ port: s.port, hostname: "127.0.0.1" })),
    );
    // Let the server take all five before the sixth knocks.
    await new Promise((r) => setTimeout(r, 50));
    assert.match(
      await raw(s.port, "GET /hello HTTP/1.1\r\n\r\n"),
      /^HTTP\/1\.1 503 .*too many connections/s,
    );
    const started = Date.now();
    const closed = await Promise.all(idle.map(readAll));
    assert.deepEqual(closed, ["", "", "", "", ""], "idle connections are closed without a word");
    assert.ok(Date.now() - started < 2_000, "closed by the head timeout, not by the test");
    const res = await fetch(`http://127.0.0.1:${s.port}/hello`);
    assert.deepEqual(res.status, 200);
    await res.body?.cancel();
  });
});

Deno.test("a client trickling its head is cut off by the head timeout", async () => {
  await withServer({ headerTimeoutMs: 200 }, async (s) => {
    const conn = await Deno.connect({ port: s.port, hostname: "127.0.0.1" });
    await conn.write(new TextEncoder().encode("GET /hel"));
    const started = Date.now();
    assert.deepEqual(await readAll(conn), "");
    assert.ok(Date.now() - started < 2_000);
  });
});

Deno.test("accept errors from a full file table are survived and serving goes on", async () => {
  // A process allowed 64 files, a cap above that, and 150 connections: accept
  // fails with "Too many open files" until the flood goes away.
  const code = `
    const { serveRoutes } = await import(${
    JSON.stringify(new URL("./mod.ts", import.meta.url).href)
  });
    const s = await serveRoutes({ port: 0, hostname: "127.0.0.1",
      routes: { "GET /hello": () => new Response("alive") },
      limits: { maxConnections: 10000, headerTimeoutMs: 60000 },
      onError: (m) => console.error(m) });
    console.log(s.port);
    await new Promise(() => {});`;
  const child = new Deno.Command("bash", {
    args: ["-c", 'ulimit -n 64 && exec "$0" eval "$1"', Deno.execPath(), code],
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  try {
    const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
    const port = Number((await reader.read()).value);
    reader.releaseLock();
    const flood: Deno.Conn[] = [];
    for (let i = 0; i < 150; i++) flood.push(await Deno.connect({ port, hostname: "127.0.0.1" }));
    await new Promise((r) => setTimeout(r, 300));
    for (const c of flood) c.close();
    const res = await fetch(`http://127.0.0.1:${port}/hello`);
    assert.deepEqual(await res.text(), "alive");
    child.kill("SIGKILL");
    const { code: exit } = await child.status;
    const stderr = new TextDecoder().decode(await new Response(child.stderr).arrayBuffer());
    assert.match(stderr, /accept failed, serving on after \d+ ms: Too many open files/);
    assert.deepEqual(exit, 137, "the server was still running until killed");
  } finally {
    try {
      child.kill("SIGKILL");
    } catch { /* already gone */ }
    await child.stdout.cancel().catch(() => {});
    await child.status;
  }
});
