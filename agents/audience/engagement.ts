import type { Agent, Context } from "../../core/agent.ts";
import type { Platform } from "../../core/vocabulary.ts";
import type { PlatformAudience } from "../../integrations/audience/mod.ts";
import { classifyNew } from "./_classify_new.ts";
import { intakeAll } from "./_intake.ts";
import { sendReplies } from "./_send_reply.ts";

/**
 * Hears the audience and answers each message at most once: takes in X mentions, Telegram
 * updates and Discord channel messages from their stored cursors, classifies them, and replies
 * where the policy, the caps and the X budget allow, through the same guards as posts. A dry run
 * reads and classifies, and shows the replies it would send without sending or reserving any.
 */
export const engagement: Agent = {
  name: "engagement",
  phase: "audience",
  description: "Answers mentions and replies on X, Telegram and Discord.",
  async run(ctx) {
    const audiences = await audiencesOf(ctx);
    const intake = await intakeAll(ctx, [...audiences.values()]);
    const classes = await classifyNew(ctx);
    const { counts, previews } = await sendReplies(ctx, audiences);
    // Kept short: the CLI prints it after the agent's name, within 80 columns.
    const summary = `${intake.read} read, ${intake.stored} new, ` +
      (ctx.dryRun ? `${previews.length} to reply (dry run)` : `${counts.sent} replied` +
        Object.entries(counts).filter(([k, n]) => k !== "sent" && n > 0)
          .map(([k, n]) => `, ${n} ${k}`).join(""));
    if (counts.refused + counts.uncertain > 0 && counts.sent === 0) throw new Error(summary);
    return {
      read: intake.read,
      written: intake.stored + counts.sent,
      summary,
      details: { intake, classes, replies: counts, previews },
    };
  },
};

async function audiencesOf(ctx: Context): Promise<Map<Platform, PlatformAudience>> {
  const out = new Map<Platform, PlatformAudience>();
  for (const platform of ctx.config.engagement.platforms) {
    const made = await ctx.integrations.audience(platform);
    if ("missing" in made) ctx.log.info(`engagement skips ${platform}: ${made.missing}`);
    else out.set(platform, made);
  }
  return out;
}
