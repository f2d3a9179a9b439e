import assert from "node:assert/strict";
import { openStore } from "./mod.ts";
import { tableSizes } from "./sizes.ts";

Deno.test("SQLite: a table far past the cap is sized, not counted, and stale statistics do not shrink it", async () => {
  const dir = await Deno.makeTempDir({ prefix: "creator-sizes-" });
  const store = await openStore(`${dir}/creator.db`);
  try {
    const insert = (from: number, to: number) =>
      store.db.exec(
        `WITH RECURSIVE n(i) AS (SELECT ${from} UNION ALL SELECT i + 1 FROM n WHERE i < ${to})
         INSERT INTO agent_logs (run_id, agent, level, event, message, created_at)
         SELECT 'r', 'analysis', 'info', 'log', 'x', i FROM n`,
      );
    await insert(1, 50);
    await store.db.exec("ANALYZE agent_logs"); // statistics that will go stale: 50 rows
    await insert(51, 5_000);
    const [logs] = await tableSizes(store.db, ["agent_logs"], 100);
    assert.equal(logs.exact, false);
    assert.ok(logs.rows >= 101 && logs.rows <= 5_000, `agent_logs sized at ${logs.rows}`);
    const [fresh] = await tableSizes(store.db, ["agent_logs"], 10_000);
    assert.deepEqual(fresh, { table: "agent_logs", rows: 5_000, exact: true });
  } finally {
    await store.close();
    await Deno.remove(dir, { recursive: true });
  }
});
