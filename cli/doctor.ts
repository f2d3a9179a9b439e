import { checkIntegrity } from "../storage/integrity.ts";
import { label, migrationStatus } from "../storage/migrate.ts";
import type { Globals } from "./program.ts";
import { output, withSession } from "./session.ts";

/**
 * `creator doctor`: the checks too costly for every command. Reads the whole
 * database (SQLite's integrity_check) and lists pending or edited migrations.
 * Exit 1 when something needs a person.
 */
export function doctor(g: Globals): Promise<void> {
  return withSession(g, { migrate: false, mustExist: true }, async ({ ctx }) => {
    const db = ctx.store.db;
    const integrity = await checkIntegrity(db, { full: true });
    const migrations = await migrationStatus(db);
    const pending = migrations.filter((m) => m.appliedAt === null).map(label);
    const modified = migrations.filter((m) => m.modified).map(label);
    const healthy = integrity.problems.length === 0 && modified.length === 0;
    if (!healthy) Deno.exitCode = 1;
    output(g, { database: db.label, healthy, integrity, pending, modified }, () =>
      [
        `database: ${db.label}`,
        integrity.checked
          ? integrity.problems.length
            ? `integrity: DAMAGED\n${integrity.problems.map((p) => `  ${p}`).join("\n")}\n` +
              "  restore a backup, or point --db at a new file"
            : "integrity: ok (every page and index read)"
          : "integrity: left to the server (Postgres checks its own pages)",
        pending.length
          ? `migrations: ${pending.length} pending (${pending.join(", ")}); run \`creator migrate\``
          : "migrations: up to date",
        ...modified.map((m) => `migration ${m} changed after it was applied: restore the file`),
      ].join("\n"));
  });
}
