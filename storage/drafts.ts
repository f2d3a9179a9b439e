import { type Db, fromJson, toJson } from "./db.ts";

export interface NewDraft {
  planId: number;
  attempt: number;
  writer: string;
  parts: string[];
  status: "accepted" | "rejected";
  reason: string | null;
  usage?: unknown;
}

export interface StoredDraft extends NewDraft {
  id: number;
  createdAt: number;
}

export function drafts(db: Db) {
  return {
    async add(d: NewDraft, createdAt: number): Promise<number> {
      const rows = await db.all<{ id: number }>(
        `INSERT INTO drafts (plan_id, attempt, writer, parts, status, reason, usage, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
        [
          d.planId,
          d.attempt,
          d.writer,
          toJson(d.parts),
          d.status,
          d.reason,
          d.usage === undefined ? null : toJson(d.usage),
          createdAt,
        ],
      );
      return Number(rows[0].id);
    },

    async forPlan(planId: number): Promise<StoredDraft[]> {
      const rows = await db.all("SELECT * FROM drafts WHERE plan_id = ? ORDER BY attempt", [
        planId,
      ]);
      return rows.map(toDraft);
    },
  };
}

export type DraftRepo = ReturnType<typeof drafts>;

export function toDraft(r: Record<string, unknown>): StoredDraft {
  return {
    id: Number(r.draft_id ?? r.id),
    planId: Number(r.plan_id),
    attempt: Number(r.attempt),
    writer: String(r.writer),
    parts: fromJson(r.parts, []),
    status: (r.draft_status ?? r.status) as NewDraft["status"],
    reason: r.reason == null ? null : String(r.reason),
    usage: fromJson(r.usage, undefined),
    createdAt: Number(r.created_at),
  };
}
