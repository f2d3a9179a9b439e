/**
 * The preview page in a real browser: headless Chromium (Debian's package) driven by
 * playwright-core loads the page the demo writes, and every chart must have decoded and no
 * post's text may spill out of its card. A screenshot is saved for a person to look at.
 */
import assert from "node:assert/strict";
import { formatsFor } from "../agents/foundation/outgoing.ts";
import { renderPreviews } from "../agents/foundation/preview.ts";
import { findAgent } from "../agents/mod.ts";
import { renderHtml } from "../cli/preview_html.ts";
import { fixedClock } from "../core/clock.ts";
import { ConfigSchema } from "../core/config_schema.ts";
import { createContext } from "../core/context.ts";
import { runAgents } from "../core/runner.ts";
import { openStore } from "../storage/mod.ts";

const CHROMIUM = "/usr/bin/chromium";
const PIPELINE = [
  "market-scanner",
  "analysis",
  "content-repurposing",
  "content-strategist",
  "content-creation",
  "image-generation",
];

/** The demo's pipeline on the recorded sell-off, written as the preview page. */
async function writePage(dir: string): Promise<string> {
  const store = await openStore(`${dir}/creator.db`);
  try {
    const now = Date.parse("2025-01-27T01:05:00Z");
    const config = ConfigSchema.parse({});
    const ctx = createContext({ config, store, source: "sample", clock: fixedClock(now) });
    const outcomes = await runAgents(PIPELINE.map((name) => findAgent(name)!), ctx);
    assert.ok(outcomes.every((o) => o.status === "ok"), JSON.stringify(outcomes));
    const pending = await store.posts.pending();
    const images = await store.images.forPlans(pending.map((p) => p.planId));
    const formats = await formatsFor(store, pending);
    const html = renderHtml(renderPreviews(pending, now, images, formats), now, {
      images,
      replay: "27 January 2025",
    });
    await Deno.writeTextFile(`${dir}/preview.html`, html);
    return `${dir}/preview.html`;
  } finally {
    await store.close();
  }
}

Deno.test({
  name: "the preview page shows every chart decoded and no text overflowing its card",
  sanitizeResources: false,
  async fn() {
    const installed = await Deno.stat(CHROMIUM).then(() => true, () => false);
    assert.ok(installed, `${CHROMIUM} is missing: install Debian's chromium package`);
    const dir = await Deno.makeTempDir({ prefix: "creator-browser-" });
    const { chromium } = await import("playwright-core");
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
      ],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`file://${await writePage(dir)}`);
      const images = await page.$$eval(
        "img",
        (all) => all.map((img) => ({ complete: img.complete, width: img.naturalWidth })),
      );
      assert.ok(images.length >= 4 * 4, `a chart per insight and per card, got ${images.length}`);
      assert.ok(images.every((i) => i.complete && i.width > 0), "every image decoded");
      const overflows = await page.$$eval(".card", (cards) =>
        cards.flatMap((card) => {
          const box = card.getBoundingClientRect();
          const inside = [...card.querySelectorAll(".text, img, .facts span")].every((el) => {
            const r = el.getBoundingClientRect();
            return r.left >= box.left - 0.5 && r.right <= box.right + 0.5 &&
              el.scrollWidth <= el.clientWidth + 1;
          });
          return inside && card.scrollWidth <= card.clientWidth
            ? []
            : [card.getAttribute("data-plan")];
        }));
      assert.deepEqual(overflows, [], "cards whose text spills out");
      const shot = `${dir}/preview.png`;
      await page.screenshot({ path: shot, fullPage: true });
      const bytes = await Deno.readFile(shot);
      assert.deepEqual([...bytes.slice(1, 4)], [0x50, 0x4e, 0x47], "a PNG screenshot");
    } finally {
      await browser.close();
      await Deno.remove(dir, { recursive: true });
    }
  },
});
