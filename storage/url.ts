import { maskUrl } from "../core/mask_url.ts";

/** Which backend a --db value names. The one place that decides it. */
export type DbTarget =
  | { backend: "sqlite"; path: string }
  | { backend: "postgres"; url: string };

export const DEFAULT_DB = "creator.db";

/**
 * `postgres://` or `postgresql://` URLs pick Postgres; `sqlite:path`,
 * `file:path` or a bare path pick SQLite.
 */
export function parseDbUrl(value: string): DbTarget {
  const v = value.trim();
  if (v === "") throw new TypeError("The database URL is empty: pass --db <path|url>.");
  if (/^postgres(ql)?:\/\//i.test(v)) return { backend: "postgres", url: v };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(v)?.[1]?.toLowerCase();
  if (scheme === "sqlite" || scheme === "file") {
    const path = v.slice(scheme.length + 1).replace(/^\/\/(?=\/)/, "");
    if (!path) throw new TypeError(`Cannot use "${v}": the SQLite path is missing.`);
    return { backend: "sqlite", path };
  }
  if (scheme && scheme.length > 1) {
    throw new TypeError(
      `Cannot use database URL "${maskUrl(v)}": scheme "${scheme}:" is not supported. ` +
        `Use a file path, sqlite:<path> or postgres://user@host:port/db.`,
    );
  }
  return { backend: "sqlite", path: v };
}
