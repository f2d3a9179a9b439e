/**
 * What the reading commands (`status`, `logs`) open: the config and the
 * database, nothing more. No integrations, no agent context, no repository
 * they do not read: they print a few rows, so their start-up should be little
 * more than Deno's own.
 */
import { loadConfig } from "../core/config.ts";
import { PathError, UsageError } from "../core/errors.ts";
import type { Db } from "../storage/db.ts";
import { openForReading } from "../storage/open.ts";
import { parseDbUrl } from "../storage/url.ts";
import type { Globals } from "./program.ts";
import { folderOf } from "./_out_path.ts";

/**
 * Opens the configured database for reading (which must exist; pending
 * migrations are applied, as every command does), runs `fn`, and always closes it.
 */
export async function withDb<T>(g: Globals, fn: (db: Db) => Promise<T>): Promise<T> {
  const { config, sources } = await loadConfig({ db: g.db, configPath: g.config });
  await checkDatabase(config.db, sources.db, true);
  const db = await openForReading(config.db);
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
    throw new PathError(
      `The database ${target.path}${source} is a folder; name a file in it, ` +
        `e.g. --db ${target.path.replace(/\/+$/, "")}/creator.db.`,
    );
  }
  if (!info && !mustExist) {
    const folder = folderOf(target.path);
    const parent = await Deno.stat(folder).catch(() => null);
    if (!parent?.isDirectory) {
      throw new PathError(
        `Cannot create the database ${target.path}${source}: the folder ${folder} does not exist; ` +
          "create it, or change --db.",
      );
    }
    const refused = await refusesNewFiles(folder);
    if (refused) {
      throw new PathError(
        `Cannot create the database ${target.path}${source}: the folder ${folder} takes no new ` +
          `files (${refused}); point --db at a folder you can write.`,
      );
    }
  }
  if (!info && mustExist) {
    throw new PathError(
      `No database at ${target.path}${source}. Run \`creator init\` to create one, ` +
        `or point --db at an existing store.`,
    );
  }
}

/**
 * Why `folder` will not take a new file, tried with an empty scratch file that
 * is removed at once; null when it will. SQLite's own words for this are
 * "unable to open database file", which names neither the folder nor a fix.
 */
async function refusesNewFiles(folder: string): Promise<string | null> {
  const scratch = `${folder}/.creator-write-check-${crypto.randomUUID().slice(0, 8)}`;
  try {
    await Deno.writeFile(scratch, new Uint8Array(), { createNew: true });
  } catch (error) {
    if (error instanceof Deno.errors.PermissionDenied) return "permission denied";
    if (/read-only file system|os error 30/i.test((error as Error).message)) {
      return "read-only file system";
    }
    return "the file system refuses them";
  }
  await Deno.remove(scratch).catch(() => {});
  return null;
}
