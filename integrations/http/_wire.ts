/**
 * HTTP/1.1 on a raw connection, only as much as a health, metrics and webhook
 * endpoint needs: one request per connection, bodies by Content-Length.
 * Every read is bounded, so a hostile client costs at most the limits.
 */
import type { ServeLimits } from "./mod.ts";

/** A request the server refuses before any handler sees it. */
export class WireError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export interface RequestHead {
  method: string;
  target: string;
  headers: Headers;
  /** Bytes read past the head: the start of the body. */
  rest: Uint8Array;
}

const END = [13, 10, 13, 10];
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Reads up to the blank line ending the head; null when the client left without a word. */
export async function readHead(
  conn: Deno.Conn,
  limits: ServeLimits,
): Promise<RequestHead | null> {
  const buf = new Uint8Array(limits.maxHeaderBytes);
  let filled = 0;
  while (true) {
    if (filled === buf.length) throw new WireError(431, "request head too large");
    const n = await conn.read(buf.subarray(filled));
    if (n === null) {
      if (filled === 0) return null;
      throw new WireError(400, "connection closed mid-request");
    }
    const from = Math.max(0, filled - 3);
    filled += n;
    const end = indexOfEnd(buf, from, filled);
    if (end >= 0) return parseHead(buf.subarray(0, end), buf.slice(end + 4, filled));
  }
}

function indexOfEnd(buf: Uint8Array, from: number, to: number): number {
  for (let i = from; i + 3 < to; i++) {
    if (END.every((b, k) => buf[i + k] === b)) return i;
  }
  return -1;
}

function parseHead(bytes: Uint8Array, rest: Uint8Array): RequestHead {
  // latin1 keeps every byte one character, so nothing hostile becomes a surprise.
  const lines = new TextDecoder("latin1").decode(bytes).split("\r\n");
  const [method, target, version, extra] = lines[0].split(" ");
  if (
    extra !== undefined || !method || !TOKEN.test(method) || !target?.startsWith("/") ||
    !/^HTTP\/1\.[01]$/.test(version ?? "")
  ) {
    throw new WireError(400, "malformed request line");
  }
  const headers = new Headers();
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(":");
    const name = line.slice(0, colon);
    if (colon <= 0 || !TOKEN.test(name)) throw new WireError(400, "malformed header line");
    try {
      headers.append(name, line.slice(colon + 1).trim());
    } catch {
      throw new WireError(400, "malformed header value");
    }
  }
  return { method, target, headers, rest };
}

/** The body, whole, when Content-Length says it fits the limit; empty without one. */
export async function readBody(
  conn: Deno.Conn,
  head: RequestHead,
  limits: ServeLimits,
): Promise<Uint8Array<ArrayBuffer>> {
  if (head.headers.has("transfer-encoding")) {
    throw new WireError(411, "chunked bodies are not accepted: send Content-Length");
  }
  const declared = head.headers.get("content-length");
  if (declared === null) return new Uint8Array();
  if (!/^\d{1,15}$/.test(declared)) throw new WireError(400, "malformed Content-Length");
  const length = Number(declared);
  if (length > limits.maxBodyBytes) {
    throw new WireError(413, `body too large: the limit is ${limits.maxBodyBytes} bytes`);
  }
  const body = new Uint8Array(length);
  const have = Math.min(head.rest.length, length);
  body.set(head.rest.subarray(0, have));
  let filled = have;
  while (filled < length) {
    const n = await conn.read(body.subarray(filled));
    if (n === null) throw new WireError(400, "connection closed mid-body");
    filled += n;
  }
  return body;
}

/** Writes the whole answer and says the connection ends with it. */
export async function writeResponse(
  conn: Deno.Conn,
  res: Response,
  headOnly = false,
): Promise<void> {
  const body = new Uint8Array(await res.arrayBuffer());
  const lines = [`HTTP/1.1 ${res.status} ${res.statusText || reason(res.status)}`];
  res.headers.forEach((value, name) => {
    if (name !== "content-length" && name !== "connection") lines.push(`${name}: ${value}`);
  });
  lines.push(`content-length: ${body.length}`, "connection: close", "", "");
  const head = new TextEncoder().encode(lines.join("\r\n"));
  await writeAll(conn, head);
  if (!headOnly) await writeAll(conn, body);
}

async function writeAll(conn: Deno.Conn, bytes: Uint8Array): Promise<void> {
  let done = 0;
  while (done < bytes.length) done += await conn.write(bytes.subarray(done));
}

const REASONS: Record<number, string> = {
  200: "OK",
  400: "Bad Request",
  404: "Not Found",
  405: "Method Not Allowed",
  408: "Request Timeout",
  411: "Length Required",
  413: "Content Too Large",
  431: "Request Header Fields Too Large",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

function reason(status: number): string {
  return REASONS[status] ?? "Status";
}
