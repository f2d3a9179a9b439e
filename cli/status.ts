import { CATALOG } from "../agents/catalog.ts";
import { agentLogs } from "../storage/agent_logs.ts";
import { posts as postRepo } from "../storage/posts.ts";
import { TABLES, tableSizes } from "../storage/sizes.ts";
import type { Globals } from "./program.ts";
import { output } from "./output.ts";
import { withDb } from "./db_session.ts";
import { hanging } from "./_wrap.ts";

/** `creator status`: the last run of every agent and how much is stored. */
export function status(g: Globals): Promise<void> {
  return withDb(g, async (db) => {
    const names = CATALOG.map((a) => a.name);
    const runs = new Map((await agentLogs(db).lastRuns(names)).map((r) => [r.agent, r]));
    const sizes = await tableSizes(db, TABLES);
    const counts = Object.fromEntries(sizes.map((s) => [s.table, s.rows]));
    const estimated = sizes.filter((s) => !s.exact).map((s) => s.table);
    const posts = await postRepo(db).countByStatus();
    const agents = CATALOG.map((a) => ({
      agent: a.name,
      phase: a.phase,
      lastRun: runs.get(a.name) ?? null,
    }));
    output(g, { database: db.label, agents, counts, estimated, posts }, () => {
      const lines = [`database: ${db.label}`, "", "last runs:"];
      for (const { agent, lastRun: r } of agents) {
        lines.push(
          `  ${agent.padEnd(22)} ${
            r
              ? `${r.status.padEnd(7)} ${new Date(r.startedAt).toISOString()}  ${
                r.durationMs === null ? "" : `${(r.durationMs / 1000).toFixed(2)}s`
              }`
              : "never run"
          }`,
        );
        // The reason a run failed goes under it, wrapped: it can run to several lines.
        if (r?.error) lines.push(...hanging("", r.error, 80, 6));
      }
      lines.push("", "rows (~ estimated):");
      for (const s of sizes) lines.push(`  ${s.table.padEnd(22)} ${s.exact ? "" : "~"}${s.rows}`);
      if (Object.keys(posts).length) {
        lines.push("", `posts: ${Object.entries(posts).map(([k, n]) => `${n} ${k}`).join(", ")}`);
      }
      return lines.join("\n");
    });
  });
}
