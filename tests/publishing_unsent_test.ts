/**
 * A send that never reached the platform (nothing listening, no DNS) is not
 * ambiguous: the post goes back in the queue, no attempt is used, and the next
 * run with a reachable platform sends it exactly once. Each post carries a
 * chart, so on X the failure comes from the media upload that goes first.
 */
import assert from "node:assert/strict";
import { publishing } from "../agents/foundation/publishing.ts";
import { ConfigSchema } from "../core/config_schema.ts";
import { runAgent } from "../core/runner.ts";
import { testBackends } from "../storage/test_backends.ts";
import { assertOk, publishedRows } from "./_seed.ts";
import { seedWithChart } from "./_seed_formats.ts";
import { withHarness } from "./harness.ts";

/** A port on which nothing listens: every connection is refused. */
function closedPort(): string {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return `http://127.0.0.1:${port}`;
}

testBackends(
  "a send or chart upload refused at connect frees the post for a retry; the next run sends it once",
  ({ open }) =>
    withHarness(open, async (h, store) => {
      await seedWithChart(store, [
        { platform: "x", parts: ["BTC held its range."] },
        { platform: "telegram", parts: ["BTC for the channel."] },
        { platform: "discord", parts: ["BTC for the server."] },
      ]);
      const nowhere = closedPort();
      const offline = ConfigSchema.parse({
        ...h.config,
        baseUrls: { ...h.config.baseUrls, x: nowhere, telegram: nowhere, discord: nowhere },
      });

      const first = await runAgent(publishing, h.context(store, { config: offline }));

      assert.equal(first.status, "ok", first.error ?? "");
      assert.equal((first.details as Record<string, number>).deferred, 3);
      const rows = await publishedRows(store);
      assert.deepEqual(
        rows.map((r) => [r.platform, r.status, r.attempts]),
        [["x", "failed", 0], ["telegram", "failed", 0], ["discord", "failed", 0]],
      );
      for (const r of rows) assert.match(r.error ?? "", /Cannot reach|circuit open/);
      assert.equal(h.x.media.uploads.length, 0, "X's post failed at its chart's upload");
      assert.match(
        rows[0].error ?? "",
        /^Cannot reach x at http:\/\/127\.0\.0\.1:\d+: the connection was refused; nothing was sent; check the network and CREATOR_X_BASE_URL$/,
      );
      assert.equal((await store.posts.pending()).length, 3, "all three wait for a retry");

      const second = await runAgent(publishing, h.context(store));

      assertOk(second);
      // With a chart, Telegram sends a photo: count what each platform holds.
      const held = [h.x.posts.length, h.telegram.posts.length, h.discord.posts.length];
      assert.deepEqual(held, [1, 1, 1]);
      assert.equal(h.x.media.uploads.length, 1);
      assert.deepEqual((await publishedRows(store)).map((r) => r.status), [
        "published",
        "published",
        "published",
      ]);
    }),
);
