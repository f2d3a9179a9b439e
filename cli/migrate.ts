import { UsageError } from "../core/errors.ts";
import { assertSound } from "../storage/integrity.ts";
import { label, migrate, migrationStatus } from "../storage/migrate.ts";
import type { Globals } from "./program.ts";
import { output, withSession } from "./session.ts";

export async function migrateCommand(g: Globals, action: string | undefined): Promise<void> {
  if (action !== undefined && action !== "status") {
    throw new UsageError(
      `Unknown migrate action "${action}": use \`creator migrate\` or \`creator migrate status\`.`,
    );
  }
  // `status` only reads: it must not create the store it reports on.
  await withSession(g, { migrate: false, mustExist: action === "status" }, async ({ ctx }) => {
    const db = ctx.store.db;
    if (action === "status") {
      const list = await migrationStatus(db);
      output(
        g,
        { database: db.label, migrations: list },
        () =>
          [
            `database: ${db.label}`,
            ...list.map((m) =>
              `${m.appliedAt ? "applied" : "pending"}  ${label(m)}${
                m.appliedAt ? `  ${new Date(m.appliedAt).toISOString()}` : ""
              }${m.modified ? "  (file changed since it was applied)" : ""}`
            ),
          ].join("\n"),
      );
      return;
    }
    await assertSound(db);
    const applied = await migrate(db);
    output(
      g,
      { database: db.label, applied: applied.map(label) },
      () =>
        applied.length
          ? `applied ${applied.map(label).join(", ")} to ${db.label}`
          : `${db.label} is up to date`,
    );
  });
}
