import type { Db } from "./db.ts";

/** What X calls cost: one ledger row per call made or about to be made. */
export function xSpend(db: Db) {
  const spent = async (tx: Db, day: string) =>
    Number(
      (await tx.all<{ total: number | null }>(
        "SELECT SUM(cost_micros) AS total FROM x_spend WHERE day = ?",
        [day],
      ))[0].total ?? 0,
    );
  return {
    /** Micro-dollars spent on `day` (UTC, "YYYY-MM-DD"). */
    spent: (day: string) => spent(db, day),

    /**
     * Books a call before it is made when the day's budget still holds it; false when it
     * would go over. Counted under one lock, so instances together keep to the budget.
     */
    charge(
      entry: { day: string; kind: string; calls: number; costMicros: number; at: number },
      budgetMicros: number,
    ): Promise<boolean> {
      return db.transaction(async (tx) => {
        if (await spent(tx, entry.day) + entry.costMicros > budgetMicros) return false;
        await tx.run(
          "INSERT INTO x_spend (day, kind, calls, cost_micros, at) VALUES (?, ?, ?, ?, ?)",
          [entry.day, entry.kind, entry.calls, entry.costMicros, entry.at],
        );
        return true;
      }, { lock: "creator.x-budget" });
    },

    /** Books calls already made (reads), whatever the budget says: they happened. */
    async record(
      entry: { day: string; kind: string; calls: number; costMicros: number; at: number },
    ): Promise<void> {
      if (entry.calls <= 0) return;
      await db.run(
        "INSERT INTO x_spend (day, kind, calls, cost_micros, at) VALUES (?, ?, ?, ?, ?)",
        [entry.day, entry.kind, entry.calls, entry.costMicros, entry.at],
      );
    },
  };
}

export type XSpendRepo = ReturnType<typeof xSpend>;

/** The UTC day of an epoch-ms time, as the ledger keys it. */
export function utcDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}
