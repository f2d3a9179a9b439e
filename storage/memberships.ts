/**
 * Access on the platforms, one row per person. A decided change (pending,
 * revoking) is carried out under a claim, so two processes never grant or
 * revoke the same access at once; a claim whose holder died runs out.
 */
import type { Member, MembershipState } from "../core/vocabulary.ts";
import type { Db } from "./db.ts";

export interface Membership extends Member {
  id: number;
  state: MembershipState;
  reason: string | null;
  inviteLink: string | null;
  attempts: number;
  lastError: string | null;
  grantedAt: number | null;
  revokedAt: number | null;
  updatedAt: number;
}

export function memberships(db: Db) {
  return {
    async get(m: Member): Promise<Membership | undefined> {
      const rows = await db.all("SELECT * FROM memberships WHERE platform = ? AND user_id = ?", [
        m.platform,
        m.userId,
      ]);
      return rows.map(toMembership)[0];
    },

    /**
     * Decides access for a person: "pending" to grant, "revoking" to take it
     * away. A no-op when their access already is, or is becoming, that.
     */
    async decide(m: Member, want: "pending" | "revoking", reason: string, now: number) {
      const from = want === "pending" ? ["revoking", "revoked"] : ["pending", "active"];
      const inserted = want === "pending"
        ? await db.run(
          `INSERT INTO memberships (platform, user_id, state, reason, updated_at)
           VALUES (?, ?, 'pending', ?, ?) ON CONFLICT (platform, user_id) DO NOTHING`,
          [m.platform, m.userId, reason, now],
        )
        : 0;
      if (inserted) return true;
      // Access never granted, and no grant in flight: nothing to take away on the platform.
      const n = await db.run(
        `UPDATE memberships SET state = CASE WHEN state = 'pending' AND granted_at IS NULL
             AND (claimed_until IS NULL OR claimed_until < ?) THEN 'revoked' ELSE ? END,
           reason = ?, attempts = 0, last_error = NULL, claimed_by = NULL,
           claimed_until = NULL, updated_at = ?
         WHERE platform = ? AND user_id = ? AND state IN (?, ?)`,
        [now, want, reason, now, m.platform, m.userId, from[0], from[1]],
      );
      return n > 0;
    },

    /** Claims decided changes nobody holds, for `leaseMs`. */
    async claim(owner: string, now: number, leaseMs: number, limit = 50): Promise<Membership[]> {
      const due = await db.all(
        `SELECT * FROM memberships WHERE state IN ('pending', 'revoking')
           AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY updated_at LIMIT ?`,
        [now, limit],
      );
      const claimed: Membership[] = [];
      for (const row of due.map(toMembership)) {
        const n = await db.run(
          `UPDATE memberships SET claimed_by = ?, claimed_until = ?, attempts = attempts + 1
           WHERE id = ? AND state = ? AND (claimed_until IS NULL OR claimed_until < ?)`,
          [owner, now + leaseMs, row.id, row.state, now],
        );
        if (n) claimed.push({ ...row, attempts: row.attempts + 1 });
      }
      return claimed;
    },

    /** Records a change carried out; false when the decision changed meanwhile. */
    async finish(row: Membership, owner: string, inviteLink: string | null, now: number) {
      const granted = row.state === "pending";
      const n = await db.run(
        `UPDATE memberships SET state = ?, claimed_by = NULL, claimed_until = NULL,
           last_error = NULL, invite_link = COALESCE(?, invite_link),
           granted_at = CASE WHEN ? = 1 THEN ? ELSE granted_at END,
           revoked_at = CASE WHEN ? = 0 THEN ? ELSE revoked_at END, updated_at = ?
         WHERE id = ? AND state = ? AND claimed_by = ?`,
        [
          granted ? "active" : "revoked",
          inviteLink,
          granted ? 1 : 0,
          now,
          granted ? 1 : 0,
          now,
          now,
          row.id,
          row.state,
          owner,
        ],
      );
      return n > 0;
    },

    /** Records the invite link last sent to an active member (a new one for /join). */
    async newInvite(m: Member, inviteLink: string, now: number): Promise<void> {
      await db.run(
        `UPDATE memberships SET invite_link = ?, updated_at = ?
         WHERE platform = ? AND user_id = ? AND state = 'active'`,
        [inviteLink, now, m.platform, m.userId],
      );
    },

    /** Leaves the change decided, to be tried again once `retryAt` has passed. */
    async fail(row: Membership, owner: string, error: string, retryAt: number): Promise<void> {
      await db.run(
        `UPDATE memberships SET last_error = ?, claimed_until = ? WHERE id = ? AND claimed_by = ?`,
        [error.slice(0, 500), retryAt, row.id, owner],
      );
    },

    async list(): Promise<Membership[]> {
      const rows = await db.all("SELECT * FROM memberships ORDER BY updated_at DESC, id DESC");
      return rows.map(toMembership);
    },
  };
}

export type MembershipRepo = ReturnType<typeof memberships>;

function toMembership(r: Record<string, unknown>): Membership {
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    id: Number(r.id),
    platform: r.platform as Member["platform"],
    userId: String(r.user_id),
    state: r.state as MembershipState,
    reason: r.reason == null ? null : String(r.reason),
    inviteLink: r.invite_link == null ? null : String(r.invite_link),
    attempts: Number(r.attempts),
    lastError: r.last_error == null ? null : String(r.last_error),
    grantedAt: num(r.granted_at),
    revokedAt: num(r.revoked_at),
    updatedAt: Number(r.updated_at),
  };
}
