/**
 * Embeds for the Discord fake: checked against Discord's documented limits, stored as sent,
 * and answered as Discord shows them (type "rich"; an image given as "attachment://<name>"
 * resolved to the uploaded file's CDN url, an unknown attachment dropped).
 */
import { attachmentObject, type StoredAttachment } from "./discord_media.ts";

export interface SentEmbed {
  title?: string;
  description?: string;
  color?: number;
  fields?: { name: string; value: string; inline?: boolean }[];
  footer?: { text: string };
  image?: { url: string };
}

const LIMITS = { embeds: 10, title: 256, description: 4096, fields: 25, name: 256, value: 1024 };
const TOTAL = 6000;

/** What is wrong with the message's embeds as Discord would say it, or null. */
export function embedError(embeds: SentEmbed[]): string | null {
  if (embeds.length > LIMITS.embeds) return "embeds: Must be 10 or fewer in length.";
  let total = 0;
  for (const [i, e] of embeds.entries()) {
    const fields = e.fields ?? [];
    if ((e.title ?? "").length > LIMITS.title) return `embeds.${i}.title: Must be 256 or fewer.`;
    if ((e.description ?? "").length > LIMITS.description) {
      return `embeds.${i}.description: Must be 4096 or fewer.`;
    }
    if (fields.length > LIMITS.fields) return `embeds.${i}.fields: Must be 25 or fewer.`;
    for (const f of fields) {
      if (!f.name || !f.value) return `embeds.${i}.fields: name and value are required.`;
      if (f.name.length > LIMITS.name || f.value.length > LIMITS.value) {
        return `embeds.${i}.fields: a field is too long.`;
      }
    }
    total += (e.title ?? "").length + (e.description ?? "").length +
      (e.footer?.text ?? "").length + fields.reduce((n, f) =>
        n + f.name.length + f.value.length, 0);
  }
  return total > TOTAL ? "embeds: Embed size exceeds maximum size of 6000" : null;
}

/** An embed as a message object carries it. */
export function embedObject(embed: SentEmbed, messageId: string, files: StoredAttachment[]) {
  const { image, ...rest } = embed;
  const name = image?.url.match(/^attachment:\/\/(.+)$/)?.[1];
  const index = files.findIndex((f) => f.filename === name);
  const file = index >= 0 ? attachmentObject(messageId, files[index], index) : undefined;
  return {
    type: "rich",
    ...rest,
    ...(file
      ? { image: { url: file.url, proxy_url: file.proxy_url, width: 1200, height: 675 } }
      : {}),
  };
}
