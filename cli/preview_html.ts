import type { Preview } from "../agents/foundation/preview.ts";

const NAMES = { x: "X", telegram: "Telegram", discord: "Discord" } as const;

/** One self-contained page (inline CSS, no scripts, nothing fetched) of every pending post. */
export function renderHtml(previews: Preview[], generatedAt: number): string {
  const cards = previews.map((p) => `
  <article class="post ${p.platform}">
    <header><strong>${NAMES[p.platform]}</strong> · ${esc(p.format)} · ${
    p.due ? "due now" : `due ${esc(new Date(p.scheduledAt).toISOString())}`
  }</header>
    <p class="meta">plan ${p.planId} · ${esc(p.headline)} · writer: ${esc(p.writer)}</p>
    ${
    p.parts.map((part) => `
    <div class="part${part.length > part.limit ? " over" : ""}">
      ${p.parts.length > 1 ? `<span class="n">${part.index}/${p.parts.length}</span>` : ""}
      <div class="text">${esc(part.text)}</div>
      <span class="len">${part.length}/${part.limit}</span>
    </div>`).join("")
  }
  </article>`).join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>creator · ${previews.length} pending posts</title>
<style>
body{font:15px/1.45 system-ui,sans-serif;background:#f4f5f7;color:#1c1e21;margin:0;padding:24px}
h1{font-size:20px;margin:0 0 4px}.sub{color:#666;margin:0 0 20px}
.post{background:#fff;border-radius:10px;padding:14px 16px;margin:0 auto 16px;max-width:640px;box-shadow:0 1px 3px #0002;border-left:5px solid #999}
.post.x{border-color:#111}.post.telegram{border-color:#229ed9}.post.discord{border-color:#5865f2}
.meta{color:#666;font-size:13px;margin:4px 0 10px}
.part{border:1px solid #e3e5e8;border-radius:8px;padding:10px 12px;margin:8px 0;position:relative}
.part.over{border-color:#d33;background:#fff5f5}
.text{white-space:pre-wrap;word-wrap:break-word}
.len,.n{font-size:12px;color:#888}.len{display:block;text-align:right}.n{float:right}
</style></head><body>
<h1>${previews.length} pending post${previews.length === 1 ? "" : "s"}</h1>
<p class="sub">Generated ${
    esc(new Date(generatedAt).toISOString())
  }. Nothing here has been sent.</p>
${cards || "<p>Nothing pending.</p>"}
</body></html>
`;
}

function esc(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]!),
  );
}
