/**
 * Posts with a chart, end to end against the platform fakes: the image goes out with the
 * post on X (upload, alt text, media id), Telegram (sendPhoto with a caption, or the photo and
 * a message when the text is longer than a caption) and Discord (an attachment with alt
 * text), and exactly-once covers the whole unit: uploads may repeat, posts never do.
 */
import assert from "node:assert/strict";
import { publishing } from "../agents/foundation/publishing.ts";
import { runAgent } from "../core/runner.ts";
import { testBackends } from "../storage/test_backends.ts";
import { assertOk, publishedRows } from "./_seed.ts";
import { AFTER_LEASE, ALT, PNG, seedWithChart } from "./_seed_formats.ts";
import { withHarness } from "./harness.ts";

testBackends(
  "a post with a chart goes out with its image and alt text on X, Telegram and Discord",
  ({ open }) =>
    withHarness(open, async (h, store) => {
      await seedWithChart(store, [
        { platform: "x", parts: ["BTC broke its lower band."] },
        { platform: "telegram", parts: ["BTC broke its lower band on the hourly."] },
        { platform: "discord", parts: ["BTC broke its lower band, hourly candles."] },
      ]);

      assertOk(await runAgent(publishing, h.context(store)));

      const [upload] = h.x.media.uploads;
      assert.deepEqual([upload.bytes, upload.alt, upload.mediaType], [PNG, ALT, "image/png"]);
      assert.deepEqual(h.x.posts.map((p) => [p.text, p.mediaIds]), [
        ["BTC broke its lower band.", [upload.id]],
      ]);
      assert.deepEqual(h.telegram.posts.map((p) => [p.text, p.photo]), [
        ["BTC broke its lower band on the hourly.", PNG],
      ]);
      const [message] = h.discord.posts;
      assert.equal(message.content, "BTC broke its lower band, hourly candles.");
      assert.deepEqual(
        message.attachments?.map((a) => [a.filename, a.description, a.bytes]),
        [["chart.png", ALT, PNG]],
      );
      const rows = await publishedRows(store);
      assert.deepEqual(rows.map((r) => r.status), ["published", "published", "published"]);
    }),
);

testBackends(
  "an upload that went through and a post that failed after it never make two posts",
  ({ open }) =>
    withHarness(open, async (h, store) => {
      await seedWithChart(store, [
        { platform: "x", parts: ["ETH lost its 50-hour average."] },
        { platform: "telegram", parts: ["ETH lost its 50-hour average today."] },
        { platform: "discord", parts: ["ETH lost its 50-hour average, hourly."] },
      ]);
      // Each platform stores the post, then answers 503: the sender cannot know it went out.
      h.x.failAfterStore(1, 503);
      h.telegram.failAfterStore(1, 503);
      h.discord.failAfterStore(1, 503);

      const first = await runAgent(publishing, h.context(store));
      assert.equal(first.status, "failed", "nothing was confirmed published");
      await runAgent(publishing, h.context(store));
      await runAgent(publishing, h.context(store, { clock: AFTER_LEASE }));

      assert.equal(h.x.media.uploads.length, 1);
      assert.equal(h.x.posts.length, 1);
      assert.equal(h.telegram.posts.length, 1);
      assert.equal(h.discord.posts.length, 1);
      const rows = await publishedRows(store);
      // X and the Discord bot can be asked; Telegram cannot, so a person decides.
      assert.deepEqual(rows.map((r) => [r.platform, r.status]), [
        ["x", "published"],
        ["telegram", "unknown"],
        ["discord", "published"],
      ]);
      assert.equal(rows[0].externalId, h.x.posts[0].id);
    }),
);

testBackends(
  "an upload that fails posts nothing, and the next run uploads again and posts once",
  ({ open }) =>
    withHarness(open, async (h, store) => {
      await seedWithChart(store, [{ platform: "x", parts: ["SOL volume tripled."] }]);
      h.x.media.failMediaNext(4, 503);

      const first = await runAgent(publishing, h.context(store));
      assert.equal(first.status, "failed");
      assert.equal(h.x.posts.length, 0);
      const [refused] = await publishedRows(store);
      assert.equal(refused.status, "failed");
      assert.match(refused.error ?? "", /Cannot upload the image to x, so nothing was posted/);

      assertOk(await runAgent(publishing, h.context(store)));
      assert.equal(h.x.media.uploads.length, 1, "the retried upload");
      assert.deepEqual(h.x.posts.map((p) => p.mediaIds), [[h.x.media.uploads[0].id]]);
    }),
);

testBackends(
  "a Telegram text longer than a caption goes as the photo plus a message replying to it",
  ({ open }) =>
    withHarness(open, async (h, store) => {
      const long = `BTC hourly recap. ${"Volume stayed heavy through the session. ".repeat(30)}`;
      assert.ok(long.length > 1024);
      await seedWithChart(store, [{ platform: "telegram", parts: [long] }]);

      assertOk(await runAgent(publishing, h.context(store)));

      const [photo, message] = h.telegram.posts;
      assert.deepEqual([photo.photo, photo.text], [PNG, ""], "the photo without a caption");
      assert.deepEqual([message.text, message.replyTo], [long, photo.id]);
      const [row] = await publishedRows(store);
      assert.deepEqual([row.status, row.externalId], ["published", String(photo.id)]);
    }),
);

testBackends(
  "through a Discord webhook the chart goes as an attachment with its alt text",
  ({ open }) =>
    withHarness(open, async (h, store) => {
      await seedWithChart(store, [{ platform: "discord", parts: ["LTC reclaimed its average."] }]);

      assertOk(await runAgent(publishing, h.context(store, { config: h.webhookConfig })));

      const [message] = h.discord.posts;
      assert.deepEqual([message.via, message.content], ["webhook", "LTC reclaimed its average."]);
      assert.deepEqual(message.attachments?.map((a) => [a.description, a.bytes]), [[ALT, PNG]]);
    }),
);
