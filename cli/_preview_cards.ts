/**
 * One post as its platform shows it, in HTML: an X post card, a Telegram channel bubble, a
 * Discord message. Markup only; the page's stylesheet (preview_html.ts) gives the look.
 */
import { lengthUnit, type Preview } from "../agents/foundation/preview.ts";
import { embedCard, telegramHtml } from "./_preview_formats.ts";
import { dueText, utcTime } from "./_times.ts";

/** Where a card's chart comes from: a data: URL, or none. */
export type ImageSource = string | undefined;

export function card(p: Preview, image: ImageSource, now: number): string {
  const body = p.platform === "x"
    ? xCard(p, image)
    : p.platform === "telegram"
    ? telegramBubble(p, image)
    : discordMessage(p, image);
  return `<article class="card ${p.platform}" data-plan="${p.planId}">
  <div class="platform">${NAMES[p.platform]} · ${esc(FORMATS[p.format] ?? p.format)}${
    p.markup ? " · HTML" : p.embed ? " · embed" : ""
  }</div>
  ${body}
  <footer class="facts">${facts(p, now)}</footer>
</article>`;
}

const NAMES = { x: "X", telegram: "Telegram", discord: "Discord" } as const;
const FORMATS: Record<string, string> = {
  single: "single post",
  thread: "thread",
  channel_post: "channel post",
  chart_post: "chart post",
};

function xCard(p: Preview, image: ImageSource): string {
  return p.parts.map((part, i) => `
  <div class="tweet${i < p.parts.length - 1 ? " threaded" : ""}">
    <div class="avatar">c</div>
    <div class="tweet-body">
      <div class="who"><b>creator</b> <span class="muted">@creator · ${
    esc(shortTime(p.scheduledAt))
  }</span></div>
      <div class="text">${esc(part.text)}</div>
      ${i === 0 ? picture(image, p, "tweet-media") : ""}
      <div class="actions muted">↩ 0 · ⟲ 0 · ♡ 0</div>
    </div>
  </div>`).join("");
}

function telegramBubble(p: Preview, image: ImageSource): string {
  const captioned = image && !p.note;
  const bubbles = p.parts.map((part, i) => `
  <div class="bubble">
    <div class="channel">Creator Signals</div>
    ${i === 0 && captioned ? picture(image, p, "bubble-media") : ""}
    <div class="text">${p.markup === "html" ? telegramHtml(part.text) : esc(part.text)}</div>
    <div class="stamp muted">${esc(clock(p.scheduledAt))}</div>
  </div>`);
  if (image && !captioned) {
    bubbles.unshift(`
  <div class="bubble">${picture(image, p, "bubble-media")}
    <div class="stamp muted">${esc(clock(p.scheduledAt))}</div>
  </div>`);
  }
  return `<div class="chat">${bubbles.join("")}</div>`;
}

function discordMessage(p: Preview, image: ImageSource): string {
  const bodies = p.embed
    ? [embedCard(p.embed, picture(image, p, "attachment"))]
    : p.parts.map((part, i) =>
      `<div class="text">${markdown(part.text)}</div>
      ${i === 0 ? picture(image, p, "attachment") : ""}`
    );
  return `<div class="channel-view">${bodies.map((body) => discordRow(p, body)).join("")}</div>`;
}

/** One message in the channel: our bot's avatar, name and time, then what it posted. */
function discordRow(p: Preview, body: string): string {
  return `
  <div class="message">
    <div class="avatar">c</div>
    <div class="message-body">
      <div class="who"><b>creator</b> <span class="tag">APP</span> <span class="muted">${
    esc(utcTime(p.scheduledAt))
  }</span></div>
      ${body}
    </div>
  </div>`;
}

function picture(image: ImageSource, p: Preview, cls: string): string {
  if (!image || !p.image) return "";
  const { width, height, alt } = p.image;
  return `<img class="${cls}" src="${image}" width="${width}" height="${height}" alt="${
    esc(alt)
  }">`;
}

/** What a person checks, with units: lengths, when it goes, what it carries. */
function facts(p: Preview, now: number): string {
  const unit = lengthUnit(p);
  const lengths = p.parts.map((part) => {
    const over = part.length > part.limit ? ' class="over"' : "";
    const label = p.parts.length > 1 ? `part ${part.index}: ` : "";
    return `<span${over}>${label}${num(part.length)} of ${num(part.limit)} ${unit}</span>`;
  });
  return [
    ...lengths,
    `<span>${esc(dueText(p.scheduledAt, now))}</span>`,
    `<span>${esc(p.media.length ? p.media.join(", ") : "no media")}</span>`,
    ...(p.note ? [`<span>${esc(p.note)}</span>`] : []),
    `<span>plan ${p.planId} · writer: ${esc(p.writer)}</span>`,
  ].join("");
}

const num = (n: number) => n.toLocaleString("en-US");
const MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(" ");
const shortTime = (ms: number) =>
  `${new Date(ms).getUTCDate()} ${MONTHS[new Date(ms).getUTCMonth()]}`;
const clock = (ms: number) => new Date(ms).toISOString().slice(11, 16) + " UTC";

/** Discord's **bold**, *italic* and `code`, on text already escaped. */
function markdown(text: string): string {
  return esc(text)
    .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
    .replace(/(?<![*\w])\*(?!\s)(.+?)\*(?![*\w])/g, "<em>$1</em>")
    .replace(/`([^`]+)`/g, "<code>$1</code>");
}

export function esc(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]!),
  );
}
