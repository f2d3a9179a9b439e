import type { Db } from "./db.ts";

export interface SentimentPoint {
  source: string;
  metric: string;
  value: number;
  label: string | null;
  at: number;
}

export function sentiment(db: Db) {
  return {
    record(points: SentimentPoint[]): Promise<number> {
      return db.insertMany(
        "sentiment_data",
        ["source", "metric", "value", "label", "measured_at"],
        points.map((p) => [p.source, p.metric, p.value, p.label, p.at]),
        "ON CONFLICT (source, metric, measured_at) DO NOTHING",
      );
    },

    /** The latest `limit` readings of one metric, oldest first. */
    async latest(source: string, metric: string, limit: number): Promise<SentimentPoint[]> {
      const rows = await db.all<Record<string, unknown>>(
        `SELECT source, metric, value, label, measured_at FROM sentiment_data
         WHERE source = ? AND metric = ? ORDER BY measured_at DESC LIMIT ?`,
        [source, metric, limit],
      );
      return rows.reverse().map((r) => ({
        source: String(r.source),
        metric: String(r.metric),
        value: Number(r.value),
        label: r.label === null ? null : String(r.label),
        at: Number(r.measured_at),
      }));
    },
  };
}

export type SentimentRepo = ReturnType<typeof sentiment>;
