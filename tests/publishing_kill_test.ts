/**
 * `kill -9` mid-send on SQLite: a real `creator run publishing` process is killed while a post
 * per platform is on the wire, and a restarted one neither sends any of them again nor loses
 * one. What the platform can be asked about is reconciled as published; what it cannot (a
 * Telegram channel's history) is left 'unknown' for a person, never re-sent blind.
 */
import assert from "node:assert/strict";
import { openStore } from "../storage/mod.ts";
import { withTempDir } from "./cli.ts";
import { creates, publishedRows, seedDrafted } from "./_seed.ts";
import { daemonSetup, sentTexts, spawnCreator, waitFor } from "./_daemon_helpers.ts";
import { startHarness } from "./harness.ts";

const SEND_LEASE_SECONDS = 10;

Deno.test("a publisher killed with SIGKILL mid-send on SQLite: nothing is sent twice or lost", async () => {
  // Slow platforms keep each send on the wire long enough to kill the sender there.
  const h = await startHarness({ platformLatencyMs: 1000 });
  try {
    await withTempDir(async (dir) => {
      const db = `${dir}/creator.db`;
      const seeding = await openStore(db);
      const plans = await seedDrafted(
        seeding,
        (["x", "telegram", "discord"] as const).flatMap((platform) => [
          { platform, parts: [`First note for ${platform}: BTC held its range.`] },
          { platform, parts: [`Second note for ${platform}: ETH volume picked up.`] },
        ]),
      );
      await seeding.close();
      const env = await daemonSetup(dir, h.config, {
        schedules: h.config.daemon.schedules,
        sendLeaseSeconds: SEND_LEASE_SECONDS,
      });

      const first = spawnCreator(["--db", db, "run", "publishing"], dir, env);
      // Each platform has its own queue: one post per platform is soon on the wire at once.
      await waitFor(
        "a post on the wire on every platform",
        () => Object.values(creates(h)).every((n) => n > 0) || undefined,
        30_000,
        2,
      );
      first.kill("SIGKILL");
      assert.equal((await first.status).signal, "SIGKILL");

      const store = await openStore(db);
      try {
        const killed = await publishedRows(store);
        assert.deepEqual(
          killed.map((r) => [r.platform, r.status]),
          [["x", "sending"], ["telegram", "sending"], ["discord", "sending"]],
          "died holding one reservation per platform, the rest untouched",
        );
        // The restart comes after the send lease, as a new process would after a crash.
        const [{ at }] = await store.db.all<{ at: number }>(
          "SELECT MAX(reserved_at) AS at FROM published_content",
        );
        const wait = Number(at) + SEND_LEASE_SECONDS * 1000 + 200 - Date.now();
        await new Promise((done) => setTimeout(done, Math.max(0, wait)));

        const again = spawnCreator(["--db", db, "run", "publishing"], dir, env);
        assert.equal((await again.status).code, 0, again.log());
        const log = again.log();
        const rows = await publishedRows(store);
        assert.deepEqual(rows.map((r) => [r.planId, r.platform, r.status]), [
          [plans[0], "x", "published"],
          [plans[1], "x", "published"],
          [plans[2], "telegram", "unknown"],
          [plans[3], "telegram", "published"],
          [plans[4], "discord", "published"],
          [plans[5], "discord", "published"],
        ]);
        // Found on X and in the Discord channel (by its nonce): published, with their ids.
        assert.match(log, new RegExp(`reconciled plan ${plans[0]} on x: it had gone out`));
        assert.match(log, new RegExp(`reconciled plan ${plans[4]} on discord: it had gone out`));
        assert.equal(rows[0].externalId, h.x.posts[0].id);
        assert.equal(rows[4].externalId, h.discord.posts[0].id);
        // Telegram cannot be asked: left for a person, with why.
        assert.match(log, new RegExp(`plan ${plans[2]} on telegram may have gone out`));
        assert.match(rows[2].error ?? "", /telegram cannot say whether the post went out/);

        const texts = sentTexts(h);
        assert.equal(texts.length, 6, "every post reached its platform once");
        assert.equal(new Set(texts).size, 6, "no text went out twice");
        assert.deepEqual(creates(h), { x: 2, telegram: 2, discord: 2 }, "nothing tried twice");
      } finally {
        await store.close();
      }
    });
  } finally {
    await h.close();
  }
});
