/**
 * The `db:` line `creator init --db` leaves in creator.yaml, so that the next
 * command opens the store init made. A password never goes into the file: the
 * URL is written without it, and Postgres gets it from PGPASSWORD in the
 * environment, or from the whole URL in CREATOR_DB / DATABASE_URL (the
 * environment or .env), which win over the file.
 */
import { lazyImport } from "../core/lazy.ts";
import { maskUrl, withoutPassword } from "../core/mask_url.ts";
import { DEFAULT_DB } from "../storage/url.ts";

/** Where a URL's password goes instead of the file: said in the file and by init. */
export const PASSWORD_HINT =
  "the password: PGPASSWORD, or the whole URL as DATABASE_URL (environment or .env)";

/** `text` (a creator.yaml) with its top-level `db:` set to `db`, password left out. */
export function setDbLine(text: string, db: string): string {
  const kept = withoutPassword(db);
  const line = `db: ${JSON.stringify(kept)}${kept === db ? "" : `  # ${PASSWORD_HINT}`}`;
  const at = /^db:.*$/m;
  return at.test(text) ? text.replace(at, () => line) : `${line}\n${text}`;
}

/** The `db:` a creator.yaml names now, or null when it names none (the default applies). */
export async function recordedDb(text: string): Promise<string | null> {
  const { parse } = await lazyImport<typeof import("yaml")>("yaml");
  // The file was read once already by the config loader, so it parses.
  const db = (parse(text) as { db?: unknown } | null)?.db;
  return typeof db === "string" ? db : null;
}

/**
 * Whether a file that names `recorded` already leads to `db`: passwords aside, so that a file
 * holding the same URL with its password is left as it is.
 */
export function recordsSame(recorded: string | null, db: string): boolean {
  return withoutPassword(recorded ?? DEFAULT_DB) === withoutPassword(db);
}

/** For messages: what the file named, masked. */
export function describeRecorded(recorded: string | null): string {
  return recorded === null ? `nothing, so ${DEFAULT_DB}` : maskUrl(recorded);
}
