/**
 * One moderating instance: waits for the lease, then runs every configured
 * community until stopped or until the lease is lost (another instance took
 * over after this one stalled). While it holds the lease it renews it, ends
 * calm raids, and picks up lists refreshed by `moderation update-lists`.
 */
import type { Context } from "../../../core/agent.ts";
import { abortableSleep } from "../../../core/retry.ts";
import type { Community } from "../../../integrations/community/mod.ts";
import type { TelegramCommunity } from "../../../integrations/telegram/community.ts";
import { compileEngine } from "./engine.ts";
import { bundledLists, mergeLists } from "./lists.ts";
import { createModerator } from "./moderator.ts";
import { feedTelegram } from "./telegram_feed.ts";

export const LEASE_NAME = "community-moderator";

export interface SessionOptions {
  /** How long a lease lasts without renewal; renewed every third of it. Default 30 s. */
  leaseMs?: number;
}

export interface SessionResult {
  acted: number;
  /** How many times this instance took the lease (more than once after losing it). */
  terms: number;
}

export async function moderate(
  ctx: Context,
  communities: Community[],
  o: SessionOptions = {},
): Promise<SessionResult> {
  const leaseMs = o.leaseMs ?? 30_000;
  const result: SessionResult = { acted: 0, terms: 0 };
  let waiting = false;
  while (!ctx.signal.aborted) {
    const now = ctx.clock.now();
    if (!await ctx.store.moderation.claimLease(LEASE_NAME, ctx.instance, now, leaseMs)) {
      if (!waiting) ctx.log.info("standing by: another instance is moderating");
      waiting = true;
      await abortableSleep(leaseMs / 3, ctx.signal).catch(() => {});
      continue;
    }
    waiting = false;
    result.terms++;
    ctx.log.info(`moderating ${communities.map((c) => c.platform).join(" and ")}`);
    result.acted += await term(ctx, communities, leaseMs);
  }
  await ctx.store.moderation.releaseLease(LEASE_NAME, ctx.instance);
  return result;
}

/** Moderates while the lease holds; returns the number of actions taken. */
async function term(ctx: Context, communities: Community[], leaseMs: number): Promise<number> {
  const settings = ctx.config.moderation;
  const bundled = await bundledLists();
  let refreshed = await ctx.store.moderation.domains();
  const engine = compileEngine(settings, mergeLists(settings, bundled, refreshed));
  const stop = new AbortController();
  const onStop = () => stop.abort();
  ctx.signal.addEventListener("abort", onStop, { once: true });
  const moderators = communities.map((community) =>
    createModerator({
      engine,
      store: ctx.store,
      community,
      settings,
      log: ctx.log,
      instance: ctx.instance,
      dryRun: ctx.dryRun,
    })
  );
  const runs = communities.map((c, i) =>
    (c.run
      ? c.run(moderators[i].handle, stop.signal)
      : feedTelegram(ctx, c as TelegramCommunity, moderators[i].handle, stop.signal, leaseMs))
      .catch((error) => {
        ctx.log.error(`${c.platform}: ${error instanceof Error ? error.message : error}`);
        stop.abort();
      })
  );
  try {
    while (!stop.signal.aborted) {
      await abortableSleep(leaseMs / 3, stop.signal).catch(() => {});
      if (stop.signal.aborted) break;
      const now = ctx.clock.now();
      if (!await ctx.store.moderation.claimLease(LEASE_NAME, ctx.instance, now, leaseMs)) {
        ctx.log.warn("lost the moderation lease to another instance: standing by");
        break;
      }
      for (const m of moderators) await m.tick(now);
      const latest = await ctx.store.moderation.domains();
      if (latest.updatedAt !== refreshed.updatedAt) {
        refreshed = latest;
        engine.setLists(mergeLists(settings, bundled, refreshed));
        ctx.log.info(
          `phishing lists refreshed: ${refreshed.blocked.length} domains from the database`,
        );
      }
    }
  } finally {
    stop.abort();
    ctx.signal.removeEventListener("abort", onStop);
    await Promise.all(runs);
  }
  return moderators.reduce((n, m) => n + m.acted, 0);
}
