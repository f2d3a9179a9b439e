/**
 * CommunityModerator: keeps scammers out of the Discord server and the
 * Telegram discussion group. Runs until stopped (`creator moderate`); one
 * instance moderates at a time, the others stand by for its lease.
 */
import type { Agent } from "../../core/agent.ts";

export const communityModerator: Agent = {
  name: "community-moderator",
  phase: "monetization",
  description: "Moderates the Discord server and the Telegram group: scams, phishing, raids.",
  async run(ctx) {
    const { communities, missing } = await ctx.integrations.communities();
    if (!communities.length) {
      throw new Error(`Cannot moderate: nothing is configured (${missing.join("; ")})`);
    }
    for (const reason of missing) ctx.log.info(`not moderating ${reason}`);
    try {
      // Loaded here, not at the top: the registry is read by every command, the rules by one.
      const { moderate } = await import("./moderation/session.ts");
      const { acted, terms } = await moderate(ctx, communities, {
        leaseMs: ctx.config.moderation.leaseSeconds * 1000,
      });
      return {
        read: 0,
        written: acted,
        summary: `${acted} actions in ${terms} term(s) holding the moderation lease`,
        details: { acted, terms, platforms: communities.map((c) => c.platform) },
      };
    } finally {
      await Promise.all(communities.map((c) => c.close()));
    }
  },
};
