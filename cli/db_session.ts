/**
 * What the reading commands (`status`, `logs`) open: the config and the
 * database, nothing more. No integrations, no agent context, no repository
 * they do not read: they print a few rows, so their start-up should be little
 * more than Deno's own.
 */
import { loadConfig } from "../core/config.ts";
import { UsageError } from "../core/errors.ts";
import type { Db } from "../storage/db.ts";
import { openDb } from "../storage/open.ts";
import { parseDbUrl } from "../storage/url.ts";
import type { Globals } from "./program.ts";

/**
 * Opens the configured database (which must exist; pending migrations are
 * applied, as every command does), runs `fn`, and always closes it.
 */
export async function withDb<T>(g: Globals, fn: (db: Db) => Promise<T>): Promise<T> {
  const { config, sources } = await loadConfig({ db: g.db, configPath: g.config });
  await checkDatabase(config.db, sources.db, true);
  const db = await openDb(config.db);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/**
 * What a user can get wrong about --db, caught before anything is opened: a
 * malformed URL, a folder, or (for read-only commands) a file that is not there.
 */
export async function checkDatabase(db: string, from: string | undefined, mustExist: boolean) {
  let target;
  try {
    target = parseDbUrl(db);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (target.backend !== "sqlite") return;
  const source = from ? ` (from ${from})` : "";
  let info: Deno.FileInfo | null = null;
  try {
    info = await Deno.stat(target.path);
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
  if (info?.isDirectory) {
    throw new UsageError(
      `The database ${target.path}${source} is a folder; name a file in it, ` +
        `e.g. --db ${target.path.replace(/\/+$/, "")}/creator.db.`,
    );
  }
  if (!info && !mustExist) {
    const folder = target.path.includes("/") ? target.path.replace(/\/[^/]*$/, "") || "/" : ".";
    const parent = await Deno.stat(folder).catch(() => null);
    if (!parent?.isDirectory) {
      throw new UsageError(
        `Cannot create the database ${target.path}${source}: the folder ${folder} does not exist.`,
      );
    }
  }
  if (!info && mustExist) {
    throw new UsageError(
      `No database at ${target.path}${source}. Run \`creator init\` to create one, ` +
        `or point --db at an existing store.`,
    );
  }
}
