import { describeTotals, retentionPolicy, totals } from "../orchestrator/retention.ts";
import type { Globals } from "./program.ts";
import { output, withSession } from "./session.ts";

export interface PruneFlags {
  dryRun?: boolean;
  vacuum?: boolean;
}

/** `creator prune`: applies the retention policy now, or with --dry-run counts what it would. */
export function pruneCommand(g: Globals, flags: PruneFlags): Promise<void> {
  return withSession(g, { mustExist: !!flags.dryRun }, async ({ ctx, log }) => {
    const policy = retentionPolicy(ctx.config);
    const steps = await ctx.store.prune(policy, ctx.clock.now(), {
      dryRun: flags.dryRun,
      signal: ctx.signal,
    });
    const byTable = totals(steps);
    if (flags.vacuum && !flags.dryRun) {
      log.info("vacuuming: the database is locked until this ends");
      await ctx.store.compact();
    }
    const verb = flags.dryRun ? "would delete" : "deleted";
    output(
      g,
      { database: ctx.store.db.label, dryRun: !!flags.dryRun, deleted: byTable, steps },
      () =>
        [
          `database: ${ctx.store.db.label}`,
          ...Object.entries(byTable).map(([t, n]) => `  ${t.padEnd(18)} ${verb} ${n}`),
          flags.dryRun
            ? `dry run: ${describeTotals(byTable)} would go; nothing was deleted`
            : `${describeTotals(byTable)}${flags.vacuum ? "; file compacted" : ""}`,
        ].join("\n"),
    );
  });
}
