/** A/B experiments: tests, their variants, and which plan got which variant. */
import type { Platform, PostStyle } from "../core/vocabulary.ts";
import { type Db, fromJson, toJson } from "./db.ts";
import { CHART_TYPES, CHARTABLE_SQL } from "./images.ts";
import { DAY_AGE_SECONDS, ENGAGEMENTS_SQL, nullable } from "./post_outcomes.ts";

export const DIMENSIONS = [
  "opening",
  "format",
  "emoji",
  "length",
  "chart",
  "link",
  "hour",
] as const;
export type Dimension = typeof DIMENSIONS[number];
/** Dimensions that shape the text or media of a post rather than its plan. */
export const STYLE_DIMENSIONS: readonly Dimension[] = [
  "opening",
  "emoji",
  "length",
  "chart",
  "link",
];
export const METRICS = ["engagement_rate_24h", "engagements_24h"] as const;
export type ExperimentMetric = typeof METRICS[number];
export type ExperimentStatus = "running" | "stopped" | "concluded";

export interface NewVariant {
  name: string;
  isControl: boolean;
  weight: number;
  config: Record<string, unknown>;
}

export interface Variant extends NewVariant {
  id: number;
}

export interface NewExperiment {
  name: string;
  dimension: Dimension;
  platform: Platform | null;
  metric: ExperimentMetric;
  minSample: number;
  variants: NewVariant[];
}

export interface Experiment extends Omit<NewExperiment, "variants"> {
  id: number;
  status: ExperimentStatus;
  startedAt: number;
  endedAt: number | null;
  winnerVariantId: number | null;
  result: Record<string, unknown>;
  reason: string | null;
  variants: Variant[];
}

/** One published, measured post of an experiment. */
export interface VariantOutcome {
  variantId: number;
  impressions: number | null;
  engagements: number | null;
}

export function experiments(db: Db) {
  async function load(where: string, params: (string | number)[]): Promise<Experiment[]> {
    const tests = await db.all<Record<string, unknown>>(
      `SELECT * FROM ab_tests ${where} ORDER BY id`,
      params,
    );
    if (tests.length === 0) return [];
    const variants = await db.all<Record<string, unknown>>(
      `SELECT * FROM ab_test_variants WHERE test_id IN (${tests.map(() => "?").join(",")})
       ORDER BY is_control DESC, id`,
      tests.map((t) => Number(t.id)),
    );
    return tests.map((t) =>
      toExperiment(t, variants.filter((v) => Number(v.test_id) === Number(t.id)))
    );
  }

  return {
    /** Stores a test and its variants in one transaction; returns the test's id. */
    create(e: NewExperiment, now: number): Promise<number> {
      return db.transaction(async (tx) => {
        const [row] = await tx.all<{ id: number }>(
          `INSERT INTO ab_tests (name, dimension, platform, metric, status, min_sample, started_at)
           VALUES (?, ?, ?, ?, 'running', ?, ?) RETURNING id`,
          [e.name, e.dimension, e.platform, e.metric, e.minSample, now],
        );
        const id = Number(row.id);
        for (const v of e.variants) {
          await tx.run(
            `INSERT INTO ab_test_variants (test_id, name, is_control, weight, config)
             VALUES (?, ?, ?, ?, ?)`,
            [id, v.name, v.isControl ? 1 : 0, v.weight, toJson(v.config)],
          );
        }
        return id;
      });
    },

    list: (status?: ExperimentStatus) => status ? load("WHERE status = ?", [status]) : load("", []),

    async byName(name: string): Promise<Experiment | null> {
      return (await load("WHERE name = ?", [name]))[0] ?? null;
    },

    /** Ends a running test; false when it had already ended. */
    async end(id: number, end: {
      status: "stopped" | "concluded";
      at: number;
      reason: string;
      winnerVariantId: number | null;
    }): Promise<boolean> {
      const n = await db.run(
        `UPDATE ab_tests SET status = ?, ended_at = ?, reason = ?, winner_variant_id = ?
         WHERE id = ? AND status = 'running'`,
        [end.status, end.at, end.reason, end.winnerVariantId, id],
      );
      return n > 0;
    },

    saveResult(id: number, result: Record<string, unknown>, reason: string): Promise<number> {
      return db.run("UPDATE ab_tests SET result = ?, reason = ? WHERE id = ?", [
        toJson(result),
        reason,
        id,
      ]);
    },

    /**
     * Plans made since the test started, not yet drafted (not even tried) and in
     * no experiment. A chart test takes only plans whose insight is drawn as a
     * chart: for the others, "with a chart" could not be applied.
     */
    async unassignedPlans(test: Experiment, limit = 500) {
      const chartOnly = test.dimension === "chart";
      const rows = await db.all<Record<string, unknown>>(
        `SELECT p.id, p.platform, p.format, p.scheduled_at FROM content_plans p
         LEFT JOIN ab_assignments a ON a.plan_id = p.id
         ${chartOnly ? "JOIN insights i ON i.id = p.insight_id" : ""}
         WHERE a.id IS NULL AND p.status = 'planned' AND p.created_at >= ?
           AND NOT EXISTS (SELECT 1 FROM drafts d WHERE d.plan_id = p.id)
           ${test.platform ? "AND p.platform = ?" : ""}
           ${chartOnly ? CHARTABLE_SQL : ""}
         ORDER BY p.id LIMIT ?`,
        [
          test.startedAt,
          ...(test.platform ? [test.platform] : []),
          ...(chartOnly ? CHART_TYPES : []),
          limit,
        ],
      );
      return rows.map((r) => ({
        id: Number(r.id),
        platform: r.platform as Platform,
        format: String(r.format),
        scheduledAt: Number(r.scheduled_at),
      }));
    },

    /** Records an assignment; false when the plan was already taken (by another run). */
    async assign(testId: number, variantId: number, planId: number, now: number) {
      const n = await db.run(
        `INSERT INTO ab_assignments (test_id, variant_id, plan_id, assigned_at)
         VALUES (?, ?, ?, ?) ON CONFLICT (plan_id) DO NOTHING`,
        [testId, variantId, planId, now],
      );
      return n > 0;
    },

    /** Gives a plan still waiting for its draft the variant's format. */
    setPlanFormat(planId: number, format: string): Promise<number> {
      return db.run("UPDATE content_plans SET format = ? WHERE id = ? AND status = 'planned'", [
        format,
        planId,
      ]);
    },

    /** Moves a plan still waiting for its draft to the variant's slot. */
    reschedulePlan(planId: number, at: number): Promise<number> {
      return db.run(
        "UPDATE content_plans SET scheduled_at = ? WHERE id = ? AND status = 'planned'",
        [at, planId],
      );
    },

    /**
     * The style each of these plans must be written in, from the variant it was
     * given by a test of a style dimension; plans in no such test are absent.
     */
    async stylesFor(planIds: readonly number[]): Promise<Map<number, PostStyle>> {
      const out = new Map<number, PostStyle>();
      if (planIds.length === 0) return out;
      const rows = await db.all<{ plan_id: number; config: string }>(
        `SELECT a.plan_id, v.config FROM ab_assignments a
         JOIN ab_tests t ON t.id = a.test_id JOIN ab_test_variants v ON v.id = a.variant_id
         WHERE a.plan_id IN (${planIds.map(() => "?").join(", ")})
           AND t.dimension IN (${STYLE_DIMENSIONS.map(() => "?").join(", ")})`,
        [...planIds, ...STYLE_DIMENSIONS],
      );
      for (const r of rows) out.set(Number(r.plan_id), fromJson(r.config, {}) as PostStyle);
      return out;
    },

    /** Which of these plans are in a test of their format or style (what the post says). */
    async shapedPlans(planIds: readonly number[]): Promise<Set<number>> {
      if (planIds.length === 0) return new Set();
      const shaping = ["format", ...STYLE_DIMENSIONS];
      const rows = await db.all<{ plan_id: number }>(
        `SELECT a.plan_id FROM ab_assignments a JOIN ab_tests t ON t.id = a.test_id
         WHERE a.plan_id IN (${planIds.map(() => "?").join(", ")})
           AND t.dimension IN (${shaping.map(() => "?").join(", ")})`,
        [...planIds, ...shaping],
      );
      return new Set(rows.map((r) => Number(r.plan_id)));
    },

    async assignmentCounts(testId: number): Promise<Map<number, number>> {
      const rows = await db.all<{ variant_id: number; n: number }>(
        "SELECT variant_id, COUNT(*) AS n FROM ab_assignments WHERE test_id = ? GROUP BY variant_id",
        [testId],
      );
      return new Map(rows.map((r) => [Number(r.variant_id), Number(r.n)]));
    },

    /** The measured outcome of every published post of the test, at `ageSeconds`. */
    async outcomes(testId: number, ageSeconds = DAY_AGE_SECONDS): Promise<VariantOutcome[]> {
      const rows = await db.all<Record<string, unknown>>(
        `SELECT a.variant_id, m.impressions, ${ENGAGEMENTS_SQL} AS engagements
         FROM ab_assignments a
         JOIN published_content pc ON pc.plan_id = a.plan_id AND pc.status = 'published'
         JOIN post_metrics m ON m.post_id = pc.id AND m.age_seconds = ? AND m.state = 'live'
         WHERE a.test_id = ? ORDER BY a.id`,
        [ageSeconds, testId],
      );
      return rows.map((r) => ({
        variantId: Number(r.variant_id),
        impressions: nullable(r.impressions),
        engagements: nullable(r.engagements),
      }));
    },
  };
}

export type ExperimentRepo = ReturnType<typeof experiments>;

function toExperiment(t: Record<string, unknown>, variants: Record<string, unknown>[]): Experiment {
  return {
    id: Number(t.id),
    name: String(t.name),
    dimension: t.dimension as Dimension,
    platform: (t.platform ?? null) as Platform | null,
    metric: t.metric as ExperimentMetric,
    status: t.status as ExperimentStatus,
    minSample: Number(t.min_sample),
    startedAt: Number(t.started_at),
    endedAt: nullable(t.ended_at),
    winnerVariantId: nullable(t.winner_variant_id),
    result: fromJson(t.result, {}),
    reason: (t.reason ?? null) as string | null,
    variants: variants.map((v) => ({
      id: Number(v.id),
      name: String(v.name),
      isControl: Number(v.is_control) === 1,
      weight: Number(v.weight),
      config: fromJson(v.config, {}),
    })),
  };
}
