import type { Sql, TransactionSql } from "postgres";
import { COPY_THRESHOLD, copyUpsert } from "./_pg_copy.ts";
import { maskUrl } from "../core/mask_url.ts";
import { numbered } from "./numbered.ts";
import { type Db, type Param, type Row, StorageError, type TransactionOptions } from "./db.ts";

/** Postgres accepts at most 65535 bind parameters per statement. */
const MAX_PARAMS = 60_000;

export interface PostgresOptions {
  /** Create (if missing) and use this schema; tests give each run its own. */
  schema?: string;
  connectTimeoutSeconds?: number;
  maxConnections?: number;
}

/** Connects and checks the server answers, so a bad URL fails here with a clear message. */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Db> {
  const { default: postgres } = await import("postgres");
  const label = redact(url);
  const sql = parsed(label, () =>
    postgres(url, {
      max: options.maxConnections ?? 4,
      connect_timeout: options.connectTimeoutSeconds ?? 5,
      onnotice: () => {},
      // No column or parameter of ours is an array, so the array-type catalog each new
      // connection would otherwise read first (a round trip and ~40 ms) is never needed.
      fetch_types: false,
      // Timestamps are epoch-ms BIGINTs; counts and sums are well inside 2^53.
      types: {
        int8: { to: 20, from: [20], serialize: String, parse: Number },
        numeric: { to: 1700, from: [1700], serialize: String, parse: Number },
      },
      connection: options.schema ? { search_path: options.schema } : {},
    }));
  try {
    if (options.schema) await sql.unsafe(`CREATE SCHEMA IF NOT EXISTS "${options.schema}"`);
    await sql`SELECT 1`;
  } catch (error) {
    await sql.end({ timeout: 1 }).catch(() => {});
    throw new StorageError(`Cannot reach Postgres at ${label}: ${describe(error)}. ${HINT}`);
  }
  return wrap(sql, label);
}

const HINT = "Check that the server is running and --db / DATABASE_URL is right.";

/**
 * The driver's own "Invalid URL" quotes the URL as given, password and all,
 * and a password holding "#" or "?" is what makes it invalid: say so, masked.
 */
function parsed(label: string, connect: () => Sql): Sql {
  try {
    return connect();
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    throw new TypeError(
      `Cannot use database URL ${label}: not a valid URL; ` +
        "percent-encode # ? @ / : in the password (# is %23, ? is %3F).",
    );
  }
}

function wrap(
  sql: Sql | TransactionSql,
  label: string,
  inTransaction = false,
  busy = { n: 0 },
): Db {
  /** Counts what is still out, so that close knows whether it may skip the wait. */
  const tracked = async <T>(work: () => Promise<T>): Promise<T> => {
    busy.n++;
    try {
      return await work();
    } finally {
      busy.n--;
    }
  };
  const query = (text: string, params: Param[] = []) =>
    tracked(async () => {
      try {
        return await sql.unsafe(numbered(text), params as never[]);
      } catch (error) {
        throw new StorageError(describe(error), { cause: error, sql: text });
      }
    });
  const db: Db = {
    backend: "postgres",
    label,
    all: async <T = Row>(text: string, params?: Param[]) =>
      [...await query(text, params)] as unknown as T[],
    run: async (text, params) => (await query(text, params)).count,
    exec: async (script) => {
      await query(script);
    },
    insertMany(table, columns, rows, conflict = "") {
      const perChunk = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
      const tuple = `(${columns.map(() => "?").join(", ")})`;
      const insert = async (target: Db) => {
        let changed = 0;
        for (let i = 0; i < rows.length; i += perChunk) {
          const chunk = rows.slice(i, i + perChunk);
          const text = `INSERT INTO ${table} (${columns.join(", ")}) VALUES ${
            chunk.map(() => tuple).join(", ")
          } ${conflict}`;
          changed += await target.run(text, chunk.flat());
        }
        return changed;
      };
      if (rows.length >= COPY_THRESHOLD) {
        const copy = (tx: TransactionSql) => copyUpsert(tx, table, columns, rows, conflict);
        return inTransaction
          ? copy(sql as TransactionSql)
          : tracked(() => (sql as Sql).begin(copy) as Promise<number>);
      }
      // Several statements must land together: all rows or none.
      return rows.length > perChunk ? db.transaction(insert) : insert(db);
    },
    async transaction<T>(fn: (tx: Db) => Promise<T>, options?: TransactionOptions) {
      if (inTransaction) return fn(db);
      return await tracked(() =>
        (sql as Sql).begin(async (tx) => {
          const inner = wrap(tx, label, true, busy);
          if (options?.lock) {
            await inner.run("SELECT pg_advisory_xact_lock(hashtext(?))", [options.lock]);
          }
          return await fn(inner);
        }) as Promise<T>
      );
    },
    close: async () => {
      if (inTransaction) return;
      // Idle, the Terminate message is all the server needs: waiting on top for
      // it to tear down its backend and close the socket adds ~10 ms to every
      // command. Busy (a query or transaction still out), let it finish first.
      await (sql as Sql).end({ timeout: busy.n === 0 ? 0 : 5 });
    },
  };
  return db;
}

function redact(url: string): string {
  return maskUrl(url);
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: string }).code;
    return code && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
  }
  return String(error);
}
