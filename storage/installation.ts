import type { Db } from "./db.ts";

export interface InstallationRepo {
  /**
   * This database's random id (32 hex digits), made and stored on first use.
   * Every instance sharing the database reads the same one; a copy of the
   * database keeps it, so a copy that posts too should start from a fresh one.
   */
  id(): Promise<string>;
}

export function installation(db: Db): InstallationRepo {
  let cached: string | undefined;
  return {
    async id() {
      if (cached) return cached;
      const bytes = crypto.getRandomValues(new Uint8Array(16));
      const fresh = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
      // The first instance to insert wins; everyone then reads the same row.
      await db.run(
        `INSERT INTO installation (singleton, install_id, created_at) VALUES (1, ?, ?)
         ON CONFLICT (singleton) DO NOTHING`,
        [fresh, Date.now()],
      );
      const rows = await db.all<{ install_id: string }>(
        "SELECT install_id FROM installation WHERE singleton = 1",
      );
      cached = rows[0].install_id;
      return cached;
    },
  };
}
