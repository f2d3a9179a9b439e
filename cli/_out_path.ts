/**
 * Files a person names for a command to write (--out, --html, --breaker-state),
 * checked before any work so that a typo costs nothing, and refused in one line
 * that names the path, the flag and the fix.
 */
import { PathError } from "../core/errors.ts";

/** The folder a file path is in: "." for a bare name. */
export function folderOf(path: string): string {
  return path.includes("/") ? path.replace(/\/[^/]*$/, "") || "/" : ".";
}

/** What is written, and the flag that named where: for the messages. */
export interface OutFile {
  what: string;
  flag: string;
}

/** Throws a PathError when `path` cannot be written as a file: no such folder, or a folder. */
export async function checkOutFile(path: string, out: OutFile): Promise<void> {
  const folder = folderOf(path);
  const dir = await Deno.stat(folder).catch(() => null);
  if (!dir?.isDirectory) {
    throw new PathError(
      `Cannot write ${out.what} to ${path}: the folder ${folder} does not exist; ` +
        `create it, or change ${out.flag}.`,
    );
  }
  if ((await Deno.stat(path).catch(() => null))?.isDirectory) {
    throw new PathError(
      `Cannot write ${out.what} to ${path}: it is a folder; name a file in it (${out.flag}).`,
    );
  }
}

/** The OS's refusal of a write to `path` as a PathError, or null when it is no such refusal. */
export function writeRefusal(error: unknown, path: string, out: OutFile): PathError | null {
  const why = error instanceof Deno.errors.NotFound
    ? `the folder ${folderOf(path)} does not exist; create it, or change ${out.flag}`
    : error instanceof Deno.errors.IsADirectory
    ? `it is a folder; name a file in it (${out.flag})`
    : error instanceof Deno.errors.PermissionDenied
    ? `permission denied; name a file in a folder you can write (${out.flag})`
    : null;
  return why ? new PathError(`Cannot write ${out.what} to ${path}: ${why}.`) : null;
}
