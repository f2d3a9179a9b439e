import type { Preview } from "../agents/foundation/preview.ts";
import { agentsOf } from "../agents/mod.ts";
import { useColor } from "../core/log.ts";
import { runAgents } from "../core/runner.ts";
import { anyFailed, formatOutcomes } from "./outcomes.ts";
import { writePreview } from "./preview.ts";
import { renderHtml } from "./preview_html.ts";
import type { Globals } from "./program.ts";
import { renderTerminal } from "./render_preview.ts";
import { output, withSession } from "./session.ts";

/** The demo's own database, recreated on every run so it always starts fresh. */
const DEMO_DIR = ".creator";
const DEMO_DB = `${DEMO_DIR}/demo.db`;

/**
 * `creator demo`: the whole foundation phase with no network and no keys:
 * recorded market data, the template writer, dry-run previews.
 */
export async function demo(g: Globals, flags: { out: string }): Promise<void> {
  await Deno.mkdir(DEMO_DIR, { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) await Deno.remove(DEMO_DB + suffix).catch(() => {});
  await withSession(g, { db: DEMO_DB, source: "sample", dryRun: true }, async ({ ctx, log }) => {
    log.info(`demo database: ${DEMO_DB} (sample market data, template writer, dry run)`);
    const outcomes = await runAgents(agentsOf("foundation"), ctx);
    const previews = outcomes.flatMap((o) => (o.details?.previews ?? []) as Preview[]);
    const path = await writePreview(flags.out, renderHtml(previews, ctx.clock.now()));
    output(g, { database: DEMO_DB, outcomes, previews, preview: path }, () =>
      [
        renderTerminal(previews, useColor(Deno.stdout)),
        "",
        formatOutcomes(outcomes),
        "",
        `HTML preview: ${path}`,
        "Nothing was sent. On live data: creator scan && creator publish --dry-run",
        "(`npx -y deno@2 task install` puts the `creator` command on your PATH)",
      ].join("\n"));
    if (anyFailed(outcomes)) Deno.exitCode = 1;
  });
}
