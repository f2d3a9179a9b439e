/**
 * Two databases posting their plan 1 to one Discord channel: each key names
 * its database, so Discord's nonce dedupe never hands one the other's message.
 */
import assert from "node:assert/strict";
import { publishing } from "../agents/foundation/publishing.ts";
import { runAgent } from "../core/runner.ts";
import { openStore, type Store } from "../storage/mod.ts";
import { type BackendCase, testBackends } from "../storage/test_backends.ts";
import { assertOk, publishedRows, seedDrafted } from "./_seed.ts";
import { withHarness } from "./harness.ts";

/** A second, separate database beside the test's own; `drop` removes it. */
async function otherDatabase(t: BackendCase): Promise<{ store: Store; drop(): Promise<void> }> {
  if (t.backend === "sqlite") {
    const store = await openStore(t.url.replace(/creator\.db$/, "other.db"));
    return { store, drop: () => store.close() };
  }
  const schema = `${t.schema}_other`;
  const store = await openStore(t.url, { schema });
  return {
    store,
    drop: async () => {
      await store.db.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await store.close();
    },
  };
}

testBackends(
  "two databases posting their plan 1 to one channel each get their own Discord message",
  (t) =>
    withHarness(t.open, async (h, first) => {
      const other = await otherDatabase(t);
      const second = other.store;
      try {
        const [a] = await seedDrafted(first, [{ platform: "discord", parts: ["BTC from A."] }]);
        const [b] = await seedDrafted(second, [{ platform: "discord", parts: ["BTC from B."] }]);
        assert.equal(a, b, "both databases number their plans alike");
        assertOk(await runAgent(publishing, h.context(first)));
        assertOk(await runAgent(publishing, h.context(second)));

        assert.deepEqual(h.discord.posts.map((p) => p.content), ["BTC from A.", "BTC from B."]);
        const nonces = h.discord.posts.map((p) => p.nonce);
        assert.notEqual(nonces[0], nonces[1]);
        const [rowA] = await publishedRows(first);
        const [rowB] = await publishedRows(second);
        assert.equal(rowA.externalId, h.discord.posts[0].id);
        assert.equal(rowB.externalId, h.discord.posts[1].id);
      } finally {
        await other.drop();
      }
    }),
);

testBackends("the install id is random per database and stable within one", async (t) => {
  const one = await t.open();
  const other = await otherDatabase(t);
  const two = other.store;
  try {
    const id = await one.installation.id();
    assert.match(id, /^[0-9a-f]{32}$/);
    assert.equal(await one.installation.id(), id);
    assert.notEqual(await two.installation.id(), id);
    const again = await t.open();
    assert.equal(await again.installation.id(), id, "another connection reads the stored one");
    await again.close();
    const rows = await one.db.all<{ install_id: string }>("SELECT install_id FROM installation");
    assert.deepEqual(rows.map((r) => r.install_id), [id]);
  } finally {
    await one.close();
    await other.drop();
  }
});
