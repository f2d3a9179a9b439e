/**
 * A post with a chart is one unit even when it takes two calls: the Telegram photo and the
 * message after it (a text longer than a caption), the X upload and the post. When the second
 * call fails, retries and reconciliations never send the first again, nor the second twice.
 */
import { shown } from "../cli/posts.ts";
import { htmlText } from "../integrations/publish/formatting.ts";
import assert from "node:assert/strict";
import { publishing } from "../agents/foundation/publishing.ts";
import { runAgent } from "../core/runner.ts";
import { testBackends } from "../storage/test_backends.ts";
import { assertOk, publishedRows } from "./_seed.ts";
import { addVariant, AFTER_LEASE, PNG, seedWithChart } from "./_seed_formats.ts";
import { type Harness, withHarness } from "./harness.ts";

const LONG = `BTC hourly recap. ${"Volume stayed heavy through the session. ".repeat(30)}`;
const LONG_HTML = `<b>BTC hourly recap.</b> ${
  "<i>Volume stayed heavy</i> &amp; more. ".repeat(40)
}`;

const calls = (h: Harness, method: string) =>
  h.telegram.requests.filter((r) => r.path.endsWith(`/${method}`)).length;

for (
  const [how, fail, format] of [
    ["answered 503 before it was stored", false, "plain"],
    ["stored, then answered 502", true, "plain"],
    ["answered 503 before it was stored", false, "HTML"],
  ] as const
) {
  testBackends(
    `a Telegram photo that went out and its ${format} message ${how} are never sent again`,
    ({ open }) =>
      withHarness(open, async (h, store) => {
        const [planId] = await seedWithChart(store, [{ platform: "telegram", parts: [LONG] }]);
        if (format === "HTML") await addVariant(store, planId, "telegram_html", LONG_HTML);
        h.telegram.failCall("sendMessage", 1, fail ? 502 : 503, fail);

        const first = await runAgent(publishing, h.context(store));
        assert.equal(first.status, "failed", "nothing was confirmed published");
        // The next run, and one past the send lease (when stale sends are reconciled).
        await runAgent(publishing, h.context(store));
        await runAgent(publishing, h.context(store, { clock: AFTER_LEASE }));

        assert.deepEqual([calls(h, "sendPhoto"), calls(h, "sendMessage")], [1, 1]);
        const [photo, ...messages] = h.telegram.posts;
        assert.deepEqual(photo.photo, PNG);
        assert.equal(messages.length, fail ? 1 : 0);
        // Left for a person, with the photo that is out: `creator posts --status unknown`.
        const [row] = await publishedRows(store);
        assert.equal(row.status, "unknown");
        assert.match(row.error ?? "", new RegExp(`1 of 2 parts went out.*parts out: ${photo.id}`));
        const listed = await store.postReview.list({ status: "unknown" });
        assert.deepEqual(listed.map((p) => p.planId), [planId]);
        // It shows the words that went out, to look for on the platform.
        assert.equal(shown(listed[0]), format === "HTML" ? htmlText(LONG_HTML) : LONG);
      }),
  );
}

testBackends(
  "an X upload that went through and a post refused after it: the next try uploads again and posts once",
  ({ open }) =>
    withHarness(open, async (h, store) => {
      await seedWithChart(store, [{ platform: "x", parts: ["BTC lost its lower band."] }]);
      // The upload succeeds; the post is answered 503 without being created.
      h.x.failNext(1, 503);

      const first = await runAgent(publishing, h.context(store));
      assert.equal(first.status, "failed");
      assert.deepEqual([h.x.media.uploads.length, h.x.posts.length], [1, 0]);
      const [waiting] = await publishedRows(store);
      assert.equal(waiting.status, "sending", "ambiguous: left for the reconciliation");

      // Past the lease X is asked, the post is not there, and it goes out: a new upload is fine.
      assertOk(await runAgent(publishing, h.context(store, { clock: AFTER_LEASE })));
      await runAgent(publishing, h.context(store, { clock: AFTER_LEASE }));

      assert.equal(h.x.posts.length, 1);
      assert.equal(h.x.media.uploads.length, 2);
      assert.deepEqual(h.x.posts[0].mediaIds, [h.x.media.uploads[1].id]);
      const [row] = await publishedRows(store);
      assert.deepEqual([row.status, row.externalId], ["published", h.x.posts[0].id]);
    }),
);
