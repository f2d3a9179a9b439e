/** What the bot answers to its Discord slash commands: /join and /stop. */
import type { Context } from "../../core/agent.ts";
import type { Member } from "../../core/vocabulary.ts";
import { offer, STOPPED } from "./_messages.ts";
import { createOffer } from "./_offer.ts";

export async function answerDiscordCommand(
  ctx: Context,
  name: string,
  userId: string,
): Promise<string> {
  const member: Member = { platform: "discord", userId };
  if (name === "stop") {
    await ctx.store.conversions.optOut(member, ctx.clock.now());
    return STOPPED;
  }
  if (name !== "join") return `Unknown command /${name}: try /join.`;
  const current = await ctx.store.memberships.get(member);
  if (current?.state === "active") {
    // Discord takes a member's roles away when they leave the server; one who
    // came back gets the role again (granting a role held already changes nothing).
    const access = await ctx.integrations.access("discord");
    if (!("missing" in access)) await access.grant(userId);
    return "You are a member already: your role is active.";
  }
  return offer(ctx.config, await createOffer(ctx, member, "command"), "discord");
}
