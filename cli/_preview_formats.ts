/**
 * The platforms' own formats as a preview page shows them: Telegram HTML rendered with only
 * the tags Telegram itself renders, and a Discord embed as a card with its chart inside.
 */
import { type Embed, htmlText } from "../integrations/publish/formatting.ts";

/** Telegram's simple formatting tags; anything else in the markup is shown as text. */
const TAGS = /^<\/?(b|strong|i|em|u|ins|s|strike|del|code|pre|blockquote)>$/;

/** A Telegram HTML post for the page: its own tags kept, every text run escaped afresh. */
export function telegramHtml(html: string): string {
  return html.split(/(<\/?[a-z]+>)/).map((piece, i) =>
    i % 2 === 1 ? (TAGS.test(piece) ? piece : "") : esc(htmlText(piece))
  ).join("");
}

/** An embed as Discord draws it: colour bar, title, inline fields, the chart, the footer. */
export function embedCard(embed: Embed, picture: string): string {
  const colour = `#${embed.color.toString(16).padStart(6, "0")}`;
  const fields = embed.fields.map((f) =>
    `<div class="field"><div class="field-name">${esc(f.name)}</div><div>${
      esc(f.value)
    }</div></div>`
  ).join("");
  return `<div class="embed" style="border-left-color:${colour}">
        <div class="embed-title">${esc(embed.title)}</div>
        ${embed.description ? `<div class="text">${esc(embed.description)}</div>` : ""}
        <div class="fields">${fields}</div>
        ${picture}
        <div class="embed-footer">${esc(embed.footer.text)}</div>
      </div>`;
}

/** The page's styles for the two. */
export const FORMAT_STYLE = `
.bubble b,.bubble strong{font-weight:bold}.bubble code{font-family:monospace}
.embed{background:#2b2d31;border-left:4px solid #5865f2;border-radius:4px;padding:8px 12px 10px;margin-top:4px;max-width:520px;min-width:0}
.embed-title{color:#f2f3f5;font-weight:bold;margin-bottom:6px;overflow-wrap:anywhere}
.fields{display:grid;grid-template-columns:repeat(auto-fill,minmax(120px,1fr));gap:6px 12px}
.field{min-width:0;overflow-wrap:anywhere;font-size:14px}.field-name{font-weight:bold;color:#f2f3f5}
.embed .attachment{width:100%;margin-top:8px}
.embed-footer{font-size:12px;color:#b5bac1;margin-top:8px;overflow-wrap:anywhere}
`;

function esc(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]!),
  );
}
