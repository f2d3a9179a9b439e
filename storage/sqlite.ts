import { DatabaseSync, type SQLInputValue, type StatementSync } from "node:sqlite";
import { type Db, type Param, type Row, StorageError, type TransactionOptions } from "./db.ts";
import type { AsyncLocalStorage } from "node:async_hooks";
import { lazyImport } from "../core/lazy.ts";
import { createMutex } from "./_mutex.ts";
import {
  fileTrouble,
  folderTrouble,
  type Trouble,
  troubleMessage,
  troubleOf,
} from "./_sqlite_trouble.ts";

const HEADER = "SQLite format 3\0";
/**
 * SQLite's own busy wait blocks the whole thread, so it is kept short and the
 * real waiting for another writer happens in `retryBusy`, which yields to the
 * event loop (another connection in this process may be the one to finish).
 */
const BUSY_TIMEOUT_MS = 50;
/**
 * Parameters bound per statement by `insertMany`: a call into SQLite per row costs more than
 * the row's own work, so full statements carry many rows (10,000 mentions: ~2x faster than a
 * statement per row; larger statements gain little more). Far below SQLite's limit of 32,766.
 */
const PARAMS_PER_STATEMENT = 2_000;
/** Writers are not served fairly across processes; keep trying this long in all. */
const WRITE_RETRY_MS = 30_000;

/**
 * Opens (creating if missing) the creator database at `path`. A file that is
 * not SQLite, is damaged, or belongs to another application is refused before
 * anything is written to it, so it stays byte for byte as it was.
 */
export function openSqlite(path: string): Db {
  // A file we may not write (read-only file system, permissions) is opened
  // read-only: reading commands work, and the first write says why it cannot.
  const readOnly = path === ":memory:" ? null : fileTrouble(path);
  if (path !== ":memory:") probe(path, readOnly);
  let db: DatabaseSync;
  try {
    db = readOnly
      ? openReadOnly(path, readOnly)
      : new DatabaseSync(path, { timeout: BUSY_TIMEOUT_MS });
    db.exec(
      readOnly
        ? "PRAGMA foreign_keys = ON;"
        : "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;",
    );
  } catch (error) {
    const trouble = troubleOf(error) ?? folderTrouble(path);
    throw new StorageError(
      trouble
        ? troubleMessage(path, trouble)
        : `Cannot open SQLite database ${path}: ${message(error)}`,
    );
  }
  return wrap(db, path, readOnly);
}

/**
 * Read-only, and "immutable" where SQLite could not make its -shm file beside
 * the database (a read-only folder or file system): nobody can change the file
 * there, so nothing is missed by not watching for changes.
 */
function openReadOnly(path: string, trouble: Trouble | null): DatabaseSync {
  const immutable = () =>
    new DatabaseSync(`file:${path.replace(/[?#%]/g, encodeURIComponent)}?immutable=1`, {
      readOnly: true,
    });
  if (trouble === "read-only-fs") return immutable();
  try {
    const db = new DatabaseSync(path, { readOnly: true, timeout: BUSY_TIMEOUT_MS });
    db.prepare("SELECT 1 FROM sqlite_master LIMIT 1").all();
    return db;
  } catch (error) {
    if (trouble === null || folderTrouble(path) === null) throw error;
    return immutable();
  }
}

/**
 * Refuses what is not ours before anything is written. Costs O(1) in the file's
 * size: the 16-byte header and the schema table, never the data pages. A full
 * integrity check is `checkIntegrity` (storage/integrity.ts), run by `migrate`,
 * `init` and `doctor`.
 */
function probe(path: string, readOnly: Trouble | null): void {
  let header: Uint8Array;
  try {
    header = readHeader(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return;
    throw new StorageError(`Cannot read ${path}: ${message(error)}`);
  }
  if (header.length === 0) return;
  if (new TextDecoder().decode(header) !== HEADER) {
    throw new StorageError(
      `${path} is not a SQLite database. It was left untouched; point --db at another file.`,
    );
  }
  let tables: string[];
  let ro: DatabaseSync | undefined;
  try {
    ro = openReadOnly(path, readOnly);
    tables = ro.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all()
      .map((r) => String(r.name));
  } catch (error) {
    // A full disk or a folder we cannot write also fails here, as "disk I/O
    // error" or "unable to open": that is no damage, and must not read as one.
    const trouble = troubleOf(error) ?? folderTrouble(path);
    if (trouble) throw new StorageError(troubleMessage(path, trouble));
    throw new StorageError(
      `${path} is damaged (${
        message(error)
      }). It was left untouched; restore a backup or point --db at a new file.`,
    );
  } finally {
    ro?.close();
  }
  const ours = tables.length === 0 || tables.includes("schema_migrations");
  if (!ours) {
    throw new StorageError(
      `${path} is a SQLite database of another application (tables: ${
        tables.slice(0, 5).join(", ")
      }). It was left untouched; point --db at another file.`,
    );
  }
}

/** The first 16 bytes (fewer for a shorter file), without reading the rest. */
function readHeader(path: string): Uint8Array {
  const file = Deno.openSync(path, { read: true });
  try {
    const buf = new Uint8Array(HEADER.length);
    let got = 0;
    while (got < buf.length) {
      const n = file.readSync(buf.subarray(got));
      if (n === null) break;
      got += n;
    }
    return buf.subarray(0, got);
  } finally {
    file.close();
  }
}

function wrap(db: DatabaseSync, path: string, readOnly: Trouble | null = null): Db {
  // One connection serves the whole process; the mutex keeps one async flow's
  // transaction from swallowing another flow's statements.
  const mutex = createMutex();
  const statements = new Map<string, StatementSync>();
  const prepare = (sql: string) => {
    let stmt = statements.get(sql);
    if (!stmt) statements.set(sql, stmt = db.prepare(sql));
    return stmt;
  };
  const bind = (params: Param[] = []) => params as SQLInputValue[];
  const guard = <T>(sql: string, fn: () => T) => guarded(path, readOnly, sql, fn);

  const direct: Db = {
    backend: "sqlite",
    label: `sqlite:${path}`,
    all: <T = Row>(sql: string, params?: Param[]) =>
      Promise.resolve(
        // node:sqlite rows have a null prototype; callers expect plain objects.
        guard(sql, () => prepare(sql).all(...bind(params)).map((r) => ({ ...r }) as T)),
      ),
    run: (sql, params) =>
      Promise.resolve(guard(sql, () => Number(prepare(sql).run(...bind(params)).changes))),
    exec: (script) => Promise.resolve(guard(script, () => db.exec(script))),
    insertMany(table, columns, rows, conflict = "") {
      const statement = (n: number) =>
        `INSERT INTO ${table} (${columns.join(", ")}) VALUES ${
          Array(n).fill(`(${columns.map(() => "?").join(", ")})`).join(", ")
        } ${conflict}`;
      const perStatement = Math.max(1, Math.floor(PARAMS_PER_STATEMENT / columns.length));
      const one = statement(1);
      return Promise.resolve(guard(one, () => {
        for (const row of rows) {
          // Rows are flattened into one parameter list: a short row would shift every later one.
          if (row.length !== columns.length) {
            throw new TypeError(
              `${table}: a row of ${row.length} values for ${columns.length} columns`,
            );
          }
        }
        let changed = 0;
        let i = 0;
        if (rows.length >= perStatement) {
          const many = prepare(statement(perStatement));
          const params: SQLInputValue[] = [];
          for (; i + perStatement <= rows.length; i += perStatement) {
            params.length = 0;
            for (let r = i; r < i + perStatement; r++) params.push(...bind(rows[r]));
            changed += Number(many.run(...params).changes);
          }
        }
        // The rest row by row: one statement per size would fill the statement cache.
        const stmt = prepare(one);
        for (; i < rows.length; i++) changed += Number(stmt.run(...bind(rows[i])).changes);
        return changed;
      }));
    },
    transaction: (fn) => fn(direct),
    close: () => Promise.resolve(),
  };

  // Code already holding the connection (inside a transaction) goes straight
  // through; waiting for the mutex there would wait for itself. Only a transaction
  // or a batch holds it across awaits, so the marker is made with the first of
  // them: node:async_hooks loads Deno's Node layer, which a command that only
  // reads (status, logs) should not pay for.
  let holder: AsyncLocalStorage<true> | undefined;
  const held = () => holder?.getStore() === true;
  const serialised = <T>(fn: () => Promise<T>) => held() ? fn() : mutex.run(fn);
  const exclusive = <T>(fn: () => Promise<T>) =>
    held() ? fn() : mutex.run(async () => {
      holder ??= new (await lazyImport<typeof import("node:async_hooks")>("node:async_hooks"))
        .AsyncLocalStorage<true>();
      return holder.run(true, fn);
    });
  return {
    backend: "sqlite",
    label: direct.label,
    all: (sql, params) => serialised(() => retryBusy(() => direct.all(sql, params))),
    run: (sql, params) => serialised(() => retryBusy(() => direct.run(sql, params))),
    exec: (script) => serialised(() => retryBusy(() => direct.exec(script))),
    // Many rows are one transaction: all or nothing, and far faster.
    insertMany: (t, c, r, x) =>
      exclusive(() => inTransaction(db, () => direct.insertMany(t, c, r, x), guard)),
    transaction: <T>(fn: (tx: Db) => Promise<T>, _options?: TransactionOptions) =>
      exclusive(() => inTransaction(db, () => fn(direct), guard)),
    close: () =>
      serialised(() => {
        statements.clear();
        if (db.isOpen) db.close();
        return Promise.resolve();
      }),
  };
}

/** BEGIN IMMEDIATE takes the writer lock up front, so the body never meets a busy writer. */
async function inTransaction<T>(
  db: DatabaseSync,
  fn: () => Promise<T>,
  guard: <R>(sql: string, fn: () => R) => R,
): Promise<T> {
  if (db.isTransaction) return fn(); // nested: joins the outer transaction
  await retryBusy(() =>
    Promise.resolve(guard("BEGIN IMMEDIATE", () => db.exec("BEGIN IMMEDIATE")))
  );
  try {
    const result = await fn();
    guard("COMMIT", () => db.exec("COMMIT"));
    return result;
  } catch (error) {
    if (db.isTransaction) db.exec("ROLLBACK");
    throw error;
  }
}

async function retryBusy<T>(fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + WRITE_RETRY_MS;
  for (;;) {
    try {
      return await fn();
    } catch (error) {
      if (!/database is locked|busy/i.test(message(error)) || Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 45));
    }
  }
}

function guarded<T>(path: string, readOnly: Trouble | null, sql: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    // A write refused for want of space or rights gets its cause and fix.
    const trouble = /readonly database/i.test(message(error))
      ? readOnly ?? troubleOf(error)
      : troubleOf(error);
    if (trouble) {
      throw new StorageError(troubleMessage(path, trouble), { cause: error, sql });
    }
    throw new StorageError(message(error), { cause: error, sql });
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
