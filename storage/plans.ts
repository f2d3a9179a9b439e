import type { Format, Platform } from "../core/vocabulary.ts";
import type { Db } from "./db.ts";
import { type Insight, toInsight } from "./insights.ts";

export type PlanStatus = "planned" | "drafted" | "rejected";

export interface NewPlan {
  insightId: number;
  platform: Platform;
  format: Format;
  scheduledAt: number;
  priority: number;
}

export interface Plan extends NewPlan {
  id: number;
  status: PlanStatus;
  createdAt: number;
}

export function plans(db: Db) {
  return {
    /** Adds a plan unless the insight is already planned for that platform. */
    add(p: NewPlan, createdAt: number): Promise<number> {
      return db.run(
        `INSERT INTO content_plans (insight_id, platform, format, scheduled_at, priority, status, created_at)
         VALUES (?, ?, ?, ?, ?, 'planned', ?) ON CONFLICT (insight_id, platform) DO NOTHING`,
        [p.insightId, p.platform, p.format, p.scheduledAt, p.priority, createdAt],
      );
    },

    /** Scheduled times of a platform's plans in [from, to), for caps and spacing. */
    async scheduledBetween(platform: Platform, from: number, to: number): Promise<number[]> {
      const rows = await db.all<{ scheduled_at: number }>(
        `SELECT scheduled_at FROM content_plans WHERE platform = ? AND scheduled_at >= ?
           AND scheduled_at < ? AND status <> 'rejected' ORDER BY scheduled_at`,
        [platform, from, to],
      );
      return rows.map((r) => Number(r.scheduled_at));
    },

    /**
     * Scheduled times of every platform's plans in [from, to): what caps and
     * spacing need for a whole planning run, in one query.
     */
    async scheduledByPlatform(from: number, to: number): Promise<Map<Platform, number[]>> {
      const rows = await db.all<{ platform: Platform; scheduled_at: number }>(
        `SELECT platform, scheduled_at FROM content_plans WHERE scheduled_at >= ?
           AND scheduled_at < ? AND status <> 'rejected' ORDER BY scheduled_at`,
        [from, to],
      );
      const out = new Map<Platform, number[]>();
      for (const r of rows) {
        const list = out.get(r.platform) ?? [];
        list.push(Number(r.scheduled_at));
        out.set(r.platform, list);
      }
      return out;
    },

    /** Plans still waiting for a draft, with their insight, highest priority first. */
    async awaitingDraft(limit: number): Promise<{ plan: Plan; insight: Insight }[]> {
      const rows = await db.all<Record<string, unknown>>(
        `SELECT p.id AS plan_id, p.platform, p.format, p.scheduled_at, p.priority, p.status,
                p.created_at AS plan_created_at, i.*
         FROM content_plans p JOIN insights i ON i.id = p.insight_id
         WHERE p.status = 'planned' ORDER BY p.priority DESC, p.id LIMIT ?`,
        [limit],
      );
      return rows.map((r) => ({ plan: toPlan(r), insight: toInsight(r) }));
    },

    setStatus(id: number, status: PlanStatus): Promise<number> {
      return db.run("UPDATE content_plans SET status = ? WHERE id = ?", [status, id]);
    },
  };
}

export type PlanRepo = ReturnType<typeof plans>;

export function toPlan(r: Record<string, unknown>): Plan {
  return {
    id: Number(r.plan_id ?? r.id),
    insightId: Number(r.insight_id ?? r.id),
    platform: r.platform as Platform,
    format: r.format as Format,
    scheduledAt: Number(r.scheduled_at),
    priority: Number(r.priority),
    status: r.status as PlanStatus,
    createdAt: Number(r.plan_created_at ?? r.created_at),
  };
}
