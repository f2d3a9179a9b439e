/**
 * Publishing survives crashes mid-send and a second instance running at the
 * same time, against the platform fakes: nothing is ever posted twice.
 */
import assert from "node:assert/strict";
import { outgoing } from "../agents/foundation/outgoing.ts";
import { publishing } from "../agents/foundation/publishing.ts";
import { SEND_LEASE_MS } from "../agents/foundation/reconcile.ts";
import { fixedClock } from "../core/clock.ts";
import { runAgent } from "../core/runner.ts";
import type { Platform } from "../core/vocabulary.ts";
import type { Publisher } from "../integrations/publish/mod.ts";
import type { Store } from "../storage/mod.ts";
import { testBackends } from "../storage/test_backends.ts";
import { assertOk, creates, publishedRows, seedDrafted } from "./_seed.ts";
import { type Harness, HARNESS_NOW, withHarness } from "./harness.ts";

const DEAD = "dead-host:4242:0000";
const AFTER_LEASE = fixedClock(HARNESS_NOW + SEND_LEASE_MS + 1000);

/** Reserves every pending post as a process that then died would have. */
async function reserveAll(store: Store): Promise<void> {
  for (const post of await store.posts.pending()) {
    assert.notEqual(await store.posts.reserve(post, DEAD, HARNESS_NOW), null);
  }
}

async function publisherOf(h: Harness, store: Store, platform: Platform): Promise<Publisher> {
  const made = await h.context(store).integrations.publisher(platform);
  if ("missing" in made) throw new Error(made.missing);
  return made;
}

testBackends(
  "a post reserved by a process that died before sending goes out exactly once after its lease",
  ({ open }) =>
    withHarness(open, async (h, store) => {
      await seedDrafted(store, [
        { platform: "x", parts: ["BTC held its range through the session."] },
        { platform: "discord", parts: ["ETH volume picked up into the close."] },
      ]);
      await reserveAll(store);

      // While the lease runs the row belongs to the dead process: nothing is sent.
      const early = h.context(store, { clock: fixedClock(HARNESS_NOW + 1000) });
      assert.equal((await runAgent(publishing, early)).status, "ok");
      assert.deepEqual(creates(h), { x: 0, telegram: 0, discord: 0 });

      const outcome = await runAgent(publishing, h.context(store, { clock: AFTER_LEASE }));
      assertOk(outcome);
      assert.deepEqual(outcome.details, {
        published: 2,
        failed: 0,
        ambiguous: 0,
        deferred: 0,
        skipped: 0,
        taken: 0,
      });
      assert.deepEqual(creates(h), { x: 1, telegram: 0, discord: 1 });
      const rows = await publishedRows(store);
      assert.deepEqual(rows.map((r) => [r.platform, r.status, r.externalId, r.attempts]), [
        ["x", "published", h.x.posts[0].id, 2],
        ["discord", "published", h.discord.posts[0].id, 2],
      ]);
    }),
);

testBackends(
  "a post that went out just before its process died is marked published and not sent again",
  ({ open }) =>
    withHarness(open, async (h, store) => {
      await seedDrafted(store, [
        { platform: "x", parts: ["SOL led the majors on volume today."] },
        { platform: "discord", parts: ["LTC slipped back under its weekly open."] },
      ]);
      // The dead process reserved each post and sent it, but never recorded the id.
      for (const post of await store.posts.pending()) {
        assert.notEqual(await store.posts.reserve(post, DEAD, HARNESS_NOW), null);
        await (await publisherOf(h, store, post.platform)).publish(
          outgoing(post, await store.installation.id()),
        );
      }
      assert.deepEqual(creates(h), { x: 1, telegram: 0, discord: 1 });

      const outcome = await runAgent(publishing, h.context(store, { clock: AFTER_LEASE }));
      assertOk(outcome);
      assert.match(outcome.summary, /0 published.*2 reconciled/);
      assert.deepEqual(creates(h), { x: 1, telegram: 0, discord: 1 });
      assert.equal(h.x.posts.length + h.discord.posts.length, 2);
      const rows = await publishedRows(store);
      assert.deepEqual(rows.map((r) => [r.platform, r.status, r.externalId, r.attempts]), [
        ["x", "published", h.x.posts[0].id, 1],
        ["discord", "published", h.discord.posts[0].id, 1],
      ]);
    }),
);

testBackends(
  "a post left mid-send where the platform cannot be asked (Telegram, a Discord webhook) is marked unknown and never re-sent",
  ({ open }) =>
    withHarness(open, async (h, store) => {
      await seedDrafted(store, [
        { platform: "telegram", parts: ["BTC funding turned negative overnight."] },
        { platform: "discord", parts: ["ETH/BTC printed a fresh monthly low."] },
      ]);
      await reserveAll(store);
      const config = h.webhookConfig;

      for (const minutes of [0, 60]) {
        const clock = fixedClock(AFTER_LEASE.now() + minutes * 60_000);
        const outcome = await runAgent(publishing, h.context(store, { config, clock }));
        assertOk(outcome);
      }
      assert.deepEqual(creates(h), { x: 0, telegram: 0, discord: 0 });
      const rows = await publishedRows(store);
      assert.deepEqual(rows.map((r) => [r.platform, r.status, r.externalId]), [
        ["telegram", "unknown", null],
        ["discord", "unknown", null],
      ]);
      assert.match(rows[0].error ?? "", /telegram cannot say whether the post went out/);
      assert.deepEqual(await store.posts.pending(), []);
    }),
);

testBackends(
  "an X thread cut short by a crash is left for a person, never recorded as published nor re-sent",
  ({ open }) =>
    withHarness(open, async (h, store) => {
      const parts = ["1/2 BTC and ETH both closed lower.", "2/2 SOL held up best."];
      await seedDrafted(store, [{ platform: "x", parts }]);
      // The dead process got the first part out, then nothing more.
      const [post] = await store.posts.pending();
      await store.posts.reserve(post, DEAD, HARNESS_NOW);
      const first = { ...outgoing(post, await store.installation.id()), parts: parts.slice(0, 1) };
      await (await publisherOf(h, store, "x")).publish(first);

      assertOk(await runAgent(publishing, h.context(store, { clock: AFTER_LEASE })));

      assert.deepEqual(h.x.posts.map((p) => p.text), parts.slice(0, 1));
      const [row] = await publishedRows(store);
      assert.equal(row.status, "unknown");
      assert.match(row.error ?? "", /stopped after 1 of 2 parts/);
      assert.deepEqual(await store.posts.pending(), []);
    }),
);

testBackends(
  "two publishing runs at once publish each post exactly once",
  ({ open }) =>
    withHarness(open, async (h, store) => {
      const platforms = ["x", "telegram", "discord"] as const;
      await seedDrafted(
        store,
        [1, 2, 3].flatMap((n) =>
          platforms.map((platform) => ({ platform, parts: [`Post ${n} for ${platform}.`] }))
        ),
      );
      const other = await open();
      try {
        const [a, b] = await Promise.all([
          runAgent(publishing, h.context(store, { instance: "host-a:1:aaaa" })),
          runAgent(publishing, h.context(other, { instance: "host-b:2:bbbb" })),
        ]);
        assert.deepEqual([a.status, b.status], ["ok", "ok"]);
        const count = (key: string) =>
          Number(a.details?.[key] ?? 0) + Number(b.details?.[key] ?? 0);
        assert.equal(count("published"), 9);
        // The runs did meet: at least one post one run wanted, the other had reserved.
        assert.ok(count("taken") >= 1);
      } finally {
        await other.close();
      }
      assert.deepEqual(creates(h), { x: 3, telegram: 3, discord: 3 });
      const texts = [
        ...h.x.posts.map((p) => p.text),
        ...h.telegram.posts.map((p) => p.text),
        ...h.discord.posts.map((p) => p.content),
      ];
      assert.equal(new Set(texts).size, 9);
      const rows = await publishedRows(store);
      assert.equal(rows.length, 9);
      assert.ok(rows.every((r) => r.status === "published" && r.attempts === 1 && r.externalId));
    }, { platformLatencyMs: 20 }),
);
