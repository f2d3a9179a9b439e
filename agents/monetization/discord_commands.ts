/** What the bot answers to its Discord slash commands: /join and /stop. */
import type { Context } from "../../core/agent.ts";
import type { Member } from "../../core/vocabulary.ts";
import { IntegrationError } from "../../core/errors.ts";
import { offer, STOPPED } from "./_messages.ts";
import { createOffer } from "./_offer.ts";

const WAIT_FOR_ROLE = "Your payment went through: your members' role is on its way.";
const REJOIN = "You are a member, but not in the server right now: join it again, then send /join.";

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
  if (current?.state === "pending") {
    // Paid, and Onboarding is granting the role: no second offer, no second charge.
    return WAIT_FOR_ROLE;
  }
  if (current?.state === "active") {
    // Discord takes a member's roles away when they leave the server; one who
    // came back gets the role again (granting a role held already changes nothing).
    const access = await ctx.integrations.access("discord");
    if (!("missing" in access)) {
      try {
        await access.grant(userId);
      } catch (error) {
        // Unknown Member: not in the server now, so there is nothing to give the role to.
        if (error instanceof IntegrationError && error.status === 404) return REJOIN;
        throw error;
      }
    }
    return "You are a member already: your role is active.";
  }
  return offer(ctx.config, await createOffer(ctx, member, "command"), "discord");
}
