/** A post's embed as it is sent to Discord, and as Discord lists it back. */
import type { APIMessage } from "discord.js";
import type { Picture } from "../../core/vocabulary.ts";
import type { Embed } from "../publish/formatting.ts";

/** The file name a post's picture goes by, which its embed refers to. */
export const IMAGE_NAME = "chart.png";

/** The embed with the picture inside it when the post has one, and no picture otherwise. */
export function showing(embed: Embed, image: Picture | undefined): Embed {
  const { image: _, ...rest } = embed;
  return image ? { ...rest, image: { url: `attachment://${IMAGE_NAME}` } } : rest;
}

/** The same words as `ours`: title, description, fields and footer (Discord adds the rest). */
export function sameEmbed(listed: APIMessage["embeds"][number] | undefined, ours: Embed): boolean {
  if (!listed) return false;
  const fields = (e: { fields?: { name: string; value: string }[] }) =>
    JSON.stringify((e.fields ?? []).map((f) => [f.name, f.value]));
  return listed.title === ours.title && (listed.description ?? "") === (ours.description ?? "") &&
    listed.footer?.text === ours.footer.text && fields(listed) === fields(ours);
}
