import type { MemberPlatform } from "../core/vocabulary.ts";
import type { Globals } from "./program.ts";
import { output, withSession } from "./session.ts";

/** `creator offer link`: a Stripe Checkout link for one person, recorded in the funnel. */
export function offerLink(
  g: Globals,
  opts: { platform: MemberPlatform; user: string },
): Promise<void> {
  return withSession(g, {}, async ({ ctx }) => {
    const { createOffer } = await import("../agents/monetization/_offer.ts");
    const member = { platform: opts.platform, userId: opts.user };
    const url = await createOffer(ctx, member, "cli");
    output(g, { member: `${member.platform}:${member.userId}`, url }, () => url);
  });
}
