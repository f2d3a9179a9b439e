/**
 * What is really wrong when SQLite cannot open or write its file: a full
 * disk, a read-only file system or missing permission read to SQLite as
 * "disk I/O error" or "unable to open database file", which must never be
 * reported as a damaged database (that advice, restore a backup, is false and
 * alarming). Each cause comes with its fix.
 */

export type Trouble = "full" | "read-only-fs" | "permission";

/** The cause an error names, from SQLite's words or the OS error behind it. */
export function troubleOf(error: unknown): Trouble | null {
  const text = `${(error as { code?: string })?.code ?? ""} ${
    error instanceof Error ? error.message : String(error)
  }`;
  if (/ENOSPC|No space left|database or disk is full|SQLITE_FULL/i.test(text)) return "full";
  if (/EROFS|Read-only file system/i.test(text)) return "read-only-fs";
  if (/EACCES|EPERM|Permission denied|PermissionDenied|readonly database/i.test(text)) {
    return "permission";
  }
  return null;
}

/**
 * Whether `path` can be opened for writing, tried without creating,
 * truncating or writing it: null when it can (or does not exist yet).
 */
export function fileTrouble(path: string): Trouble | null {
  try {
    Deno.openSync(path, { read: true, write: true }).close();
    return null;
  } catch (error) {
    return error instanceof Deno.errors.NotFound ? null : troubleOf(error);
  }
}

/**
 * Whether the folder of `path` takes a new file of one page (where SQLite
 * would put its -wal and -shm files): a scratch file is written and removed.
 */
export function folderTrouble(path: string): Trouble | null {
  const dir = path.includes("/") ? path.slice(0, path.lastIndexOf("/")) || "/" : ".";
  const scratch = `${dir}/.creator-space-check-${crypto.randomUUID().slice(0, 8)}`;
  try {
    Deno.writeFileSync(scratch, new Uint8Array(4096), { createNew: true });
    return null;
  } catch (error) {
    return troubleOf(error);
  } finally {
    try {
      Deno.removeSync(scratch);
    } catch { /* never made */ }
  }
}

/** One message with the cause and its fix. */
export function troubleMessage(path: string, trouble: Trouble): string {
  switch (trouble) {
    case "full":
      return `Cannot write ${path}: the disk holding it is full. The database is not damaged ` +
        `(a failed write is rolled back); free some space, then run again.`;
    case "read-only-fs":
      return `Cannot write ${path}: it is on a read-only file system. Commands that only read ` +
        `(status, logs) still work; to write, remount it read-write or copy the file to a ` +
        `writable disk and point --db at the copy.`;
    case "permission":
      return `Cannot write ${path}: permission denied on the file or its folder. Commands that ` +
        `only read (status, logs) still work; to write, run as the user owning it or give ` +
        `yours write access.`;
  }
}
