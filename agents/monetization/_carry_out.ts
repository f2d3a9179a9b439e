/**
 * Carries out decided access changes on the platforms, each under a claim.
 * A failed call leaves the change decided and retries it later with backoff:
 * nobody is locked out, and nobody kept in, by one failed request.
 */
import type { Context } from "../../core/agent.ts";
import type { Membership } from "../../storage/memberships.ts";
import { farewell, welcome } from "./_messages.ts";

/** A claim outlives the slowest grant: two platform calls with their retries. */
const LEASE_MS = 120_000;
const MAX_BACKOFF_MS = 3_600_000;

export interface CarriedOut {
  granted: number;
  revoked: number;
  failed: number;
}

export async function carryOut(ctx: Context): Promise<CarriedOut> {
  const out: CarriedOut = { granted: 0, revoked: 0, failed: 0 };
  const claimed = await ctx.store.memberships.claim(ctx.instance, ctx.clock.now(), LEASE_MS);
  for (const row of claimed) {
    if (ctx.signal.aborted) break;
    try {
      const link = await change(ctx, row);
      await ctx.store.memberships.finish(row, ctx.instance, link, ctx.clock.now());
      if (row.state === "pending") out.granted++;
      else out.revoked++;
    } catch (error) {
      out.failed++;
      const message = (error as Error).message;
      const wait = Math.min(30_000 * 2 ** (row.attempts - 1), MAX_BACKOFF_MS);
      ctx.log.warn(`access for ${row.platform}:${row.userId} not changed yet: ${message}`);
      await ctx.store.memberships.fail(row, ctx.instance, message, ctx.clock.now() + wait);
    }
  }
  return out;
}

/** Grants or revokes on the platform, then tells the person; returns the invite link. */
async function change(ctx: Context, row: Membership): Promise<string | null> {
  const access = await ctx.integrations.access(row.platform);
  if ("missing" in access) throw new Error(`cannot reach ${row.platform}: ${access.missing}`);
  let link: string | null = null;
  let text: string;
  if (row.state === "pending") {
    link = (await access.grant(row.userId)).inviteLink ?? null;
    text = welcome(ctx.config, link ?? undefined);
  } else {
    await access.revoke(row.userId);
    text = farewell(ctx.config, row.reason ?? "membership ended");
  }
  // The access change stands even when the message cannot be delivered (the
  // person blocked the bot): the invite link stays on record for /join.
  await access.message(row.userId, text).catch((error) =>
    ctx.log.warn(`could not message ${row.platform}:${row.userId}`, {
      error: (error as Error).message,
    })
  );
  return link;
}
