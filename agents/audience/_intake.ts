/** Takes in what the audience sent since the last run, each source from its stored cursor. */
import type { Context } from "../../core/agent.ts";
import type { Inbox, PlatformAudience, TelegramUpdate } from "../../integrations/audience/mod.ts";
import type { IncomingMessage } from "../../core/vocabulary.ts";
import { utcDay } from "../../storage/x_spend.ts";
import { cleanMessage } from "./_clean_message.ts";
import { takeTelegramUpdates, type UpdateHandler } from "./_telegram_intake.ts";
import { membershipHandler } from "../monetization/telegram_updates.ts";

export interface IntakeCounts {
  read: number;
  stored: number;
  skipped: number;
}

export async function intakeAll(ctx: Context, audiences: PlatformAudience[]) {
  const counts: IntakeCounts = { read: 0, stored: 0, skipped: 0 };
  for (const audience of audiences) {
    if (ctx.signal.aborted) break;
    if (audience.platform === "x" && await xBudgetSpent(ctx)) {
      ctx.log.warn("X budget for today is spent: mentions not read (engagement.x.dailyBudgetUsd)");
      continue;
    }
    for (const inbox of audience.inboxes) await readInbox(ctx, inbox, counts);
    if (audience.updates) {
      const handlers: UpdateHandler[] = [engagementHandler(ctx, counts)];
      if (ctx.config.membership.telegramChatId) handlers.push(membershipHandler(ctx));
      counts.read += await takeTelegramUpdates(ctx, audience.updates, handlers);
    }
  }
  return counts;
}

async function readInbox(ctx: Context, inbox: Inbox, counts: IntakeCounts): Promise<void> {
  const { store, clock, log, config } = ctx;
  const cursor = await store.intake.cursor(inbox.platform, inbox.source);
  const now = clock.now();
  // Each message is stored once whatever the cursor, so pages may be kept as they arrive;
  // the cursor moves only after the last one.
  const keep = async (messages: IncomingMessage[]) => {
    counts.read += messages.length;
    counts.stored += await store.interactions.record(messages.map(cleanMessage), now);
  };
  const page = await inbox.read(cursor, { signal: ctx.signal, keep });
  for (const why of page.skipped) log.warn(`skipped a ${inbox.platform} message: ${why}`);
  counts.skipped += page.skipped.length;
  await keep(page.messages);
  if (inbox.platform === "x") {
    // X bills each post read, so the reads count against the same daily budget as replies.
    await store.xSpend.record({
      day: utcDay(now),
      kind: "read",
      calls: page.calls,
      costMicros: Math.round(page.itemsRead * config.engagement.x.readUsd * 1e6),
      at: now,
    });
  }
  if (page.cursor) await store.intake.advance(inbox.platform, inbox.source, page.cursor, now);
}

/** Engagement's part of the Telegram stream: messages to us, and reaction counts for analytics. */
function engagementHandler(ctx: Context, counts: IntakeCounts) {
  return async (update: TelegramUpdate) => {
    const now = ctx.clock.now();
    if (update.problem) counts.skipped++;
    if (update.message) {
      counts.stored += await ctx.store.interactions.record([cleanMessage(update.message)], now);
    }
    if (update.reactionCount) await ctx.store.intake.saveReactions([update.reactionCount], now);
  };
}

export async function xBudgetSpent(ctx: Context): Promise<boolean> {
  const budget = ctx.config.engagement.x.dailyBudgetUsd * 1e6;
  return await ctx.store.xSpend.spent(utcDay(ctx.clock.now())) >= budget;
}
