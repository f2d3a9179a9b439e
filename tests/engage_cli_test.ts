/** `creator engage --dry-run` and `creator stats` as a user runs them, against the fakes. */
import assert from "node:assert/strict";
import { openStore } from "../storage/mod.ts";
import { creator, withTempDir } from "./cli.ts";
import { TEST_CREDENTIALS } from "./fakes/x.ts";
import { seedPublished } from "./_seed_published.ts";
import { HARNESS_NOW, startHarness } from "./harness.ts";

Deno.test("engage --dry-run prints each reply under its message; stats ranks the posts", async () => {
  const h = await startHarness();
  try {
    await withTempDir(async (dir) => {
      const db = `${dir}/creator.db`;
      const store = await openStore(db);
      try {
        const [best, worst] = await seedPublished(store, [
          { platform: "x", externalId: "1890000000000000001", publishedAt: HARNESS_NOW },
          { platform: "x", externalId: "1890000000000000002", publishedAt: HARNESS_NOW },
        ]);
        const figures = (likes: number) => ({
          impressions: 100,
          likes,
          reposts: 1,
          replies: 0,
          quotes: 0,
          bookmarks: null,
          reactions: null,
          linkClicks: null,
          profileClicks: null,
          raw: {},
        });
        for (const [postId, likes] of [[best, 9], [worst, 2]]) {
          await store.postMetrics.record([{
            postId,
            platform: "x",
            ageSeconds: 3600,
            measuredAt: HARNESS_NOW + 3_600_000,
            state: "live",
            metrics: figures(likes),
          }]);
        }
      } finally {
        await store.close();
      }
      h.x.audience.mention({
        text: "@creator why is BTC moving?",
        authorId: "5",
        username: "uma",
        inReplyTo: "1890000000000000001",
      });
      const env = {
        CREATOR_X_BASE_URL: h.x.url,
        X_API_KEY: TEST_CREDENTIALS.appKey,
        X_API_SECRET: TEST_CREDENTIALS.appSecret,
        X_ACCESS_TOKEN: TEST_CREDENTIALS.accessToken,
        X_ACCESS_SECRET: TEST_CREDENTIALS.accessSecret,
      };
      const engage = await creator(["engage", "--dry-run", "--db", db], { cwd: dir, env });
      assert.equal(engage.code, 0, engage.stderr);
      assert.match(
        engage.stdout,
        /x reply from @uma \(question\):\n {4}@creator why is BTC moving\?/,
      );
      assert.match(engage.stdout, /would reply:\n {4}@uma Thanks for asking/);
      const wide = engage.stdout.split("\n").filter((line) => line.length > 80);
      assert.deepEqual(wide, []);
      assert.equal(h.x.posts.length, 0, "a dry run sends nothing");
      assert.doesNotMatch(engage.stdout + engage.stderr, /fake-app-secret|fake-access-secret/);

      const stats = await creator(["stats", "--json", "--since", "2025-01-01", "--db", db], {
        cwd: dir,
      });
      assert.equal(stats.code, 0, stats.stderr);
      const report = JSON.parse(stats.stdout);
      assert.equal(report.posts, 2);
      assert.deepEqual(report.best.map((p: { engagement: number }) => p.engagement), [10, 3]);
      assert.equal(report.byPlatform[0].impressions, 200);
      const text = await creator(["stats", "--since", "2025-01-01", "--db", db], { cwd: dir });
      assert.match(text.stdout, /^x\s+2\s+2\s+13\s+6\.5\s+200\s+1$/m);
    });
  } finally {
    await h.close();
  }
});
