/**
 * The platforms' own formatting as the publishers send it: Telegram's HTML parse mode and
 * Discord's embeds. What a reader sees of each is what gets measured and checked.
 */

/** A Discord embed: a title, "Label: value" fields, a footer, and the chart when there is one. */
export interface Embed {
  title: string;
  description?: string;
  color: number;
  fields: { name: string; value: string; inline: boolean }[];
  footer: { text: string };
  image?: { url: string };
}

/** Discord's documented embed limits. */
export const EMBED_LIMITS = { title: 256, description: 4096, fields: 25, value: 1024, total: 6000 };

/** Every word a reader of the embed sees: what the guards check and the limits count. */
export function embedText(embed: Embed): string {
  return [
    embed.title,
    embed.description ?? "",
    ...embed.fields.map((f) => `${f.name}: ${f.value}`),
    embed.footer.text,
  ].join("\n");
}

/** Text for Telegram's HTML parse mode: the three characters it reserves, as entities. */
export function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/**
 * The text a Telegram reader sees of an HTML post: tags dropped, entities read. Telegram
 * counts a post's length (and a caption's 1,024) on this, not on the markup.
 */
export function htmlText(html: string): string {
  return html.replace(/<[^>]+>/g, "").replaceAll("&lt;", "<").replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"').replaceAll("&amp;", "&");
}
