import { type Db, StorageError } from "./db.ts";

export interface IntegrityReport {
  /** False when the backend has no check of its own to run from here. */
  checked: boolean;
  /** Empty when the database is sound. */
  problems: string[];
}

/**
 * Reads every page, so it costs time in proportion to the file: run by
 * `migrate`, `init` and `doctor`, never on an ordinary open. SQLite's
 * quick_check covers pages and records; `full` adds index-to-table agreement.
 * Postgres checks its own pages (data checksums, WAL replay) and offers
 * nothing comparable to an ordinary client, so it reports `checked: false`.
 */
export async function checkIntegrity(
  db: Db,
  options: { full?: boolean } = {},
): Promise<IntegrityReport> {
  if (db.backend !== "sqlite") return { checked: false, problems: [] };
  const pragma = options.full ? "integrity_check" : "quick_check";
  try {
    const rows = await db.all<Record<string, unknown>>(`PRAGMA ${pragma}(20)`);
    const problems = rows.map((r) => String(Object.values(r)[0])).filter((m) => m !== "ok");
    return { checked: true, problems };
  } catch (error) {
    return { checked: true, problems: [(error as Error).message] };
  }
}

/** Refuses to go on with a damaged database: migrating one could spread the damage. */
export async function assertSound(db: Db): Promise<void> {
  const { problems } = await checkIntegrity(db);
  if (!problems.length) return;
  throw new StorageError(
    `${db.label} is damaged (${problems.slice(0, 3).join("; ")}). Nothing was changed; ` +
      "restore a backup or point --db at a new file (`creator doctor` shows the full report).",
  );
}
