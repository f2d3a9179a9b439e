import { AGENTS } from "../agents/mod.ts";
import { isBuilt } from "../agents/not_built.ts";
import type { Globals } from "./program.ts";
import { output } from "./session.ts";

/** `creator agents`: all 17, by phase. */
export function listAgents(g: Globals): void {
  const rows = AGENTS.map((a) => ({
    name: a.name,
    phase: a.phase,
    built: isBuilt(a),
    description: a.description,
  }));
  output(
    g,
    { agents: rows },
    () =>
      rows.map((r) =>
        `${r.phase.padEnd(13)} ${r.name.padEnd(22)} ${
          r.built ? "" : "(not built yet) "
        }${r.description}`
      ).join("\n"),
  );
}
