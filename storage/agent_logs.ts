import { LOG_LEVELS, type LogLevel } from "../core/vocabulary.ts";
import type { Db, Param } from "./db.ts";

export type { LogLevel };
export type RunStatus = "running" | "ok" | "failed";

export interface LogEntry {
  runId: string;
  agent: string;
  level: LogLevel;
  event: "start" | "end" | "log";
  message: string;
  status?: RunStatus;
  durationMs?: number;
  itemsRead?: number;
  itemsWritten?: number;
  error?: string;
  data?: Record<string, unknown>;
  at: number;
}

export interface LogQuery {
  agent?: string;
  /** Minimum level: "warn" returns warn and error. */
  level?: LogLevel;
  since?: number;
  limit?: number;
}

export interface LastRun {
  agent: string;
  status: RunStatus;
  startedAt: number;
  durationMs: number | null;
  itemsRead: number | null;
  itemsWritten: number | null;
  error: string | null;
}

export function agentLogs(db: Db) {
  return {
    async append(e: LogEntry): Promise<void> {
      await db.run(
        `INSERT INTO agent_logs (run_id, agent, level, event, message, status, duration_ms,
           items_read, items_written, error, data, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          e.runId,
          e.agent,
          e.level,
          e.event,
          e.message,
          e.status ?? null,
          e.durationMs ?? null,
          e.itemsRead ?? null,
          e.itemsWritten ?? null,
          e.error ?? null,
          e.data ? JSON.stringify(e.data) : null,
          e.at,
        ],
      );
    },

    /** Newest last, so a terminal reads it top to bottom. */
    async query(q: LogQuery = {}): Promise<LogEntry[]> {
      const where: string[] = [];
      const params: Param[] = [];
      if (q.agent) where.push("agent = ?"), params.push(q.agent);
      if (q.since !== undefined) where.push("created_at >= ?"), params.push(q.since);
      if (q.level) {
        const levels = LOG_LEVELS.slice(LOG_LEVELS.indexOf(q.level));
        where.push(`level IN (${levels.map(() => "?").join(", ")})`), params.push(...levels);
      }
      params.push(q.limit ?? 100);
      const rows = await db.all<Record<string, unknown>>(
        `SELECT * FROM agent_logs ${where.length ? "WHERE " + where.join(" AND ") : ""}
         ORDER BY created_at DESC, id DESC LIMIT ?`,
        params,
      );
      return rows.reverse().map(toEntry);
    },

    /**
     * The latest run of each named agent: its end row, or its start row while
     * still running. One index seek per agent (agent_logs_runs), however long
     * the log.
     */
    async lastRuns(agents: readonly string[]): Promise<LastRun[]> {
      if (!agents.length) return [];
      const one = (i: number) =>
        `SELECT * FROM (SELECT * FROM agent_logs WHERE agent = ? AND event IN ('start', 'end')
           ORDER BY id DESC LIMIT 1) AS r${i}`;
      const rows = await db.all<Record<string, unknown>>(
        `${agents.map((_, i) => one(i)).join(" UNION ALL ")} ORDER BY agent`,
        [...agents],
      );
      return rows.map((r) => ({
        agent: String(r.agent),
        status: (r.event === "start" ? "running" : r.status) as RunStatus,
        startedAt: Number(r.created_at) - Number(r.duration_ms ?? 0),
        durationMs: r.duration_ms === null ? null : Number(r.duration_ms),
        itemsRead: r.items_read === null ? null : Number(r.items_read),
        itemsWritten: r.items_written === null ? null : Number(r.items_written),
        error: r.error === null ? null : String(r.error),
      }));
    },
  };
}

export type AgentLogRepo = ReturnType<typeof agentLogs>;

function toEntry(r: Record<string, unknown>): LogEntry {
  const num = (v: unknown) => (v === null || v === undefined ? undefined : Number(v));
  return {
    runId: String(r.run_id),
    agent: String(r.agent),
    level: r.level as LogLevel,
    event: r.event as LogEntry["event"],
    message: String(r.message),
    status: (r.status ?? undefined) as RunStatus | undefined,
    durationMs: num(r.duration_ms),
    itemsRead: num(r.items_read),
    itemsWritten: num(r.items_written),
    error: (r.error ?? undefined) as string | undefined,
    data: typeof r.data === "string" ? JSON.parse(r.data) : undefined,
    at: Number(r.created_at),
  };
}
