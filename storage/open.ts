/**
 * Opening a database: the backend is picked from the URL here and nowhere
 * else (sqlite.ts or postgres.ts, each loaded only when named), and pending
 * migrations are applied. storage/mod.ts builds the repositories on top;
 * commands that read a few rows use this alone and load no repository they
 * do not use.
 */
import type { Db } from "./db.ts";
import { migrate } from "./migrate.ts";
import { parseDbUrl } from "./url.ts";
import { lazyImport } from "../core/lazy.ts";

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

const lazy = <T>(path: string) => lazyImport<T>(path, import.meta.url);
