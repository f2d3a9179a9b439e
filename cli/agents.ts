import { CATALOG } from "../agents/catalog.ts";
import type { Globals } from "./program.ts";
import { output } from "./output.ts";
import { hanging } from "./_wrap.ts";

/** `creator agents`: all 17, by phase, from the catalog (no agent code is loaded). */
export function listAgents(g: Globals): void {
  const rows = CATALOG.map((a) => ({ ...a }));
  output(
    g,
    { agents: rows },
    () =>
      rows.flatMap((r) =>
        hanging(
          `${r.phase.padEnd(13)} ${r.name.padEnd(22)} `,
          `${r.built ? "" : "(not built yet) "}${r.description}`,
        )
      ).join("\n"),
  );
}
