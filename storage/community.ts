import type { AudienceMember, Platform } from "../core/vocabulary.ts";
import type { Db } from "./db.ts";

export interface CommunityUser extends AudienceMember {
  id: number;
  firstSeenAt: number;
  lastSeenAt: number;
  optedOutAt: number | null;
  engagementScore: number;
}

const COLUMNS = [
  "platform",
  "external_id",
  "handle",
  "display_name",
  "is_bot",
  "first_seen_at",
  "last_seen_at",
];

export function community(db: Db) {
  return {
    /**
     * Stores each member once per platform identity, refreshing handle, name and last seen;
     * first seen, opt-out and score are kept. Returns their ids by `platform:externalId`.
     */
    async upsert(members: AudienceMember[], now: number): Promise<Map<string, number>> {
      const unique = [...new Map(members.map((m) => [memberKey(m), m])).values()];
      if (!unique.length) return new Map();
      await db.insertMany(
        "community_users",
        COLUMNS,
        unique.map((m) => [
          m.platform,
          m.externalId,
          m.handle,
          m.displayName,
          m.isBot ? 1 : 0,
          now,
          now,
        ]),
        `ON CONFLICT (platform, external_id) DO UPDATE SET handle = excluded.handle,
           display_name = excluded.display_name, is_bot = excluded.is_bot,
           last_seen_at = excluded.last_seen_at`,
      );
      return await idsOf(db, unique);
    },

    async find(platform: Platform, externalId: string): Promise<CommunityUser | null> {
      const rows = await db.all(
        "SELECT * FROM community_users WHERE platform = ? AND external_id = ?",
        [platform, externalId],
      );
      return rows.length ? toUser(rows[0]) : null;
    },

    /** The person asked us to stop: no agent writes to them again. Never cleared here. */
    optOut(platform: Platform, externalId: string, now: number): Promise<number> {
      return db.run(
        `UPDATE community_users SET opted_out_at = ?
         WHERE platform = ? AND external_id = ? AND opted_out_at IS NULL`,
        [now, platform, externalId],
      );
    },

    /** Adds to a member's running engagement score (each message they send counts). */
    addScore(userId: number, points: number): Promise<number> {
      return db.run(
        "UPDATE community_users SET engagement_score = engagement_score + ? WHERE id = ?",
        [points, userId],
      );
    },
  };
}

export type CommunityRepo = ReturnType<typeof community>;

export function memberKey(m: { platform: string; externalId: string }): string {
  return `${m.platform}:${m.externalId}`;
}

/** Looks ids up per platform, in chunks that stay under both backends' parameter limits. */
async function idsOf(db: Db, members: AudienceMember[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const byPlatform = Map.groupBy(members, (m) => m.platform);
  for (const [platform, list] of byPlatform) {
    for (let i = 0; i < list.length; i += 500) {
      const chunk = list.slice(i, i + 500).map((m) => m.externalId);
      const rows = await db.all<{ id: number; external_id: string }>(
        `SELECT id, external_id FROM community_users WHERE platform = ?
         AND external_id IN (${chunk.map(() => "?").join(", ")})`,
        [platform, ...chunk],
      );
      for (const r of rows) out.set(`${platform}:${r.external_id}`, Number(r.id));
    }
  }
  return out;
}

function toUser(r: Record<string, unknown>): CommunityUser {
  return {
    id: Number(r.id),
    platform: r.platform as Platform,
    externalId: String(r.external_id),
    handle: r.handle == null ? null : String(r.handle),
    displayName: r.display_name == null ? null : String(r.display_name),
    isBot: Number(r.is_bot) === 1,
    firstSeenAt: Number(r.first_seen_at),
    lastSeenAt: Number(r.last_seen_at),
    optedOutAt: r.opted_out_at == null ? null : Number(r.opted_out_at),
    engagementScore: Number(r.engagement_score),
  };
}
