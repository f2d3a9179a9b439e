import type { Format, Platform, PostMetrics } from "../core/vocabulary.ts";
import type { Db } from "./db.ts";

/** A published post with the age bucket it is due to be measured at. */
export interface DuePost {
  postId: number;
  platform: Platform;
  externalId: string;
  format: Format;
  publishedAt: number;
  /** Seconds since publication this snapshot stands for. */
  ageSeconds: number;
}

export type Snapshot =
  & { postId: number; platform: Platform; ageSeconds: number; measuredAt: number }
  & ({ state: "live"; metrics: PostMetrics } | { state: "deleted" });

const FIGURES = [
  "impressions",
  "likes",
  "reposts",
  "replies",
  "quotes",
  "bookmarks",
  "reactions",
  "link_clicks",
  "profile_clicks",
] as const;

/**
 * How late a snapshot may still be taken: a quarter of its age, at least an hour. A post
 * measured later than that would pass a 30-day-old figure off as its 7-day one, so a bucket
 * missed by that much (the daemon was down) stays missing.
 */
export function lateness(ageSeconds: number): number {
  return Math.max(3600, ageSeconds / 4);
}

export function postMetrics(db: Db) {
  return {
    /**
     * Posts due for a snapshot now: the largest bucket each has reached, when it is not
     * stored yet, not too late to take, and the post is not known to be deleted.
     */
    async due(now: number, buckets: readonly number[]): Promise<DuePost[]> {
      const sorted = [...buckets].sort((a, b) => a - b);
      const oldest = now - (sorted.at(-1)! + lateness(sorted.at(-1)!)) * 1000;
      const rows = await db.all(
        `SELECT pc.id, pc.platform, pc.external_id, pc.published_at, p.format,
           MAX(m.age_seconds) AS last_age,
           MAX(CASE WHEN m.state = 'deleted' THEN 1 ELSE 0 END) AS deleted
         FROM published_content pc
         JOIN content_plans p ON p.id = pc.plan_id
         LEFT JOIN post_metrics m ON m.post_id = pc.id
         WHERE pc.status = 'published' AND pc.published_at <= ? AND pc.published_at >= ?
         GROUP BY pc.id, pc.platform, pc.external_id, pc.published_at, p.format
         ORDER BY pc.published_at, pc.id`,
        [now - sorted[0] * 1000, oldest],
      );
      const out: DuePost[] = [];
      for (const r of rows) {
        if (Number(r.deleted) === 1) continue;
        const age = (now - Number(r.published_at)) / 1000;
        const bucket = sorted.findLast((b) => b <= age);
        if (bucket === undefined || age - bucket > lateness(bucket)) continue;
        if (r.last_age != null && Number(r.last_age) >= bucket) continue;
        out.push({
          postId: Number(r.id),
          platform: r.platform as Platform,
          externalId: String(r.external_id),
          format: r.format as Format,
          publishedAt: Number(r.published_at),
          ageSeconds: bucket,
        });
      }
      return out;
    },

    /** Stores snapshots; one (post, age) already stored is kept as it was. Returns rows added. */
    record(snapshots: Snapshot[]): Promise<number> {
      return db.insertMany(
        "post_metrics",
        ["post_id", "platform", "age_seconds", "measured_at", "state", ...FIGURES, "raw"],
        snapshots.map((s) => {
          const m = s.state === "live" ? s.metrics : null;
          const figures = FIGURES.map((f) => m?.[camel(f)] ?? null);
          return [s.postId, s.platform, s.ageSeconds, s.measuredAt, s.state, ...figures, json(m)];
        }),
        "ON CONFLICT (post_id, age_seconds) DO NOTHING",
      );
    },

    async forPost(postId: number) {
      const rows = await db.all(
        "SELECT * FROM post_metrics WHERE post_id = ? ORDER BY age_seconds",
        [postId],
      );
      return rows.map((r) => ({
        ageSeconds: Number(r.age_seconds),
        state: String(r.state) as "live" | "deleted",
        ...Object.fromEntries(
          FIGURES.map((f) => [camel(f), r[f] == null ? null : Number(r[f])]),
        ) as Omit<PostMetrics, "raw">,
        raw: JSON.parse(String(r.raw)) as Record<string, unknown>,
      }));
    },
  };
}

export type PostMetricsRepo = ReturnType<typeof postMetrics>;

type Figure = Exclude<keyof PostMetrics, "raw">;

function camel(column: typeof FIGURES[number]): Figure {
  return column.replace(/_(\w)/g, (_, c: string) => c.toUpperCase()) as Figure;
}

function json(m: PostMetrics | null): string {
  return JSON.stringify(m?.raw ?? {});
}
