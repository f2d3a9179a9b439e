/**
 * What the learning agents keep: arm weights for the strategist, the audit
 * trail of every change, the distilled lessons, and the freeze switch.
 */
import type { Format, Platform } from "../core/vocabulary.ts";
import { type Db, fromJson, toJson } from "./db.ts";

export interface ArmWeight {
  arm: string;
  platform: Platform;
  format: Format;
  hourBucket: number;
  insightKind: string;
  alpha: number;
  beta: number;
  observations: number;
  weight: number;
  updatedAt: number;
}

export type ChangeKind = "arm_weights" | "experiment" | "lesson" | "freeze";

export interface NewChange {
  runId?: string | null;
  kind: ChangeKind;
  subject: string;
  before: unknown;
  after: unknown;
  evidence: Record<string, unknown>;
  reason: string;
}

export interface Change extends NewChange {
  id: number;
  at: number;
}

export interface Lesson {
  topic: string;
  text: string;
  evidence: Record<string, unknown>;
  updatedAt: number;
}

export interface Freeze {
  at: number;
  reason: string;
}

export function learning(db: Db) {
  return {
    async arms(platform?: Platform): Promise<ArmWeight[]> {
      const rows = await db.all<Record<string, unknown>>(
        `SELECT * FROM arm_weights ${platform ? "WHERE platform = ?" : ""} ORDER BY arm`,
        platform ? [platform] : [],
      );
      return rows.map(toArm);
    },

    async saveArm(a: ArmWeight): Promise<void> {
      await db.run(
        `INSERT INTO arm_weights (arm, platform, format, hour_bucket, insight_kind, alpha, beta,
           observations, weight, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (arm) DO UPDATE SET alpha = excluded.alpha, beta = excluded.beta,
           observations = excluded.observations, weight = excluded.weight,
           updated_at = excluded.updated_at`,
        [
          a.arm,
          a.platform,
          a.format,
          a.hourBucket,
          a.insightKind,
          a.alpha,
          a.beta,
          a.observations,
          a.weight,
          a.updatedAt,
        ],
      );
    },

    async recordChange(c: NewChange, at: number): Promise<void> {
      await db.run(
        `INSERT INTO learning_changes (run_id, kind, subject, before_value, after_value, evidence,
           reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          c.runId ?? null,
          c.kind,
          c.subject,
          toJson(c.before),
          toJson(c.after),
          toJson(c.evidence),
          c.reason,
          at,
        ],
      );
    },

    /** Changes made at or after `since`, newest first. */
    async changes(since: number, limit = 200): Promise<Change[]> {
      const rows = await db.all<Record<string, unknown>>(
        `SELECT * FROM learning_changes WHERE created_at >= ? ORDER BY created_at DESC, id DESC
         LIMIT ?`,
        [since, limit],
      );
      return rows.map((r) => ({
        id: Number(r.id),
        runId: (r.run_id ?? null) as string | null,
        kind: r.kind as ChangeKind,
        subject: String(r.subject),
        before: fromJson(r.before_value, null),
        after: fromJson(r.after_value, null),
        evidence: fromJson(r.evidence, {}),
        reason: String(r.reason),
        at: Number(r.created_at),
      }));
    },

    async saveLesson(l: Lesson): Promise<void> {
      await db.run(
        `INSERT INTO learning_lessons (topic, text, evidence, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (topic) DO UPDATE SET text = excluded.text, evidence = excluded.evidence,
           updated_at = excluded.updated_at`,
        [l.topic, l.text, toJson(l.evidence), l.updatedAt],
      );
    },

    async lessons(): Promise<Lesson[]> {
      const rows = await db.all<Record<string, unknown>>(
        "SELECT * FROM learning_lessons ORDER BY topic",
      );
      return rows.map((r) => ({
        topic: String(r.topic),
        text: String(r.text),
        evidence: fromJson(r.evidence, {}),
        updatedAt: Number(r.updated_at),
      }));
    },

    /** The freeze, when learning is frozen: no agent changes weights or lessons until thawed. */
    async frozen(): Promise<Freeze | null> {
      const [row] = await db.all<{ value: string }>(
        "SELECT value FROM learning_state WHERE name = 'frozen'",
      );
      return row ? fromJson<Freeze | null>(row.value, null) : null;
    },

    async setFrozen(freeze: Freeze | null, at: number): Promise<void> {
      if (freeze === null) {
        await db.run("DELETE FROM learning_state WHERE name = 'frozen'");
        return;
      }
      await db.run(
        `INSERT INTO learning_state (name, value, updated_at) VALUES ('frozen', ?, ?)
         ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
        [toJson(freeze), at],
      );
    },
  };
}

export type LearningRepo = ReturnType<typeof learning>;

function toArm(r: Record<string, unknown>): ArmWeight {
  return {
    arm: String(r.arm),
    platform: r.platform as Platform,
    format: r.format as Format,
    hourBucket: Number(r.hour_bucket),
    insightKind: String(r.insight_kind),
    alpha: Number(r.alpha),
    beta: Number(r.beta),
    observations: Number(r.observations),
    weight: Number(r.weight),
    updatedAt: Number(r.updated_at),
  };
}
