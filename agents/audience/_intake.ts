/** Takes in what the audience sent since the last run, each source from its stored cursor. */
import type { Context } from "../../core/agent.ts";
import { IntegrationError } from "../../core/errors.ts";
import type { IncomingMessage } from "../../core/vocabulary.ts";
import type {
  Inbox,
  PlatformAudience,
  TelegramUpdate,
  TelegramUpdates,
} from "../../integrations/audience/mod.ts";
import { utcDay } from "../../storage/x_spend.ts";
import { cleanMessage } from "./_clean_message.ts";
import {
  claimReader,
  releaseReader,
  type UpdateConsumer,
  updateStream,
} from "./telegram_stream.ts";
import { membershipHandler } from "../monetization/telegram_updates.ts";

/**
 * Messages stored per write while pages of a long inbox are still arriving. As large as a run
 * reads (X: 100 pages), so a run stores once: with the pages read side by side, storing them as
 * they came overlapped nothing, and a member seen on many pages was written once a batch.
 */
const INTAKE_BATCH = 10_000;
/** Rounds of up to 100 updates per run; the rest waits for the next run. */
const MAX_ROUNDS = 20;
/** Long enough for a run's reads; a reader that died frees the bot after this. */
const READ_LEASE_MS = 60_000;

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
      counts.read += await takeTelegramUpdates(ctx, audience.updates, counts);
    }
  }
  return counts;
}

async function readInbox(ctx: Context, inbox: Inbox, counts: IntakeCounts): Promise<void> {
  const { store, clock, log, config } = ctx;
  const cursor = await store.intake.cursor(inbox.platform, inbox.source);
  const now = clock.now();
  // Each message is stored once whatever the cursor, so pages may be kept as they arrive,
  // in batches (a write per page would cost more than it overlaps); the cursor moves only
  // after the last one.
  let batch: IncomingMessage[] = [];
  const flush = async () => {
    const messages = batch;
    batch = [];
    counts.read += messages.length;
    counts.stored += await store.interactions.record(messages.map(cleanMessage), now);
  };
  const keep = async (messages: IncomingMessage[]) => {
    batch.push(...messages);
    if (batch.length >= INTAKE_BATCH) await flush();
  };
  const usage = { calls: 0, itemsRead: 0 };
  let page;
  try {
    page = await inbox.read(cursor, { signal: ctx.signal, keep, usage });
  } finally {
    if (inbox.platform === "x") {
      // X bills each post read, failed runs included, so the reads count against the same
      // daily budget as replies.
      await store.xSpend.record({
        day: utcDay(now),
        kind: "read",
        calls: usage.calls,
        costMicros: Math.round(usage.itemsRead * config.engagement.x.readUsd * 1e6),
        at: now,
      });
    }
  }
  for (const why of page.skipped) log.warn(`skipped a ${inbox.platform} message: ${why}`);
  counts.skipped += page.skipped.length;
  batch.push(...page.messages);
  await flush();
  if (page.cursor) await store.intake.advance(inbox.platform, inbox.source, page.cursor, now);
}

/**
 * What the bot's update stream is handed to besides moderation: engagement's intake, and
 * memberships (/join, join requests) when a private chat is configured.
 */
export function updateConsumers(ctx: Context, counts: IntakeCounts): UpdateConsumer[] {
  const consumers: UpdateConsumer[] = [];
  if (ctx.config.engagement.platforms.includes("telegram")) {
    consumers.push({ name: "engagement", handle: engagementHandler(ctx, counts) });
  }
  if (ctx.config.membership.telegramChatId) {
    consumers.push({ name: "memberships", handle: membershipHandler(ctx) });
  }
  return consumers;
}

/**
 * Reads the bot's updates unless the moderator is reading them: it holds the reader lease
 * while it runs and hands every update to the same consumers as they come.
 */
async function takeTelegramUpdates(
  ctx: Context,
  source: TelegramUpdates,
  counts: IntakeCounts,
): Promise<number> {
  const holder = `${ctx.instance}:engagement`;
  if (!await claimReader(ctx, holder, READ_LEASE_MS)) {
    ctx.log.info("telegram updates are read by the moderator, which hands them over as they come");
    return 0;
  }
  // A moderator that has not run yet must still get what is read now.
  const moderated = ctx.config.moderation.telegram.groupId ? ["moderation"] : [];
  const stream = updateStream(ctx, source, updateConsumers(ctx, counts), moderated);
  let taken = 0;
  try {
    const holds = () => claimReader(ctx, holder, READ_LEASE_MS);
    for (let round = 0; round < MAX_ROUNDS && !ctx.signal.aborted; round++) {
      // Renewed each round: a run may outlast one lease, and the moderator waits for it.
      if (round > 0 && !await holds()) break;
      const n = await stream.read({ timeoutSeconds: 0, signal: ctx.signal, holds });
      taken += n;
      if (n < 100) break;
    }
  } catch (error) {
    // 409: a webhook is set, or a consumer outside this database is polling the bot.
    if (!(error instanceof IntegrationError && error.status === 409)) throw error;
    ctx.log.info("telegram updates are being taken by another consumer; skipped", {
      error: error.message,
    });
  } finally {
    await releaseReader(ctx, holder);
  }
  return taken;
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
