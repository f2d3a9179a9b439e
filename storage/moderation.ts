import { type Db, fromJson, type Param, toJson } from "./db.ts";

export interface ModerationActionInput {
  platform: string;
  chatId: string;
  messageId?: string | null;
  userId?: string | null;
  userName?: string | null;
  rule: string;
  action: string;
  reason: string;
  evidence?: string;
  messageText?: string | null;
  dedupeKey: string;
  details?: Record<string, unknown>;
  instance: string;
  at: number;
}

export interface ModerationAction extends Required<Omit<ModerationActionInput, "at">> {
  id: number;
  status: "pending" | "done" | "failed" | "undone";
  error: string | null;
  createdAt: number;
  undoneAt: number | null;
}

export type DomainList = "blocked" | "allowed" | "protect";

const COLUMNS = `id, platform, chat_id, message_id, user_id, user_name, rule, action, reason,
  evidence, message_text, dedupe_key, status, error, details, instance, created_at, undone_at`;

export function moderation(db: Db) {
  return {
    /** Reserves an action; null when its key was reserved before (an edit or a redelivery). */
    async reserve(a: ModerationActionInput): Promise<number | null> {
      const rows = await db.all<{ id: number }>(
        `INSERT INTO moderation_actions (platform, chat_id, message_id, user_id, user_name, rule,
           action, reason, evidence, message_text, dedupe_key, details, instance, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
        [
          a.platform,
          a.chatId,
          a.messageId ?? null,
          a.userId ?? null,
          a.userName ?? null,
          a.rule,
          a.action,
          a.reason,
          a.evidence ?? "",
          a.messageText ?? null,
          a.dedupeKey,
          toJson(a.details ?? {}),
          a.instance,
          a.at,
        ] as Param[],
      );
      return rows.length ? Number(rows[0].id) : null;
    },

    async finish(id: number, ok: boolean, error: string | null, details?: Record<string, unknown>) {
      await db.run(
        `UPDATE moderation_actions SET status = ?, error = ?,
           details = COALESCE(?, details) WHERE id = ?`,
        [ok ? "done" : "failed", error, details ? toJson(details) : null, id],
      );
    },

    /** Marks a done action undone; false when it was not done (already undone, failed, unknown). */
    async markUndone(id: number, at: number): Promise<boolean> {
      return 1 === await db.run(
        `UPDATE moderation_actions SET status = 'undone', undone_at = ? WHERE id = ? AND status = 'done'`,
        [at, id],
      );
    },

    async get(id: number): Promise<ModerationAction | null> {
      const rows = await db.all(`SELECT ${COLUMNS} FROM moderation_actions WHERE id = ?`, [id]);
      return rows.length ? toAction(rows[0]) : null;
    },

    async recent(limit = 50): Promise<ModerationAction[]> {
      const rows = await db.all(
        `SELECT ${COLUMNS} FROM moderation_actions ORDER BY id DESC LIMIT ?`,
        [limit],
      );
      return rows.map(toAction);
    },

    /** Replaces everything one source gave, in one transaction: a failed refresh keeps the old. */
    replaceDomains(source: string, lists: Record<DomainList, string[]>, at: number) {
      return db.transaction(async (tx) => {
        await tx.run("DELETE FROM moderation_domains WHERE source = ?", [source]);
        let n = 0;
        for (const [list, domains] of Object.entries(lists)) {
          const rows = [...new Set(domains)].map((d) => [d, list, source, at] as Param[]);
          n += await tx.insertMany(
            "moderation_domains",
            ["domain", "list", "source", "updated_at"],
            rows,
            "ON CONFLICT DO NOTHING",
          );
        }
        return n;
      });
    },

    async domains(): Promise<Record<DomainList, string[]> & { updatedAt: number | null }> {
      const rows = await db.all<{ domain: string; list: DomainList; updated_at: number }>(
        "SELECT domain, list, updated_at FROM moderation_domains",
      );
      const out = { blocked: [], allowed: [], protect: [], updatedAt: null } as
        & Record<DomainList, string[]>
        & { updatedAt: number | null };
      for (const r of rows) {
        out[r.list]?.push(r.domain);
        out.updatedAt = Math.max(out.updatedAt ?? 0, Number(r.updated_at));
      }
      return out;
    },

    /** Takes or renews the lease; true while `holder` has it. */
    async claimLease(name: string, holder: string, now: number, leaseMs: number) {
      const rows = await db.all(
        `INSERT INTO moderation_lease (name, holder, lease_until, acquired_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET holder = excluded.holder,
           lease_until = excluded.lease_until,
           acquired_at = CASE WHEN moderation_lease.holder = excluded.holder
             THEN moderation_lease.acquired_at ELSE excluded.acquired_at END
         WHERE moderation_lease.holder = excluded.holder OR moderation_lease.lease_until < ?
         RETURNING holder`,
        [name, holder, now + leaseMs, now, now],
      );
      return rows.length > 0;
    },

    async releaseLease(name: string, holder: string) {
      await db.run("DELETE FROM moderation_lease WHERE name = ? AND holder = ?", [name, holder]);
    },
  };
}

function toAction(r: Record<string, unknown>): ModerationAction {
  return {
    id: Number(r.id),
    platform: String(r.platform),
    chatId: String(r.chat_id),
    messageId: r.message_id == null ? null : String(r.message_id),
    userId: r.user_id == null ? null : String(r.user_id),
    userName: r.user_name == null ? null : String(r.user_name),
    rule: String(r.rule),
    action: String(r.action),
    reason: String(r.reason),
    evidence: String(r.evidence ?? ""),
    messageText: r.message_text == null ? null : String(r.message_text),
    dedupeKey: String(r.dedupe_key),
    status: r.status as ModerationAction["status"],
    error: r.error == null ? null : String(r.error),
    details: fromJson(r.details, {}),
    instance: String(r.instance),
    createdAt: Number(r.created_at),
    undoneAt: r.undone_at == null ? null : Number(r.undone_at),
  };
}

export type ModerationRepo = ReturnType<typeof moderation>;
