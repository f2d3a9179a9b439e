import type { Agent, Context } from "../../core/agent.ts";
import { offer } from "./_messages.ts";
import { createOffer } from "./_offer.ts";

const DAY = 86_400_000;
/** Interactions older than this no longer count toward the engagement score. */
const SCORE_WINDOW_MS = 30 * DAY;

/**
 * Offers the membership by direct message to engaged people who wrote to us
 * first, are not members and never said stop: once per person per
 * `conversion.perPersonDays`, at most `conversion.dailyCap` a day overall.
 */
export const conversion: Agent = {
  name: "conversion",
  phase: "monetization",
  description: "Offers the paid membership to engaged followers.",
  async run(ctx) {
    const unconfigured = await missingSetup(ctx);
    if (unconfigured) {
      return { read: 0, written: 0, summary: `no offers: ${unconfigured}` };
    }
    const c = ctx.config.conversion;
    const now = ctx.clock.now();
    const room = c.dailyCap - await ctx.store.conversions.dmOffersSince(now - (now % DAY));
    if (room <= 0) return { read: 0, written: 0, summary: "daily cap of offers reached" };
    const candidates = await ctx.store.conversions.candidates({
      since: now - SCORE_WINDOW_MS,
      quietSince: now - c.perPersonDays * DAY,
      minScore: c.minScore,
      limit: room,
    });
    if (ctx.dryRun) {
      return {
        read: candidates.length,
        written: 0,
        summary: `${candidates.length} would get an offer (dry run)`,
        details: { candidates },
      };
    }
    let sent = 0;
    let undelivered = 0;
    for (const person of candidates) {
      if (ctx.signal.aborted) break;
      if (await offerTo(ctx, person)) sent++;
      else undelivered++;
    }
    return {
      read: candidates.length,
      written: sent,
      summary: `${sent} offers sent${undelivered ? `, ${undelivered} not delivered` : ""}`,
      details: { sent, undelivered },
    };
  },
};

/**
 * The attempt is recorded before the message goes out, and stays recorded
 * when it cannot be delivered: a person is never offered twice within the cap.
 */
async function offerTo(
  ctx: Context,
  person: {
    platform: "telegram" | "discord";
    userId: string;
    communityUserId: number;
    score: number;
  },
): Promise<boolean> {
  const access = await ctx.integrations.access(person.platform);
  if ("missing" in access) return false;
  const url = await createOffer(ctx, person, "dm", {
    communityUserId: person.communityUserId,
    score: person.score,
  });
  try {
    await access.message(person.userId, offer(ctx.config, url, person.platform));
    return true;
  } catch (error) {
    ctx.log.warn(`offer to ${person.platform}:${person.userId} not delivered`, {
      error: (error as Error).message,
    });
    return false;
  }
}

async function missingSetup(ctx: Context): Promise<string | null> {
  const m = ctx.config.membership;
  if (!m.successUrl || !m.cancelUrl) return "set membership.successUrl and membership.cancelUrl";
  const payments = await ctx.integrations.payments();
  return "missing" in payments ? payments.missing : null;
}
