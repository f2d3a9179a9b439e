import { Buffer } from "node:buffer";
import type { Preview } from "../agents/foundation/preview.ts";
import type { StoredPicture } from "../storage/images.ts";
import { card, esc } from "./_preview_cards.ts";
import { FORMAT_STYLE } from "./_preview_formats.ts";
import { utcTime } from "./_times.ts";
import { groupByInsight } from "./render_preview.ts";

export interface HtmlOptions {
  /** The pictures of the previewed plans, by plan id (ImageRepo.forPlans). */
  images?: ReadonlyMap<number, StoredPicture>;
  /** Set when the page shows a replayed recording: which day, in words. */
  replay?: string;
}

/**
 * One self-contained page (inline CSS and images, no scripts, nothing fetched) of every
 * pending post, grouped by insight: the chart once, then each post as its platform shows it.
 */
export function renderHtml(previews: Preview[], generatedAt: number, o: HtmlOptions = {}): string {
  const sections = groupByInsight(previews).map((group) => {
    const picture = o.images?.get(group[0].planId);
    const src = picture && `data:image/png;base64,${Buffer.from(picture.png).toString("base64")}`;
    const chart = src && group[0].image
      ? `<figure class="chart"><img src="${src}" width="${picture.width}" height="${picture.height}" alt="${
        esc(group[0].image.alt)
      }"><figcaption>${esc(group[0].image.alt)}</figcaption></figure>`
      : `<p class="muted">No chart for this insight.</p>`;
    return `<section class="insight">
  <h2>${esc(group[0].headline)}</h2>
  <p class="muted">${esc(group[0].insightType.replaceAll("_", " "))} · ${group.length} post${
      group.length === 1 ? "" : "s"
    }</p>
  ${chart}
  <div class="cards">${
      group.map((p) => card(p, o.images?.get(p.planId) ? src : undefined, generatedAt)).join("")
    }</div>
</section>`;
  }).join("\n");
  const replay = o.replay
    ? `<p class="replay">This page replays a recorded day: ${esc(o.replay)}.</p>`
    : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>creator · ${previews.length} pending posts</title>
<style>${STYLE}${FORMAT_STYLE}</style></head><body>
<header class="top"><h1>${previews.length} pending post${previews.length === 1 ? "" : "s"}</h1>
${replay}<p class="muted">Generated ${
    esc(utcTime(generatedAt))
  }. Nothing here has been sent.</p></header>
${sections || "<p>Nothing pending.</p>"}
</body></html>
`;
}

const STYLE = `
*{box-sizing:border-box}
body{font:15px/1.45 "DejaVu Sans",system-ui,sans-serif;background:#f4f5f7;color:#1c1e21;margin:0;padding:24px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:0 0 2px}
.muted{color:#687684;font-size:13px}
.replay{background:#fff7e0;border:1px solid #f0d78c;border-radius:8px;padding:8px 12px;margin:8px 0}
.top{max-width:1200px;margin:0 auto 20px}
.insight{max-width:1200px;margin:0 auto 32px;background:#fff;border-radius:12px;padding:18px;box-shadow:0 1px 3px #0002}
.chart{margin:12px 0}.chart img{width:100%;max-width:900px;height:auto;display:block;border-radius:8px;border:1px solid #e3e5e8}
.chart figcaption{color:#687684;font-size:13px;margin-top:6px;max-width:900px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:16px;align-items:start}
.card{border-radius:12px;overflow:hidden;min-width:0;border:1px solid #e3e5e8}
.platform{font-size:12px;font-weight:bold;letter-spacing:.04em;text-transform:uppercase;padding:8px 12px}
.text{white-space:pre-wrap;overflow-wrap:anywhere}
.avatar{flex:none;width:40px;height:40px;border-radius:50%;background:#16a34a;color:#fff;font-weight:bold;display:flex;align-items:center;justify-content:center}
.facts{display:flex;flex-direction:column;gap:2px;padding:8px 12px;font-size:12px;color:#687684;background:#fafafa;border-top:1px solid #eee}
.facts .over{color:#d33;font-weight:bold}
.card.x{background:#fff}.card.x .platform{color:#0f1419}
.tweet{display:flex;gap:10px;padding:12px 14px;position:relative}
.tweet.threaded::before{content:"";position:absolute;left:33px;top:56px;bottom:-4px;width:2px;background:#cfd9de}
.tweet-body{min-width:0;flex:1}.tweet-body .text{color:#0f1419;margin:2px 0 8px}
.tweet-media{width:100%;height:auto;border-radius:16px;border:1px solid #cfd9de;display:block}
.actions{margin-top:8px}
.card.telegram{background:#dfe7ce}.card.telegram .platform{color:#3a6d99}
.chat{padding:10px 12px;display:flex;flex-direction:column;gap:6px}
.bubble{background:#fff;border-radius:12px 12px 12px 4px;padding:6px 10px 4px;max-width:100%;box-shadow:0 1px 1px #0001}
.bubble .channel{color:#3a8fd9;font-weight:bold;font-size:14px;margin-bottom:4px}
.bubble-media{width:calc(100% + 20px);margin:0 -10px 6px;height:auto;display:block}
.bubble .stamp{text-align:right;font-size:11px}
.card.discord{background:#313338;color:#dbdee1;border-color:#1e1f22}.card.discord .platform{color:#b5bac1}
.card.discord .facts{background:#2b2d31;border-color:#1e1f22;color:#b5bac1}
.channel-view{padding:8px 12px}
.message{display:flex;gap:12px;padding:4px 0}.message-body{min-width:0;flex:1}
.message .who b{color:#f2f3f5}.message .muted{color:#949ba4;font-size:12px}
.tag{background:#5865f2;color:#fff;font-size:10px;font-weight:bold;border-radius:3px;padding:1px 4px}
.attachment{max-width:100%;width:400px;height:auto;border-radius:8px;margin-top:6px;display:block}
.message code{background:#2b2d31;padding:0 3px;border-radius:3px}
`;
