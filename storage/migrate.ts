import type { Db } from "./db.ts";
import { StorageError } from "./db.ts";

const DEFAULT_DIR = new URL("../migrations/", import.meta.url);
const LOCK = "creator.migrations";
const FILE = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationStatus {
  version: number;
  name: string;
  appliedAt: number | null;
  /** True when the file changed after it was applied. */
  modified: boolean;
}

/** The numbered .sql files by name, in order, without reading them. */
async function migrationFiles(
  dir: URL,
): Promise<{ version: number; name: string; file: string }[]> {
  const out = [];
  for await (const entry of Deno.readDir(dir)) {
    const m = FILE.exec(entry.name);
    if (m) out.push({ version: Number(m[1]), name: m[2], file: entry.name });
  }
  out.sort((a, b) => a.version - b.version);
  for (let i = 1; i < out.length; i++) {
    if (out[i].version === out[i - 1].version) {
      throw new StorageError(`Two migrations share version ${out[i].version}: rename one.`);
    }
  }
  return out;
}

/** Reads the numbered .sql files, in order. */
export async function loadMigrations(dir: URL = DEFAULT_DIR): Promise<Migration[]> {
  const out: Migration[] = [];
  for (const { version, name, file } of await migrationFiles(dir)) {
    const sql = await Deno.readTextFile(new URL(file, dir));
    out.push({ version, name, sql, checksum: await sha256(sql) });
  }
  return out;
}

/**
 * Whether every migration file is applied: one query and a directory listing,
 * no file read and no lock. Every command opens the store, so a store already
 * up to date costs this and nothing more. A missing table means "not yet".
 */
export async function upToDate(db: Db, dir: URL = DEFAULT_DIR): Promise<boolean> {
  const files = await migrationFiles(dir);
  let rows;
  try {
    rows = await db.all<{ version: number }>("SELECT version FROM schema_migrations");
  } catch {
    return false;
  }
  const applied = new Set(rows.map((r) => Number(r.version)));
  return files.every((f) => applied.has(f.version));
}

/**
 * Applies every pending migration, each in its own transaction under a
 * cross-process lock, re-checking inside the lock so two processes migrating
 * at once never apply a step twice. Returns the versions it applied.
 */
export async function migrate(db: Db, dir: URL = DEFAULT_DIR): Promise<Migration[]> {
  if (await upToDate(db, dir)) return [];
  const migrations = await loadMigrations(dir);
  await ensureTable(db);
  const applied: Migration[] = [];
  for (const m of migrations) {
    const done = await db.transaction(async (tx) => {
      const row = await tx.all("SELECT 1 FROM schema_migrations WHERE version = ?", [m.version]);
      if (row.length) return false;
      await tx.exec(dialect(m.sql, db.backend));
      await tx.run(
        "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)",
        [m.version, m.name, m.checksum, Date.now()],
      );
      return true;
    }, { lock: LOCK }).catch((error) => {
      throw new StorageError(
        `Migration ${label(m)} failed and was rolled back; the database is unchanged by it: ${
          error instanceof Error ? error.message : error
        }`,
        { cause: error },
      );
    });
    if (done) applied.push(m);
  }
  return applied;
}

/** Every known migration with when it was applied (null = pending). */
export async function migrationStatus(db: Db, dir?: URL): Promise<MigrationStatus[]> {
  const migrations = await loadMigrations(dir);
  await ensureTable(db);
  const rows = await db.all<{ version: number; applied_at: number; checksum: string }>(
    "SELECT version, applied_at, checksum FROM schema_migrations",
  );
  const byVersion = new Map(rows.map((r) => [Number(r.version), r]));
  return migrations.map((m) => {
    const row = byVersion.get(m.version);
    return {
      version: m.version,
      name: m.name,
      appliedAt: row ? Number(row.applied_at) : null,
      modified: row ? row.checksum !== m.checksum : false,
    };
  });
}

export function label(m: { version: number; name: string }): string {
  return `${String(m.version).padStart(4, "0")}_${m.name}`;
}

async function ensureTable(db: Db): Promise<void> {
  // Under the lock too: concurrent CREATE TABLE IF NOT EXISTS can still collide on Postgres.
  await db.transaction((tx) =>
    tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      checksum TEXT NOT NULL,
      applied_at BIGINT NOT NULL
    )`), { lock: LOCK });
}

/**
 * Migrations are written in SQL both backends accept, save two phrases SQLite
 * lacks: an identity key becomes SQLite's rowid alias, and the current time in
 * epoch seconds becomes unixepoch().
 */
export function dialect(sql: string, backend: Db["backend"]): string {
  if (backend === "postgres") return sql;
  return sql.replace(
    /BIGINT\s+GENERATED\s+BY\s+DEFAULT\s+AS\s+IDENTITY\s+PRIMARY\s+KEY/gi,
    "INTEGER PRIMARY KEY AUTOINCREMENT",
  ).replace(/EXTRACT\s*\(\s*EPOCH\s+FROM\s+CURRENT_TIMESTAMP\s*\)/gi, "unixepoch()");
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
