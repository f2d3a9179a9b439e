/** Rendered images, stored once per content (sha256), and the planned posts that carry them. */
import { Buffer } from "node:buffer";
import type { Picture } from "../core/vocabulary.ts";
import type { Db } from "./db.ts";
import { type Insight, toInsight } from "./insights.ts";
import { type Plan, toPlan } from "./plans.ts";

/** A picture as stored, with its content hash. */
export interface StoredPicture extends Picture {
  sha256: string;
  kind: string;
}

export interface PlanImage {
  planId: number;
  draftId: number | null;
  imageId: number;
  kind: string;
  alt: string;
}

/** Insight types drawn as a chart: they rest on one symbol's candles. */
export const CHART_TYPES = [
  "price_move",
  "volume_spike",
  "rsi_extreme",
  "ma_cross",
  "bollinger_breakout",
] as const;

/** The condition on insights `i` that their plans get a chart; binds CHART_TYPES. */
export const CHARTABLE_SQL = `AND i.symbol IS NOT NULL AND i.timeframe IS NOT NULL
  AND i.type IN (${CHART_TYPES.map(() => "?").join(", ")})`;

/** Plans `p` given the "without a chart" variant of a chart test. */
const CHART_REFUSED_SQL = `EXISTS (SELECT 1 FROM ab_assignments a
  JOIN ab_test_variants v ON v.id = a.variant_id JOIN ab_tests t ON t.id = a.test_id
  WHERE a.plan_id = p.id AND t.dimension = 'chart' AND v.config = '{"chart":false}')`;

export function images(db: Db) {
  return {
    /** Stores the bytes unless the same content is there already; returns the image's id. */
    async save(png: Uint8Array, meta: ImageMeta, now: number): Promise<number> {
      const data = Buffer.from(png).toString("base64");
      await db.run(
        `INSERT INTO images (sha256, mime, width, height, byte_length, data, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING`,
        [meta.sha256, meta.mime, meta.width, meta.height, png.byteLength, data, now],
      );
      const rows = await db.all<{ id: number }>("SELECT id FROM images WHERE sha256 = ?", [
        meta.sha256,
      ]);
      return Number(rows[0].id);
    },

    /** Links an image to a plan; a plan keeps the first image it was given. Returns rows added. */
    /** Links a picture to its plan, unless the plan was given "without a chart" meanwhile. */
    attach(link: PlanImage, now: number): Promise<number> {
      return db.run(
        `INSERT INTO plan_images (plan_id, draft_id, image_id, kind, alt_text, created_at)
         SELECT p.id, ?, ?, ?, ?, ? FROM content_plans p
         WHERE p.id = ? AND NOT ${CHART_REFUSED_SQL}
         ON CONFLICT (plan_id) DO NOTHING`,
        [link.draftId, link.imageId, link.kind, link.alt, now, link.planId],
      );
    },

    /**
     * Plans of chartable insights that have no image yet, oldest first, with the accepted
     * draft when there is one. Rejected plans and posts already sent are left alone.
     */
    async awaitingImage(limit: number): Promise<AwaitingImage[]> {
      const rows = await db.all(
        `SELECT p.id AS plan_id, p.platform, p.format, p.scheduled_at, p.priority, p.status,
                p.created_at AS plan_created_at, d.id AS draft_id, i.*
         FROM content_plans p JOIN insights i ON i.id = p.insight_id
         LEFT JOIN drafts d ON d.plan_id = p.id AND d.status = 'accepted'
         WHERE p.status <> 'rejected' ${CHARTABLE_SQL}
           AND NOT ${CHART_REFUSED_SQL}
           AND NOT EXISTS (SELECT 1 FROM plan_images pi WHERE pi.plan_id = p.id)
           AND NOT EXISTS (SELECT 1 FROM published_content pc WHERE pc.plan_id = p.id
                           AND pc.status <> 'failed')
         ORDER BY p.id LIMIT ?`,
        [...CHART_TYPES, limit],
      );
      return rows.map((r) => ({
        plan: toPlan(r),
        insight: toInsight(r),
        draftId: r.draft_id == null ? null : Number(r.draft_id),
      }));
    },

    /** Takes the picture off a plan not yet sent (an experiment's "without a chart"). */
    detach(planId: number): Promise<number> {
      return db.run(
        `DELETE FROM plan_images WHERE plan_id = ? AND NOT EXISTS
           (SELECT 1 FROM published_content pc WHERE pc.plan_id = ? AND pc.status <> 'failed')`,
        [planId, planId],
      );
    },

    /**
     * The chart drawn for each of these insights (for any of their plans), by
     * insight id; insights without one are absent.
     */
    async chartsOf(insightIds: readonly number[]): Promise<Map<number, ChartRef>> {
      const out = new Map<number, ChartRef>();
      if (insightIds.length === 0) return out;
      const rows = await db.all(
        `SELECT p.insight_id, pi.image_id, pi.alt_text FROM plan_images pi
         JOIN content_plans p ON p.id = pi.plan_id
         WHERE p.insight_id IN (${insightIds.map(() => "?").join(", ")}) ORDER BY pi.id`,
        [...insightIds],
      );
      for (const r of rows) {
        const insightId = Number(r.insight_id);
        if (!out.has(insightId)) {
          out.set(insightId, { imageId: Number(r.image_id), alt: String(r.alt_text) });
        }
      }
      return out;
    },

    /** One stored image's bytes and size, with the alt text it goes out with. */
    async picture(imageId: number, alt: string): Promise<Picture | null> {
      const rows = await db.all("SELECT width, height, data FROM images WHERE id = ?", [imageId]);
      if (!rows[0]) return null;
      return {
        png: new Uint8Array(Buffer.from(String(rows[0].data), "base64")),
        width: Number(rows[0].width),
        height: Number(rows[0].height),
        alt,
      };
    },

    /** The picture each of these plans carries, by plan id; plans without one are absent. */
    async forPlans(planIds: readonly number[]): Promise<Map<number, StoredPicture>> {
      const out = new Map<number, StoredPicture>();
      if (planIds.length === 0) return out;
      const rows = await db.all(
        `SELECT pi.plan_id, pi.kind, pi.alt_text, im.sha256, im.width, im.height, im.data
         FROM plan_images pi JOIN images im ON im.id = pi.image_id
         WHERE pi.plan_id IN (${planIds.map(() => "?").join(", ")})`,
        [...planIds],
      );
      for (const r of rows) {
        out.set(Number(r.plan_id), {
          png: new Uint8Array(Buffer.from(String(r.data), "base64")),
          width: Number(r.width),
          height: Number(r.height),
          alt: String(r.alt_text),
          sha256: String(r.sha256),
          kind: String(r.kind),
        });
      }
      return out;
    },
  };
}

export type ImageRepo = ReturnType<typeof images>;

/** A stored chart and the alt text that states its numbers. */
export interface ChartRef {
  imageId: number;
  alt: string;
}

export interface ImageMeta {
  sha256: string;
  mime: string;
  width: number;
  height: number;
}

export interface AwaitingImage {
  plan: Plan;
  insight: Insight;
  draftId: number | null;
}
