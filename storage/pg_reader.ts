/**
 * A Postgres connection for the commands that only read (status, logs),
 * without the driver. postgres.js loads Deno's Node layer (net, tls, crypto):
 * about 70 ms, more than the rest of such a command. This speaks the
 * protocol's extended query flow (Parse, Bind, Describe, Execute, Sync) over
 * Deno.connect, for SELECTs alone, in the text format.
 *
 * It takes a URL only when it can do all the driver would: host and user
 * named, no TLS asked for, authentication by trust, password or
 * SCRAM-SHA-256. Anything else (sslmode, a socket folder, MD5, a server that
 * cannot be reached) answers null and the caller opens the driver, which
 * connects or words the error. It never writes: run, exec, insertMany and
 * transaction refuse, since a reading command sends none of them.
 */
import { type Db, type Param, type Row, StorageError } from "./db.ts";
import { numbered } from "./numbered.ts";

const PROTOCOL_3 = 196608;

/**
 * How long connecting and logging in may take before the driver is left to try (with its
 * own 5-second timeout, and its own words for what went wrong).
 */
const LOGIN_TIMEOUT_MS = 3_000;

/** Opens a reading connection, or null when the driver must: see above. */
export async function openReader(url: string, label: string): Promise<Db | null> {
  const target = readerTarget(url);
  if (!target) return null;
  // An AbortSignal, not setTimeout: a process's first setTimeout costs about 10 ms.
  const signal = AbortSignal.timeout(LOGIN_TIMEOUT_MS);
  let conn: Deno.TcpConn;
  try {
    conn = await Deno.connect({ hostname: target.host, port: target.port, signal });
  } catch {
    return null; // refused, unreachable or past the deadline: the driver will say which
  }
  const close = () => {
    try {
      conn.close();
    } catch {
      // already closed
    }
  };
  // Past the deadline the connection is closed, which ends a login still waiting.
  signal.addEventListener("abort", close, { once: true });
  try {
    conn.setNoDelay(true);
    const wire = messages(conn);
    if (await startup(conn, wire, target)) return reader(conn, wire, label);
  } catch {
    // refused or cut off: the driver will say what is wrong
  } finally {
    signal.removeEventListener("abort", close);
  }
  close();
  return null;
}

interface Target {
  host: string;
  port: number;
  user: string;
  password: string;
  /** The startup packet's parameters: database and the URL's own (search_path...). */
  params: Record<string, string>;
}

/** postgres.js's own options: given on the URL they are settings of the driver, not the server. */
const DRIVER_OPTIONS = new Set([
  "ssl",
  "sslmode",
  "sslrootcert",
  "sslnegotiation",
  "host",
  "port",
  "user",
  "password",
  "database",
  "db",
  "max",
  "idle_timeout",
  "connect_timeout",
  "max_lifetime",
  "max_pipeline",
  "backoff",
  "keep_alive",
  "prepare",
  "debug",
  "fetch_types",
  "publications",
  "target_session_attrs",
]);

/**
 * What the URL asks for, or null when the driver must handle it: a driver option on the
 * URL, or a part left out that the driver would take from the environment (PGPORT,
 * PGDATABASE), or TLS asked for there (PGSSL).
 */
export function readerTarget(
  url: string,
  env: (name: string) => string | undefined = (name) => Deno.env.get(name),
): Target | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (!/^postgres(ql)?:$/.test(u.protocol) || !u.hostname || !u.username) return null;
  if (u.hostname.includes(",") || env("PGSSL") || env("PGTARGETSESSIONATTRS")) return null;
  if ((!u.port && env("PGPORT")) || (u.pathname.length < 2 && env("PGDATABASE"))) return null;
  const params: Record<string, string> = {};
  const database = decodeURIComponent(u.pathname.slice(1));
  if (database) params.database = database;
  for (const [key, value] of u.searchParams) {
    if (DRIVER_OPTIONS.has(key)) return null;
    params[key] = value;
  }
  return {
    host: u.hostname.replace(/^\[(.*)\]$/, "$1"),
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    params: { application_name: env("PGAPPNAME") ?? "creator", ...params },
  };
}

// --- the wire ---------------------------------------------------------------

interface Message {
  type: string;
  body: Uint8Array;
}

type Wire = () => Promise<Message>;

/** The server's messages, one at a time: a type byte, a length, a body. */
function messages(conn: Deno.Conn): Wire {
  let buf = new Uint8Array(0);
  const fill = async (n: number) => {
    while (buf.length < n) {
      const chunk = new Uint8Array(64 * 1024);
      const got = await conn.read(chunk);
      if (got === null) throw new StorageError("Postgres closed the connection");
      const next = new Uint8Array(buf.length + got);
      next.set(buf);
      next.set(chunk.subarray(0, got), buf.length);
      buf = next;
    }
  };
  const wire = async () => {
    await fill(5);
    const length = new DataView(buf.buffer, buf.byteOffset).getInt32(1);
    await fill(1 + length);
    const message = { type: String.fromCharCode(buf[0]), body: buf.slice(5, 1 + length) };
    buf = buf.subarray(1 + length);
    return message;
  };
  return wire;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A frontend message: its type byte (none for startup), length, then the parts. */
function frame(type: string, ...parts: (Uint8Array | string | number)[]): Uint8Array {
  const bytes = parts.map((p) =>
    typeof p === "number" ? int32(p) : typeof p === "string" ? encoder.encode(`${p}\0`) : p
  );
  const length = 4 + bytes.reduce((n, b) => n + b.length, 0);
  const head = type ? 1 : 0;
  const out = new Uint8Array(head + length);
  if (type) out[0] = type.charCodeAt(0);
  new DataView(out.buffer).setInt32(head, length);
  let at = head + 4;
  for (const b of bytes) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}

const int16 = (n: number) => new Uint8Array([(n >>> 8) & 255, n & 255]);
const int32 = (n: number) => new Uint8Array([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);

/** The frames in one write: written apart, Nagle's algorithm holds all but the first. */
async function send(conn: Deno.Conn, ...frames: Uint8Array[]): Promise<void> {
  const all = new Uint8Array(frames.reduce((n, f) => n + f.length, 0));
  let at = 0;
  for (const f of frames) {
    all.set(f, at);
    at += f.length;
  }
  for (let sent = 0; sent < all.length;) sent += await conn.write(all.subarray(sent));
}

/** The fields of an ErrorResponse: M message, C code, D detail... */
function fields(body: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  let at = 0;
  while (at < body.length && body[at] !== 0) {
    const end = body.indexOf(0, at + 1);
    out[String.fromCharCode(body[at])] = decoder.decode(body.subarray(at + 1, end));
    at = end + 1;
  }
  return out;
}

/** Logs in; false when the server wants what this does not speak (MD5, GSS). */
async function startup(conn: Deno.Conn, wire: Wire, t: Target): Promise<boolean> {
  const params = { user: t.user, client_encoding: "UTF8", ...t.params };
  await send(conn, frame("", PROTOCOL_3, ...Object.entries(params).flat(), ""));
  let scram: Scram | null = null;
  for (;;) {
    const m = await wire();
    if (m.type === "E") return false;
    if (m.type === "Z") return true;
    if (m.type !== "R") continue; // ParameterStatus, BackendKeyData, notices
    const view = new DataView(m.body.buffer, m.body.byteOffset);
    const code = view.getInt32(0);
    if (code === 0) continue;
    if (code === 3 && t.password) {
      await send(conn, frame("p", t.password));
    } else if (code === 10 && t.password) {
      const mechanisms = decoder.decode(m.body.subarray(4)).split("\0");
      if (!mechanisms.includes("SCRAM-SHA-256")) return false;
      scram = startScram(t.password);
      const first = encoder.encode(scram.clientFirst);
      await send(conn, frame("p", "SCRAM-SHA-256", first.length, first));
    } else if (code === 11 && scram) {
      const final = encoder.encode(await scram.clientFinal(decoder.decode(m.body.subarray(4))));
      await send(conn, frame("p", final));
    } else if (code === 12 && scram) {
      if (!await scram.verify(decoder.decode(m.body.subarray(4)))) return false;
    } else {
      return false;
    }
  }
}

// --- SCRAM-SHA-256 (RFC 5802, RFC 7677) -------------------------------------

export interface Scram {
  clientFirst: string;
  clientFinal(serverFirst: string): Promise<string>;
  verify(serverFinal: string): Promise<boolean>;
}

/** Postgres ignores the SCRAM user name (it has the startup's); the nonce is for tests. */
export function startScram(
  password: string,
  user = "",
  nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(18)))),
): Scram {
  const firstBare = `n=${user},r=${nonce}`;
  let serverSignature = "";
  return {
    clientFirst: `n,,${firstBare}`,
    async clientFinal(serverFirst) {
      const attrs = Object.fromEntries(
        serverFirst.split(",").map((a) => [a[0], a.slice(2)]),
      );
      if (!attrs.r?.startsWith(nonce) || !attrs.s || !(Number(attrs.i) > 0)) {
        throw new StorageError("Postgres sent an invalid SCRAM challenge");
      }
      const salted = await pbkdf2(password, unbase64(attrs.s), Number(attrs.i));
      const clientKey = await hmac(salted, "Client Key");
      const storedKey = new Uint8Array(await crypto.subtle.digest("SHA-256", clientKey));
      const withoutProof = `c=biws,r=${attrs.r}`;
      const auth = `${firstBare},${serverFirst},${withoutProof}`;
      const signature = await hmac(storedKey, auth);
      const proof = clientKey.map((b, i) => b ^ signature[i]);
      serverSignature = base64(await hmac(await hmac(salted, "Server Key"), auth));
      return `${withoutProof},p=${base64(proof)}`;
    },
    verify: (serverFinal) => Promise.resolve(serverFinal.trim() === `v=${serverSignature}`),
  };
}

type Bytes = Uint8Array<ArrayBuffer>;

async function hmac(key: Bytes, text: string): Promise<Bytes> {
  const k = await crypto.subtle.importKey("raw", key, { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
  return new Uint8Array(await crypto.subtle.sign("HMAC", k, encoder.encode(text)));
}

async function pbkdf2(password: string, salt: Bytes, iterations: number): Promise<Bytes> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(password), "PBKDF2", false, [
    "deriveBits",
  ]);
  return new Uint8Array(
    await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, key, 256),
  );
}

const base64 = (bytes: Bytes) => btoa(String.fromCharCode(...bytes));
const unbase64 = (text: string): Bytes => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

// --- queries ----------------------------------------------------------------

/** Values as the driver gives them with our settings (storage/postgres.ts). */
function parser(oid: number): (text: string) => unknown {
  switch (oid) {
    case 16: // bool
      return (t) => t === "t";
    case 20: // int8, counts and epoch-ms: well inside 2^53
    case 21:
    case 23:
    case 26:
    case 700:
    case 701:
    case 1700: // numeric
      return Number;
    case 114: // json
    case 3802: // jsonb
      return JSON.parse;
    default:
      return (t) => t;
  }
}

function reader(conn: Deno.Conn, wire: Wire, label: string): Db {
  let closed = false;
  // One query at a time: the protocol answers in order, and a command reads in turn.
  let tail: Promise<unknown> = Promise.resolve();
  const query = (text: string, params: Param[] = []): Promise<Row[]> => {
    const run = async () => {
      if (closed) throw new StorageError("the reading connection is closed", { sql: text });
      const values = params.map((p) => {
        if (p === null) return new Uint8Array([255, 255, 255, 255]);
        const bytes = encoder.encode(String(p));
        return new Uint8Array([...int32(bytes.length), ...bytes]);
      });
      await send(
        conn,
        frame("P", "", numbered(text), int16(0)),
        frame("B", "", "", int16(0), int16(params.length), ...values, int16(0)),
        frame("D", encoder.encode("P"), encoder.encode("\0")),
        frame("E", "", 0),
        frame("S"),
      );
      let columns: { name: string; parse: (t: string) => unknown }[] = [];
      const rows: Row[] = [];
      let failure: Record<string, string> | null = null;
      for (;;) {
        const m = await wire();
        if (m.type === "T") columns = rowDescription(m.body);
        else if (m.type === "D") rows.push(dataRow(m.body, columns));
        else if (m.type === "E") failure = fields(m.body);
        else if (m.type === "Z") break;
      }
      if (failure) {
        const message = failure.C && !failure.M?.includes(failure.C)
          ? `${failure.M} (${failure.C})`
          : failure.M ?? "query failed";
        throw new StorageError(message, { sql: text });
      }
      return rows;
    };
    const result = tail.then(run, run);
    tail = result.catch(() => {});
    return result;
  };
  const refuse = (what: string) =>
    Promise.reject(
      new StorageError(`${what}: the reading connection only reads; open the store to write`),
    );
  return {
    backend: "postgres",
    label,
    all: async <T = Row>(text: string, params?: Param[]) =>
      await query(text, params) as unknown as T[],
    run: () => refuse("run"),
    exec: () => refuse("exec"),
    insertMany: () => refuse("insertMany"),
    transaction: () => refuse("transaction"),
    close: async () => {
      if (closed) return;
      closed = true;
      await tail;
      // Terminate, then close: the server needs nothing more.
      await send(conn, frame("X")).catch(() => {});
      conn.close();
    },
  };
}

function rowDescription(body: Uint8Array) {
  const view = new DataView(body.buffer, body.byteOffset);
  const count = view.getInt16(0);
  const out = [];
  let at = 2;
  for (let i = 0; i < count; i++) {
    const end = body.indexOf(0, at);
    const name = decoder.decode(body.subarray(at, end));
    at = end + 1;
    const oid = view.getInt32(at + 6);
    out.push({ name, parse: parser(oid) });
    at += 18;
  }
  return out;
}

function dataRow(body: Uint8Array, columns: { name: string; parse: (t: string) => unknown }[]) {
  const view = new DataView(body.buffer, body.byteOffset);
  const count = view.getInt16(0);
  const row: Row = {};
  let at = 2;
  for (let i = 0; i < count; i++) {
    const length = view.getInt32(at);
    at += 4;
    if (length < 0) {
      row[columns[i].name] = null;
      continue;
    }
    row[columns[i].name] = columns[i].parse(decoder.decode(body.subarray(at, at + length)));
    at += length;
  }
  return row;
}
