/**
 * Opening a database: the backend is picked from the URL here and nowhere
 * else (sqlite.ts or postgres.ts, each loaded only when named), and pending
 * migrations are applied. storage/mod.ts builds the repositories on top;
 * commands that read a few rows use this alone and load no repository they
 * do not use.
 */
import type { Db } from "./db.ts";
import { migrate, upToDate } from "./migrate.ts";
import { parseDbUrl } from "./url.ts";
import { lazyImport } from "../core/lazy.ts";
import { maskUrl } from "../core/mask_url.ts";

export interface OpenOptions {
  /** Apply pending migrations on open (default true). */
  migrate?: boolean;
  /** Postgres only: use (and create) this schema. */
  schema?: string;
}

export async function openDb(url: string, options: OpenOptions = {}): Promise<Db> {
  const target = parseDbUrl(url);
  // Only the backend named is loaded: the Postgres driver costs a SQLite user nothing.
  const db: Db = target.backend === "sqlite"
    ? (await lazy<typeof import("./sqlite.ts")>("./sqlite.ts")).openSqlite(target.path)
    : await (await lazy<typeof import("./postgres.ts")>("./postgres.ts")).openPostgres(
      target.url,
      { schema: options.schema },
    );
  try {
    if (options.migrate !== false) await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

/**
 * For commands that only read (status, logs). On Postgres, a store already up
 * to date is read through pg_reader.ts, which needs no driver; a URL it cannot
 * take, or a store with migrations pending, is opened with openDb.
 */
export async function openForReading(url: string): Promise<Db> {
  const target = parseDbUrl(url);
  if (target.backend === "postgres") {
    const { openReader } = await lazy<typeof import("./pg_reader.ts")>("./pg_reader.ts");
    const reader = await openReader(target.url, maskUrl(target.url));
    if (reader) {
      if (await upToDate(reader)) return reader;
      await reader.close();
    }
  }
  return await openDb(url);
}

const lazy = <T>(path: string) => lazyImport<T>(path, import.meta.url);
