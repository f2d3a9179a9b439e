import type { Db } from "./db.ts";

export type ClaimResult = "claimed" | "takeover" | "taken";

export function jobRuns(db: Db) {
  return {
    /**
     * Claims one slot of a job. Exactly one caller gets "claimed" (first) or
     * "takeover" (the previous owner's lease ran out while it was running).
     */
    async claim(
      job: string,
      slot: number,
      owner: string,
      now: number,
      leaseMs: number,
    ): Promise<ClaimResult> {
      const rows = await db.all<{ attempts: number }>(
        `INSERT INTO job_runs (job, slot, owner, status, attempts, lease_until, started_at)
         VALUES (?, ?, ?, 'running', 1, ?, ?)
         ON CONFLICT (job, slot) DO UPDATE SET owner = excluded.owner, status = 'running',
           attempts = job_runs.attempts + 1, lease_until = excluded.lease_until,
           started_at = excluded.started_at, error = NULL
         WHERE job_runs.status = 'running' AND job_runs.lease_until < ?
         RETURNING attempts`,
        [job, slot, owner, now + leaseMs, now, now],
      );
      if (!rows.length) return "taken";
      return Number(rows[0].attempts) > 1 ? "takeover" : "claimed";
    },

    /** Extends a held lease; false when another instance has taken the slot over. */
    async heartbeat(
      job: string,
      slot: number,
      owner: string,
      leaseUntil: number,
    ): Promise<boolean> {
      return 1 === await db.run(
        `UPDATE job_runs SET lease_until = ? WHERE job = ? AND slot = ? AND owner = ? AND status = 'running'`,
        [leaseUntil, job, slot, owner],
      );
    },

    async finish(
      job: string,
      slot: number,
      owner: string,
      ok: boolean,
      error: string | null,
      now: number,
    ) {
      await db.run(
        `UPDATE job_runs SET status = ?, error = ?, finished_at = ?
         WHERE job = ? AND slot = ? AND owner = ?`,
        [ok ? "ok" : "failed", error, now, job, slot, owner],
      );
    },

    /** Hands a slot back (shutdown before it ran): another instance may run it at once. */
    async release(job: string, slot: number, owner: string) {
      await db.run(
        `UPDATE job_runs SET lease_until = 0 WHERE job = ? AND slot = ? AND owner = ? AND status = 'running'`,
        [job, slot, owner],
      );
    },

    /**
     * Whether `owner` is running a job under a lease that has not run out, i.e.
     * the instance is alive (its runner renews the lease while it works).
     */
    async holdsLease(owner: string, now: number): Promise<boolean> {
      const rows = await db.all(
        `SELECT 1 AS alive FROM job_runs WHERE owner = ? AND status = 'running' AND lease_until >= ?
         LIMIT 1`,
        [owner, now],
      );
      return rows.length > 0;
    },

    async lastFinished(): Promise<number | null> {
      const rows = await db.all<{ at: number | null }>(
        "SELECT MAX(finished_at) AS at FROM job_runs WHERE status = 'ok'",
      );
      return rows[0]?.at == null ? null : Number(rows[0].at);
    },
  };
}

export type JobRunRepo = ReturnType<typeof jobRuns>;
