import { DEFAULT_CONFIG_FILE } from "../core/config.ts";
import { assertSound } from "../storage/integrity.ts";
import { label, migrate } from "../storage/migrate.ts";
import type { Globals } from "./program.ts";
import { output, withSession } from "./session.ts";

const TEMPLATES = new URL("./templates/", import.meta.url);

/** `creator init`: the commented config, .env.example, and a migrated database. */
export async function init(g: Globals, flags: { force?: boolean }): Promise<void> {
  const written: string[] = [];
  const kept: string[] = [];
  for (
    const [template, target] of [["creator.yaml", g.config ?? DEFAULT_CONFIG_FILE], [
      "env.example",
      ".env.example",
    ]]
  ) {
    if (!flags.force && await exists(target)) {
      kept.push(target);
      continue;
    }
    await Deno.writeTextFile(target, await Deno.readTextFile(new URL(template, TEMPLATES)));
    written.push(target);
  }
  await withSession(g, { migrate: false }, async ({ ctx }) => {
    await assertSound(ctx.store.db);
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
