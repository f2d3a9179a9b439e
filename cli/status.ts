import { AGENTS } from "../agents/mod.ts";
import type { Globals } from "./program.ts";
import { output, withSession } from "./session.ts";

/** `creator status`: the last run of every agent and how much is stored. */
export function status(g: Globals): Promise<void> {
  return withSession(g, { mustExist: true }, async ({ ctx }) => {
    const runs = new Map((await ctx.store.logs.lastRuns()).map((r) => [r.agent, r]));
    const counts = await ctx.store.counts();
    const posts = await ctx.store.posts.countByStatus();
    const agents = AGENTS.map((a) => ({
      agent: a.name,
      phase: a.phase,
      lastRun: runs.get(a.name) ?? null,
    }));
    output(g, { database: ctx.store.db.label, agents, counts, posts }, () => {
      const lines = [`database: ${ctx.store.db.label}`, "", "last runs:"];
      for (const { agent, lastRun: r } of agents) {
        lines.push(
          `  ${agent.padEnd(22)} ${
            r
              ? `${r.status.padEnd(7)} ${new Date(r.startedAt).toISOString()}  ${
                r.durationMs === null ? "" : `${(r.durationMs / 1000).toFixed(2)}s`
              }${r.error ? `  ${r.error}` : ""}`
              : "never run"
          }`,
        );
      }
      lines.push("", "rows:");
      for (const [table, n] of Object.entries(counts)) lines.push(`  ${table.padEnd(22)} ${n}`);
      if (Object.keys(posts).length) {
        lines.push("", `posts: ${Object.entries(posts).map(([k, n]) => `${n} ${k}`).join(", ")}`);
      }
      return lines.join("\n");
    });
  });
}
