import { DEFAULT_CONFIG_FILE } from "../core/config.ts";
import { assertSound } from "../storage/integrity.ts";
import { label, migrate } from "../storage/migrate.ts";
import type { Globals } from "./program.ts";
import { output, withSession } from "./session.ts";

const TEMPLATES = new URL("./templates/", import.meta.url);

/** `creator init`: the commented config, .env.example, and a migrated database. */
export function init(g: Globals, flags: { force?: boolean }): Promise<void> {
  // The database is opened first: a --db that cannot be used leaves no files behind.
  return withSession(g, { migrate: false }, async ({ ctx }) => {
    await assertSound(ctx.store.db);
    const written: string[] = [];
    const kept: string[] = [];
    const targets = [["creator.yaml", g.config ?? DEFAULT_CONFIG_FILE], [
      "env.example",
      ".env.example",
    ]];
    for (const [template, target] of targets) {
      if (!flags.force && await exists(target)) {
        kept.push(target);
        continue;
      }
      const text = await Deno.readTextFile(new URL(template, TEMPLATES));
      await Deno.writeTextFile(target, template === "creator.yaml" ? withDb(text, g.db) : text);
      written.push(target);
    }
    const applied = await migrate(ctx.store.db);
    output(g, { written, kept, database: ctx.store.db.label, applied: applied.map(label) }, () =>
      [
        ...written.map((f) => `wrote ${f}`),
        ...kept.map((f) => `kept ${f} (exists; --force overwrites it)`),
        applied.length
          ? `database ${ctx.store.db.label}: applied ${applied.map(label).join(", ")}`
          : `database ${ctx.store.db.label}: up to date`,
        "next: `creator scan && creator publish --dry-run`",
      ].join("\n"));
  });
}

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.stat(path);
    return true;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return false;
    throw error;
  }
}

/**
 * The template's `db:` line, set to the --db given to init so the next command
 * uses the same store. A URL with a password is not written (the file is not
 * the place for secrets): the line is left out with a pointer to the environment.
 */
export function withDb(template: string, db: string | undefined): string {
  if (db === undefined) return template;
  const line = /^db: .*$/m;
  if (/^postgres(ql)?:\/\/[^/@]*:[^/@]*@/i.test(db) || /[?&]password=/i.test(db)) {
    return template.replace(
      line,
      "# db: set CREATOR_DB or DATABASE_URL in the environment or .env: the URL given\n" +
        "# to `creator init` holds a password, which does not belong in this file.",
    );
  }
  return template.replace(line, `db: ${JSON.stringify(db)}`);
}
