import { agentLogs, type LogLevel } from "../storage/agent_logs.ts";
import type { Globals } from "./program.ts";
import { output } from "./output.ts";
import { withDb } from "./db_session.ts";

export interface LogFlags {
  agent?: string;
  level?: LogLevel;
  since?: number;
  limit: number;
}

/** `creator logs`: what the agents recorded, filtered. */
export function logs(g: Globals, flags: LogFlags): Promise<void> {
  return withDb(g, async (db) => {
    const entries = await agentLogs(db).query(flags);
    output(
      g,
      { logs: entries },
      () =>
        entries.length
          ? entries.map((e) =>
            `${new Date(e.at).toISOString()} ${e.level.padEnd(5)} [${e.agent}] ${e.message}${
              e.data ? " " + JSON.stringify(e.data) : ""
            }`
          ).join("\n")
          : "no log entries match",
    );
  });
}
