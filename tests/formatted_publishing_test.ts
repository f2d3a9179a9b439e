/**
 * Posts go out in their platform's own format when ContentRepurposing made one that passed the
 * guards: a Telegram HTML post (parse_mode HTML, captions too) and a Discord embed with the
 * chart inside it, against the platform fakes; the plain draft otherwise. Exactly-once holds
 * for the formatted post: a reconciliation looks for it in the form it was sent in.
 */
import assert from "node:assert/strict";
import { publishing } from "../agents/foundation/publishing.ts";
import { unbackedClaims } from "../agents/guard/mod.ts";
import { findAgent } from "../agents/mod.ts";
import { fixedClock } from "../core/clock.ts";
import { runAgent, runAgents } from "../core/runner.ts";
import type { Embed } from "../integrations/publish/formatting.ts";
import { testBackends } from "../storage/test_backends.ts";
import { assertOk, publishedRows, seedDrafted } from "./_seed.ts";
import { addVariant, AFTER_LEASE, ALT, seedWithChart } from "./_seed_formats.ts";
import { withHarness } from "./harness.ts";

const UP_TO_IMAGES = [
  "market-scanner",
  "analysis",
  "content-strategist",
  "content-creation",
  "image-generation",
  "content-repurposing",
].map((name) => findAgent(name)!);

testBackends(
  "each post goes out in the format ContentRepurposing made and guarded: Telegram HTML, a Discord embed with its chart",
  ({ open }) =>
    withHarness(open, async (h, store) => {
      // The recorded sell-off, written by the template writer, sent to the platform fakes.
      const at = { source: "sample" as const, clock: fixedClock("2025-01-27T01:05:00Z") };
      const outcomes = await runAgents(UP_TO_IMAGES, h.context(store, at));
      assert.ok(outcomes.every((o) => o.status === "ok"), JSON.stringify(outcomes));
      assertOk(await runAgent(publishing, h.context(store, at)));

      const sent = await store.db.all<Record<string, unknown>>(
        `SELECT pc.platform, pc.external_id, v.body, v.format, i.id AS insight_id
         FROM published_content pc JOIN content_plans p ON p.id = pc.plan_id
         JOIN insights i ON i.id = p.insight_id
         LEFT JOIN content_variants v ON v.id = pc.variant_id
         WHERE pc.status = 'published' ORDER BY pc.id`,
      );
      const telegram = sent.filter((r) => r.platform === "telegram");
      const discord = sent.filter((r) => r.platform === "discord");
      assert.ok(telegram.length > 0 && discord.length > 0, JSON.stringify(sent));
      // Every insight was formatted before publishing ran, so every post went in its format.
      assert.deepEqual(telegram.map((r) => r.format), telegram.map(() => "telegram_html"));
      assert.deepEqual(discord.map((r) => r.format), discord.map(() => "discord_embed"));
      assert.ok(sent.filter((r) => r.platform === "x").every((r) => r.format === null));

      for (const row of telegram) {
        const message = h.telegram.posts.find((p) => String(p.id) === row.external_id)!;
        assert.equal(message.html, row.body, "sent as stored, in parse_mode HTML");
        const insight = (await store.insights.get(Number(row.insight_id)))!;
        const allowed = [insight.headline, `${insight.symbol} ${insight.timeframe}`];
        // What the reader sees is what the guard passed: no number the insight lacks.
        assert.deepEqual(unbackedClaims(message.text, insight, allowed), []);
      }
      const charts = new Set((await store.images.forPlans(
        (await store.db.all<{ plan_id: number }>("SELECT plan_id FROM plan_images"))
          .map((r) => Number(r.plan_id)),
      )).keys());
      assert.ok(charts.size > 0, "the sell-off has charts");
      for (const row of discord) {
        const message = h.discord.posts.find((p) => p.id === row.external_id)!;
        const stored = JSON.parse(String(row.body)) as Embed;
        assert.equal(message.content, "", "the embed is the whole post");
        const [embed] = message.embeds ?? [];
        assert.deepEqual(
          [embed.title, embed.fields, embed.footer],
          [stored.title, stored.fields, stored.footer],
        );
        // The chart is shown inside the embed, the file attached under the name it refers to.
        if (message.attachments?.length) {
          assert.deepEqual(embed.image, { url: "attachment://chart.png" });
          assert.equal(message.attachments[0].filename, "chart.png");
        } else assert.equal(embed.image, undefined);
      }
      assert.ok(h.discord.posts.some((p) => p.attachments?.length), "a chart went in an embed");
      assert.ok(h.telegram.posts.some((p) => p.photo && p.html), "a chart went with HTML");
    }),
);

testBackends(
  "a post with no format, or one a guard rejected, goes out as its plain draft",
  ({ open }) =>
    withHarness(open, async (h, store) => {
      const [telegramPlan] = await seedDrafted(store, [
        { platform: "telegram", parts: ["ETH held its average on the hourly."] },
        { platform: "discord", parts: ["ETH held its average, hourly candles."] },
      ]);
      await addVariant(store, telegramPlan, "telegram_html", "<b>ETH</b> 99,999", "rejected");

      assertOk(await runAgent(publishing, h.context(store)));

      const [message] = h.telegram.posts;
      assert.deepEqual([message.text, message.html], [
        "ETH held its average on the hourly.",
        undefined,
      ]);
      assert.equal(
        h.telegram.requests[0].body && "parse_mode" in (h.telegram.requests[0].body as object),
        false,
      );
      assert.deepEqual(h.discord.posts.map((p) => [p.content, p.embeds]), [
        ["ETH held its average, hourly candles.", undefined],
      ]);
    }),
);

testBackends(
  "a Telegram caption is measured on the text a reader sees: markup past 1,024 characters still fits, longer text goes as photo and reply",
  ({ open }) =>
    withHarness(open, async (h, store) => {
      // 900 visible characters, over 1,024 with their tags and entities.
      const fits = `<b>${"A&amp;B ".repeat(150)}</b>`.replace(/ <\/b>$/, "</b>");
      const long = `<b>BTC</b> ${"<i>volume stayed heavy</i> &amp; ".repeat(60)}`.trim();
      assert.ok(fits.length > 1024);
      const [a, b] = await seedWithChart(store, [
        { platform: "telegram", parts: ["BTC broke its lower band."] },
        { platform: "telegram", parts: ["BTC volume tripled."] },
      ]);
      await addVariant(store, a, "telegram_html", fits);
      await addVariant(store, b, "telegram_html", long);

      assertOk(await runAgent(publishing, h.context(store)));

      const [captioned, photo, reply] = h.telegram.posts;
      assert.ok(captioned.photo && captioned.html === fits && captioned.text.length <= 1024);
      assert.deepEqual([photo.text, photo.html, reply.html, reply.replyTo], [
        "",
        undefined,
        long,
        photo.id,
      ]);
      assert.ok(reply.text.length > 1024 && !reply.photo);
      const rows = await publishedRows(store);
      assert.deepEqual(rows.map((r) => r.status), ["published", "published"]);
    }),
);

testBackends(
  "a Discord embed that went out before a crash is recognised by the reconciliation, never sent again",
  ({ open }) =>
    withHarness(open, async (h, store) => {
      const [formatted, plain] = await seedWithChart(store, [
        // Drafted as two parts; its format is one embed, and that is what is looked for.
        { platform: "discord", parts: ["SOL reclaimed its average.", "It held for 3 hours."] },
        { platform: "discord", parts: ["SOL reclaimed its average, again."] },
      ]);
      await addVariant(store, formatted, "discord_embed");
      // Both are stored, then answered 503: the sender cannot know they went out.
      h.discord.failAfterStore(2, 503);
      const first = await runAgent(publishing, h.context(store));
      assert.equal(first.status, "failed");
      // A format made after the plain post was sent must not change what is looked for.
      await addVariant(store, plain, "discord_embed", undefined, "accepted", "SOL again");

      assertOk(await runAgent(publishing, h.context(store, { clock: AFTER_LEASE })));

      assert.equal(h.discord.posts.length, 2, "nothing sent twice");
      assert.ok(h.discord.posts[0].embeds && !h.discord.posts[1].embeds);
      const rows = await publishedRows(store);
      assert.deepEqual(rows.map((r) => [r.status, r.externalId]), [
        ["published", h.discord.posts[0].id],
        ["published", h.discord.posts[1].id],
      ]);
    }),
);

testBackends(
  "through a Discord webhook the embed goes with the chart inside it",
  ({ open }) =>
    withHarness(open, async (h, store) => {
      const [planId] = await seedWithChart(store, [{ platform: "discord", parts: ["LTC up."] }]);
      await addVariant(store, planId, "discord_embed");

      assertOk(await runAgent(publishing, h.context(store, { config: h.webhookConfig })));

      const [message] = h.discord.posts;
      assert.deepEqual([message.via, message.content], ["webhook", ""]);
      assert.deepEqual(message.embeds?.map((e) => [e.title, e.image]), [
        ["BTC/USDT 1h: price move", { url: "attachment://chart.png" }],
      ]);
      assert.deepEqual(message.attachments?.map((a) => [a.filename, a.description]), [
        ["chart.png", ALT],
      ]);
    }),
);
