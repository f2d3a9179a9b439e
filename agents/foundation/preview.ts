import type { Platform } from "../../core/vocabulary.ts";
import type { PendingPost } from "../../storage/posts.ts";
import type { StoredPicture } from "../../storage/images.ts";
import type { StoredVariant } from "../../storage/variants.ts";
import {
  type Embed,
  EMBED_LIMITS,
  embedText,
  htmlText,
} from "../../integrations/publish/formatting.ts";
import type { OutgoingPost } from "../../integrations/publish/mod.ts";
import {
  PLATFORM_LIMITS,
  TELEGRAM_CAPTION_LIMIT,
  weightedLength,
} from "../../integrations/publish/text_length.ts";
import { outgoing } from "./outgoing.ts";

/** The image a post carries, described (the bytes stay in the database). */
export interface PreviewImage {
  sha256: string;
  width: number;
  height: number;
  bytes: number;
  kind: string;
  alt: string;
}

/** A post exactly as it would go out, with what a person checks before it does. */
export interface Preview {
  planId: number;
  insightId: number;
  insightType: string;
  platform: Platform;
  format: string;
  headline: string;
  writer: string;
  scheduledAt: number;
  due: boolean;
  /**
   * As sent: Telegram HTML when `markup` is "html" (its length is the text a reader sees);
   * for a Discord embed, the one part is every word the embed shows.
   */
  parts: { index: number; text: string; length: number; limit: number }[];
  markup?: "html";
  embed?: Embed;
  /** Media attached to the post, in words, e.g. "chart 1200×675 PNG, 48.2 KB". */
  media: string[];
  image?: PreviewImage;
  /** How the platform will show it when that differs from the parts, e.g. a long caption. */
  note?: string;
}

/** What a preview's lengths count: the platform's own counting for what it shows. */
export function lengthUnit(p: Preview): string {
  if (p.platform === "x") return "weighted characters";
  if (p.embed) return "characters in the embed";
  return p.markup ? "characters as read" : "characters";
}

/**
 * Previews of `pending` as they would go out: in the format each plan has now (see
 * formatsFor) or as drafted, with the image each plan carries (see ImageRepo.forPlans).
 */
export function renderPreviews(
  pending: PendingPost[],
  now: number,
  images: ReadonlyMap<number, StoredPicture> = new Map(),
  formats: ReadonlyMap<number, StoredVariant> = new Map(),
): Preview[] {
  return pending.map((p) => {
    const picture = images.get(p.planId);
    const image = picture && describe(picture);
    const variant = formats.get(p.planId);
    const sent = outgoing(p, "preview", variant);
    const parts = partsOf(sent);
    const note = picture && p.platform === "telegram" && parts[0].length > TELEGRAM_CAPTION_LIMIT
      ? `longer than a ${TELEGRAM_CAPTION_LIMIT.toLocaleString("en-US")}-character caption: ` +
        "the photo goes first, the text as a reply to it"
      : undefined;
    return {
      planId: p.planId,
      insightId: p.insightId,
      insightType: p.insightType,
      platform: p.platform,
      format: p.format,
      headline: p.headline,
      writer: variant ? `content-repurposing (${variant.format} #${variant.id})` : p.writer,
      scheduledAt: p.scheduledAt,
      due: p.scheduledAt <= now,
      parts,
      ...(sent.markup ? { markup: sent.markup } : {}),
      ...(sent.embed ? { embed: sent.embed } : {}),
      media: image ? [mediaLine(image)] : [],
      ...(image ? { image } : {}),
      ...(note ? { note } : {}),
    };
  });
}

/** Each part with its length as the platform counts it: the visible text of HTML, an embed's words. */
function partsOf(post: OutgoingPost): Preview["parts"] {
  if (post.embed) {
    const text = embedText(post.embed);
    return [{ index: 1, text, length: [...text].length, limit: EMBED_LIMITS.total }];
  }
  return post.parts.map((text, i) => ({
    index: i + 1,
    text,
    length: weightedLength(post.markup === "html" ? htmlText(text) : text, post.platform),
    limit: PLATFORM_LIMITS[post.platform],
  }));
}

/**
 * The same previews with the images their plans carry now: previews made before
 * ImageGeneration ran (a dry run's drafts) get their charts here.
 */
export function attachImages(
  previews: Preview[],
  images: ReadonlyMap<number, StoredPicture>,
): Preview[] {
  return previews.map((p) => {
    const picture = images.get(p.planId);
    if (!picture || p.image) return p;
    const image = describe(picture);
    return { ...p, image, media: [mediaLine(image)] };
  });
}

function describe(picture: StoredPicture): PreviewImage {
  const { sha256, width, height, kind, alt } = picture;
  return { sha256, width, height, kind, alt, bytes: picture.png.byteLength };
}

/** "chart 1200×675 PNG, 48.2 KB (candles+bands)". */
export function mediaLine(image: PreviewImage): string {
  const kb = (image.bytes / 1024).toFixed(1);
  return `chart ${image.width}×${image.height} PNG, ${kb} KB (${image.kind})`;
}
