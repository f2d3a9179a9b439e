/**
 * Publishing end to end against the platform fakes: rate limits, a platform
 * without credentials, Discord in webhook mode.
 */
import assert from "node:assert/strict";
import { publishing } from "../agents/foundation/publishing.ts";
import { ConfigSchema } from "../core/config_schema.ts";
import { createLogger, type LogRecord } from "../core/log.ts";
import { runAgent } from "../core/runner.ts";
import { testBackends } from "../storage/test_backends.ts";
import { assertOk, creates, publishedRows, seedDrafted } from "./_seed.ts";
import { withHarness } from "./harness.ts";

testBackends(
  "a 429 with Retry-After from Telegram is waited out and the post goes out once",
  ({ open }) =>
    withHarness(open, async (h, store) => {
      await seedDrafted(store, [{ platform: "telegram", parts: ["BTC dominance ticked up."] }]);
      h.telegram.failNext(1, 429, 1);

      const started = performance.now();
      const outcome = await runAgent(publishing, h.context(store));
      const waited = performance.now() - started;

      assertOk(outcome);
      assert.ok(waited >= 950, `waited only ${Math.round(waited)} ms`);
      assert.equal(creates(h).telegram, 2);
      assert.deepEqual(h.telegram.posts.map((p) => p.text), ["BTC dominance ticked up."]);
      const [row] = await publishedRows(store);
      assert.deepEqual([row.status, row.externalId, row.attempts], [
        "published",
        String(h.telegram.posts[0].id),
        1,
      ]);
    }),
);

testBackends(
  "a platform without credentials is skipped with one clear log line and the others still publish",
  ({ open }) =>
    withHarness(open, async (h, store) => {
      const config = ConfigSchema.parse({
        ...h.config,
        secrets: { ...h.config.secrets, xApiKey: undefined, xAccessSecret: undefined },
      });
      await seedDrafted(store, [
        { platform: "x", parts: ["BTC first post for X."] },
        { platform: "x", parts: ["BTC second post for X."] },
        { platform: "telegram", parts: ["BTC for the channel."] },
        { platform: "discord", parts: ["BTC for the server."] },
      ]);
      const lines: LogRecord[] = [];
      const log = createLogger([(r) => lines.push(r)], "debug");

      const outcome = await runAgent(publishing, h.context(store, { config, log }));

      assertOk(outcome);
      assert.deepEqual(outcome.details, {
        published: 2,
        failed: 0,
        ambiguous: 0,
        deferred: 0,
        skipped: 2,
        taken: 0,
      });
      const aboutX = lines.filter((r) => /\bx\b/i.test(r.message) && r.level !== "debug");
      assert.deepEqual(aboutX.map((r) => [r.level, r.message]), [[
        "warn",
        "skipping x: no credentials (set X_API_KEY, X_API_SECRET, X_ACCESS_TOKEN and X_ACCESS_SECRET)",
      ]]);
      assert.equal(h.x.requests.length, 0);
      assert.deepEqual(creates(h), { x: 0, telegram: 1, discord: 1 });
      const rows = await publishedRows(store);
      assert.deepEqual(rows.map((r) => [r.platform, r.status]), [
        ["telegram", "published"],
        ["discord", "published"],
      ]);
      // The X posts wait for credentials; nothing was recorded against them.
      assert.deepEqual((await store.posts.pending()).map((p) => p.platform), ["x", "x"]);
    }),
);

testBackends(
  "with Discord in webhook mode a post goes out through the channel webhook",
  ({ open }) =>
    withHarness(open, async (h, store) => {
      await seedDrafted(store, [{ platform: "discord", parts: ["BTC closed the week green."] }]);

      const outcome = await runAgent(publishing, h.context(store, { config: h.webhookConfig }));

      assertOk(outcome);
      assert.deepEqual(h.discord.posts.map((p) => [p.via, p.content]), [
        ["webhook", "BTC closed the week green."],
      ]);
      assert.ok(h.discord.requests[0].path.startsWith("/api/v10/webhooks/"));
      const [row] = await publishedRows(store);
      assert.deepEqual([row.status, row.externalId], ["published", h.discord.posts[0].id]);
    }),
);
