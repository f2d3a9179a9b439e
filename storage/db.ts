/**
 * The one SQL interface both backends implement. Queries are written once, with
 * `?` placeholders, in the common subset of SQLite and Postgres SQL
 * (ON CONFLICT upserts, RETURNING); the Postgres backend renumbers them to `$n`.
 */

export type Row = Record<string, unknown>;
export type Param = string | number | null;
export type Backend = "sqlite" | "postgres";

export interface TransactionOptions {
  /**
   * Serialises this transaction against every other one holding the same lock
   * name, across processes: a Postgres advisory lock; on SQLite every write
   * transaction already holds the database's single writer lock.
   */
  lock?: string;
}

export interface Db {
  readonly backend: Backend;
  /** A description safe to print (no password). */
  readonly label: string;
  all<T = Row>(sql: string, params?: Param[]): Promise<T[]>;
  /** Runs a statement and returns the number of rows it changed. */
  run(sql: string, params?: Param[]): Promise<number>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
  /**
   * Inserts many rows with one statement shape; `conflict` is the text after the
   * VALUES list, e.g. "ON CONFLICT (url) DO NOTHING". Returns rows changed.
   */
  insertMany(table: string, columns: string[], rows: Param[][], conflict?: string): Promise<number>;
  /** Commits when `fn` resolves, rolls back when it throws. Nested calls join the outer one. */
  transaction<T>(fn: (tx: Db) => Promise<T>, options?: TransactionOptions): Promise<T>;
  close(): Promise<void>;
}

/** A failure to open or use the database that the user must act on; exit 1 with this message. */
export class StorageError extends Error {
  override name = "StorageError";
  /** The statement that failed, for --verbose: kept out of the message a user reads. */
  readonly sql?: string;
  constructor(message: string, options?: ErrorOptions & { sql?: string }) {
    super(message, options);
    this.sql = options?.sql?.trim().slice(0, 200);
  }
}

/** Serialises a JSON column portably (TEXT on both backends). */
export function toJson(value: unknown): string {
  return JSON.stringify(value ?? null);
}

export function fromJson<T>(value: unknown, fallback: T): T {
  if (typeof value !== "string" || value === "") return fallback;
  return JSON.parse(value) as T;
}
