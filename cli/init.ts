import { assertSound } from "../storage/integrity.ts";
import { label, migrate } from "../storage/migrate.ts";
import type { Globals } from "./program.ts";
import { output, withSession } from "./session.ts";
import { withoutPassword } from "../core/mask_url.ts";
import { wrap } from "./_wrap.ts";
import { describeRecorded, PASSWORD_HINT, recordedDb, recordsSame, setDbLine } from "./init_db.ts";

const TEMPLATES = new URL("./templates/", import.meta.url);

/** `creator init`: the commented config, .env.example, and a migrated database. */
export function init(g: Globals, flags: { force?: boolean }): Promise<void> {
  // The database is opened first: a --db that cannot be used leaves no files behind.
  return withSession(g, { migrate: false, writesConfig: true }, async ({ ctx, configPath }) => {
    await assertSound(ctx.store.db);
    const written: string[] = [];
    const kept: string[] = [];
    // Where every later command will read it: --config, CREATOR_CONFIG, or the default.
    const config = configPath;
    for (const [template, target] of [["creator.yaml", config], ["env.example", ".env.example"]]) {
      if (!flags.force && await exists(target)) {
        kept.push(target);
        continue;
      }
      const text = await Deno.readTextFile(new URL(template, TEMPLATES));
      const isConfig = template === "creator.yaml" && g.db !== undefined;
      await Deno.writeTextFile(target, isConfig ? setDbLine(text, g.db!) : text);
      written.push(target);
    }
    const db = g.db === undefined ? null : await recordDb(config, g.db, kept.includes(config));
    const applied = (await migrate(ctx.store.db)).map(label);
    const database = ctx.store.db.label;
    output(g, { written, kept, db, database, applied }, () =>
      [
        ...written.map((f) => `wrote ${f}`),
        ...kept.map((f) => `kept ${f} (exists; --force overwrites it)`),
        ...(db?.was !== undefined
          ? lines(`set db in ${db.file} to ${db.db} (it named ${db.was})`)
          : []),
        ...(db?.passwordLeftOut ? lines(`db in ${db.file} is ${db.db}; ${PASSWORD_HINT}`) : []),
        ...lines(
          applied.length
            ? `database ${database}: applied ${applied.join(", ")}`
            : `database ${database}: up to date`,
        ),
        "next: `creator scan && creator publish --dry-run`",
      ].join("\n"));
  });
}

/** Within 80 columns: wrapped, the lines after the first indented. */
function lines(text: string): string[] {
  return wrap(text, 78).map((line, i) => i ? `  ${line}` : line);
}

/**
 * Makes the config file name the store init used, so the next command opens
 * it: a kept file that named another has its `db:` line set (`was` says what
 * it named). The password of a URL is never written.
 */
async function recordDb(file: string, db: string, kept: boolean) {
  let was: string | undefined;
  if (kept) {
    const text = await Deno.readTextFile(file);
    const before = await recordedDb(text);
    if (!recordsSame(before, db)) {
      await Deno.writeTextFile(file, setDbLine(text, db));
      was = describeRecorded(before);
    }
  }
  const recorded = withoutPassword(db);
  return { file, db: recorded, was, passwordLeftOut: recorded !== db };
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
