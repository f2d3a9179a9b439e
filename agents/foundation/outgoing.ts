/**
 * What a post goes out as: the platform's own format when ContentRepurposing made one that
 * passed the guards (a Telegram HTML post, a Discord embed), else the plain draft.
 */
import type { Platform } from "../../core/vocabulary.ts";
import type { Embed } from "../../integrations/publish/formatting.ts";
import type { OutgoingPost } from "../../integrations/publish/mod.ts";
import type { Store } from "../../storage/mod.ts";
import type { PendingPost } from "../../storage/posts.ts";
import type { StoredVariant, VariantFormat } from "../../storage/variants.ts";

/**
 * The format each platform's posts go out in. X has none here: its own format is plain
 * text, which its draft already is, in the single-or-thread shape its plan chose.
 */
const FORMAT_OF: Partial<Record<Platform, VariantFormat>> = {
  telegram: "telegram_html",
  discord: "discord_embed",
};

/**
 * The accepted format each post would go out as now, by plan id; a post without one is
 * absent. A plan in an experiment on the post's shape (its format or style) goes out as its
 * draft, which carries the variant: the insight's shared format would erase the difference
 * the experiment measures.
 */
export async function formatsFor(
  store: Store,
  posts: PendingPost[],
): Promise<Map<number, StoredVariant>> {
  const out = new Map<number, StoredVariant>();
  const shaped = await store.experiments.shapedPlans(posts.map((p) => p.planId));
  for (const [platform, format] of Object.entries(FORMAT_OF)) {
    const mine = posts.filter((p) => p.platform === platform && !shaped.has(p.planId));
    if (mine.length === 0) continue;
    const found = await store.variants.accepted([...new Set(mine.map((p) => p.insightId))], format);
    for (const post of mine) {
      const variant = found.get(post.insightId);
      if (variant) out.set(post.planId, variant);
    }
  }
  return out;
}

/**
 * The post as sent, in `variant`'s format when given. Its key names this database too:
 * plan ids start at 1 in every database, and a key shared by two (a Discord nonce) would
 * let one take the other's message for its own.
 */
export function outgoing(
  post: PendingPost,
  installId: string,
  variant?: StoredVariant | null,
): OutgoingPost {
  const plain: OutgoingPost = {
    key: `${installId}-plan-${post.planId}-${post.platform}`,
    platform: post.platform,
    parts: post.parts,
  };
  if (variant?.format === "telegram_html" && post.platform === "telegram") {
    return { ...plain, parts: [variant.body], markup: "html" };
  }
  if (variant?.format === "discord_embed" && post.platform === "discord") {
    // The embed carries the whole post; nothing is written above it.
    return { ...plain, parts: [""], embed: JSON.parse(variant.body) as Embed };
  }
  return plain;
}
