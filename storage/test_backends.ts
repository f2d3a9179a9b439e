/**
 * Runs a test body against every backend: a temp SQLite file and, when it is
 * reachable, real Postgres in a schema of its own (dropped afterwards) so runs
 * never collide. Without Postgres the tests are skipped with a loud line, or
 * fail when CREATOR_REQUIRE_PG=1.
 */
import { createStore, openStore, type Store } from "./mod.ts";

export const TEST_PG_URL = Deno.env.get("TEST_DATABASE_URL") ??
  "postgres://postgres@127.0.0.1:5432/test";
const REQUIRE_PG = Deno.env.get("CREATOR_REQUIRE_PG") === "1";

export const pgReachable = await probe();
if (!pgReachable && !REQUIRE_PG) {
  console.error(
    `\n!!! Postgres at ${TEST_PG_URL} is not reachable: Postgres tests are SKIPPED.` +
      ` Set CREATOR_REQUIRE_PG=1 to make this a failure.\n`,
  );
}

export interface BackendCase {
  backend: "sqlite" | "postgres";
  /** Opens a fresh, migrated store; `migrate: false` for migration tests. */
  open(options?: { migrate?: boolean }): Promise<Store>;
  /** The URL another process would use to reach the same database. */
  url: string;
  schema?: string;
}

export function testBackends(name: string, fn: (t: BackendCase) => Promise<void>): void {
  Deno.test(`${name} (sqlite)`, async () => {
    const dir = await Deno.makeTempDir({ prefix: "creator-test-" });
    const url = `${dir}/creator.db`;
    try {
      await fn({ backend: "sqlite", url, open: (o) => openStore(url, o) });
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  });
  testPostgres(name, fn);
}

/** A case for Postgres alone, in a schema of its own: what only Postgres can do or refuse. */
export function testPostgres(name: string, fn: (t: BackendCase) => Promise<void>): void {
  Deno.test({
    name: `${name} (postgres)`,
    ignore: !pgReachable && !REQUIRE_PG,
    async fn() {
      if (!pgReachable) throw new Error(`Postgres at ${TEST_PG_URL} is required but unreachable`);
      const schema = `creator_test_${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`;
      try {
        await fn({
          backend: "postgres",
          url: TEST_PG_URL,
          schema,
          open: (o) => openStore(TEST_PG_URL, { ...o, schema }),
        });
      } finally {
        await dropSchema(schema);
      }
    },
  });
}

async function probe(): Promise<boolean> {
  try {
    const { openPostgres } = await import("./postgres.ts");
    const db = await openPostgres(TEST_PG_URL, { connectTimeoutSeconds: 2, maxConnections: 1 });
    await db.close();
    return true;
  } catch {
    return false;
  }
}

async function dropSchema(schema: string): Promise<void> {
  const { openPostgres } = await import("./postgres.ts");
  const db = await openPostgres(TEST_PG_URL, { maxConnections: 1 });
  try {
    await db.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await db.close();
  }
}

export { createStore };
