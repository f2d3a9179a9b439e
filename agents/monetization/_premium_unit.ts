import type { Context } from "../../core/agent.ts";
import type { OutgoingPost } from "../../integrations/publish/mod.ts";
import type { PremiumPost } from "../../storage/premium.ts";

/** The post as it goes out, the same whenever it is built: a reconciliation looks for this. */
export async function premiumUnit(ctx: Context, post: PremiumPost): Promise<OutgoingPost> {
  // The key names this database: post ids start at 1 in every one, and a Discord
  // nonce shared by two would let one take the other's message for its own.
  const key = `${await ctx.store.installation.id()}-premium-${post.id}`;
  const unit: OutgoingPost = { key, platform: post.destination, parts: post.parts };
  if (!post.image) return unit;
  const image = await ctx.store.images.picture(post.image.imageId, post.image.alt);
  return image ? { ...unit, image } : unit;
}
