/**
 * `publish --dry-run` and the preview page show a post in the format it will go out in: the
 * Telegram HTML post (measured as read), the Discord embed with the chart inside, the draft
 * where there is no format.
 */
import assert from "node:assert/strict";
import { publishing } from "../agents/foundation/publishing.ts";
import type { Preview } from "../agents/foundation/preview.ts";
import { renderHtml } from "../cli/preview_html.ts";
import { renderTerminal, TERMINAL_WIDTH } from "../cli/render_preview.ts";
import { displayWidth } from "../cli/_wrap.ts";
import { fixedClock } from "../core/clock.ts";
import { ConfigSchema } from "../core/config_schema.ts";
import { createContext } from "../core/context.ts";
import { runAgent } from "../core/runner.ts";
import { testBackends } from "../storage/test_backends.ts";
import { seedDrafted } from "./_seed.ts";
import { addVariant, seedWithChart } from "./_seed_formats.ts";
import { HARNESS_NOW } from "./harness.ts";

const HTML =
  "<b>BTC &amp; ETH &lt;fell&gt;</b>\n\n• <b>Close:</b> 101,728.00\n\n<i>Not advice.</i>";

testBackends(
  "a dry run previews each post in the format it will be sent in, and sends nothing",
  async ({ open }) => {
    const store = await open();
    try {
      const [telegram, discord] = await seedWithChart(store, [
        { platform: "telegram", parts: ["BTC fell, plain draft."] },
        { platform: "discord", parts: ["BTC fell, plain draft for Discord."] },
      ]);
      await seedDrafted(store, [{ platform: "telegram", parts: ["ETH, no format for it."] }]);
      await addVariant(store, telegram, "telegram_html", HTML);
      await addVariant(store, discord, "discord_embed");
      const ctx = createContext({
        config: ConfigSchema.parse({}),
        store,
        clock: fixedClock(HARNESS_NOW),
        dryRun: true,
      });

      const outcome = await runAgent(publishing, ctx);
      const previews = outcome.details?.previews as Preview[];
      const byPlan = new Map(previews.map((p) => [p.planId, p]));

      const html = byPlan.get(telegram)!;
      assert.equal(html.markup, "html");
      assert.equal(html.parts[0].text, HTML, "the markup as sent");
      const read = "BTC & ETH <fell>\n\n• Close: 101,728.00\n\nNot advice.";
      assert.equal(html.parts[0].length, read.length, "measured as Telegram counts it");
      const embed = byPlan.get(discord)!;
      assert.deepEqual(
        [embed.embed?.title, embed.parts[0].text],
        [
          "BTC/USDT 1h: price move",
          "BTC/USDT 1h: price move\n\nClose: 101,728.00\nNot financial advice.",
        ],
      );
      const plain = previews.find((p) => p.parts[0].text === "ETH, no format for it.")!;
      assert.deepEqual([plain.markup, plain.embed], [undefined, undefined]);
      assert.equal(await store.posts.countByStatus().then((c) => Object.keys(c).length), 0);

      const terminal = renderTerminal(previews, false, HARNESS_NOW);
      assert.match(terminal, /── Telegram · channel post · HTML/);
      assert.match(terminal, /│ BTC & ETH <fell>/, "the words a reader sees, not the tags");
      assert.match(terminal, /── Discord · channel post · embed/);
      assert.deepEqual(terminal.split("\n").filter((l) => displayWidth(l) > TERMINAL_WIDTH), []);

      const page = renderHtml(previews, HARNESS_NOW, {
        images: await store.images.forPlans([telegram, discord]),
      });
      assert.match(page, /<b>BTC &amp; ETH &lt;fell&gt;<\/b>/, "Telegram's bold, text escaped");
      assert.match(page, /<div class="embed-title">BTC\/USDT 1h: price move<\/div>/);
      // The chart is drawn inside the embed, as Discord shows an embed's image.
      const card = page.slice(page.indexOf('class="embed"'));
      assert.ok(card.indexOf('class="attachment"') < card.indexOf('class="embed-footer"'));
    } finally {
      await store.close();
    }
  },
);
