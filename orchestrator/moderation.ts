/**
 * CommunityModerator beside the scheduled jobs: it is not a job (it runs
 * until the daemon stops), so the daemon starts it once when a Discord guild
 * or Telegram group is configured. Its own lease makes one daemon of several
 * moderate while the others stand by.
 */
import type { Context } from "../core/agent.ts";

/**
 * The running moderation session, or null when nothing is configured to moderate. Wrapped in
 * an object: a promise returned from an async function would be awaited with it, and the
 * daemon would wait for moderation to end before starting its jobs.
 */
export async function startModeration(ctx: Context): Promise<{ done: Promise<void> } | null> {
  const m = ctx.config.moderation;
  if (!m.discord.guildId && !m.telegram.groupId) return null;
  const { communities, missing } = await ctx.integrations.communities();
  for (const reason of missing) ctx.log.info(`not moderating ${reason}`);
  if (!communities.length) return null;
  const { moderate } = await import("../agents/monetization/moderation/session.ts");
  const done = moderate(ctx, communities, { leaseMs: m.leaseSeconds * 1000 })
    .then(({ acted }) => ctx.log.info(`moderation stopped after ${acted} actions`))
    .catch((error) => ctx.log.error(`moderation failed: ${(error as Error).message}`))
    .finally(() => Promise.all(communities.map((c) => c.close())));
  return { done };
}
