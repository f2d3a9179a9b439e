/**
 * Answers each pending message at most once, across crashes and instances: the message is
 * reserved (under the caps) before the call and the reply's id recorded after. A refusal the
 * platform did not act on frees it; an ambiguous failure or a crash leaves it 'unknown' for a
 * person, never re-sent.
 */
import type { Context } from "../../core/agent.ts";
import { CircuitOpenError, IntegrationError } from "../../core/errors.ts";
import type { Platform } from "../../core/vocabulary.ts";
import type { PlatformAudience } from "../../integrations/audience/mod.ts";
import type { Interaction } from "../../storage/interactions.ts";
import type { ReplyCaps } from "../../storage/replies.ts";
import { utcDay } from "../../storage/x_spend.ts";
import { writeReply } from "./_reply_text.ts";

export interface ReplyPreview {
  platform: Platform;
  kind: string;
  from: string;
  message: string;
  classification: string | null;
  reply: string;
}

export function newReplyCounts() {
  return { sent: 0, refused: 0, uncertain: 0, deferred: 0, capped: 0, budget: 0, rejected: 0 };
}
export type ReplyCounts = ReturnType<typeof newReplyCounts>;

export async function sendReplies(
  ctx: Context,
  audiences: Map<Platform, PlatformAudience>,
): Promise<{ counts: ReplyCounts; previews: ReplyPreview[] }> {
  const { store, clock, config } = ctx;
  const counts = newReplyCounts();
  const previews: ReplyPreview[] = [];
  if (!ctx.dryRun) {
    await store.replies.expireSending(clock.now() - config.daemon.sendLeaseSeconds * 1000);
  }
  for (const m of await store.replies.pendingReplies()) {
    if (ctx.signal.aborted) break;
    const audience = audiences.get(m.platform);
    if (!audience) continue;
    if (clock.now() - m.receivedAt > config.engagement.maxAgeHours * 3_600_000) {
      if (!ctx.dryRun) await store.replies.release(m.id, "grew too old waiting", "none");
      continue;
    }
    const written = await writeReply(ctx, m);
    if (!written.ok) {
      counts.rejected++;
      if (!ctx.dryRun) await store.replies.release(m.id, written.reason, "none");
      continue;
    }
    if (ctx.dryRun) {
      previews.push(preview(m, written.text));
      continue;
    }
    counts[await replyOnce(ctx, audience, m, written.text)]++;
  }
  return { counts, previews };
}

async function replyOnce(
  ctx: Context,
  audience: PlatformAudience,
  m: Interaction,
  text: string,
): Promise<keyof ReplyCounts> {
  const { store, clock, log } = ctx;
  const reserved = await store.replies.reserveReply(
    m.id,
    ctx.instance,
    clock.now(),
    caps(ctx),
  );
  if (reserved === "taken") return "deferred";
  if (reserved !== "reserved") {
    log.info(`reply to ${m.platform} ${m.externalId} waits: ${reserved} reached`);
    return "capped";
  }
  if (m.platform === "x" && !await chargeX(ctx, text)) {
    await store.replies.release(m.id, "X budget for today is spent");
    log.warn("X budget for today is spent: replies on X wait (engagement.x.dailyBudgetUsd)");
    return "budget";
  }
  try {
    const target = { externalId: m.externalId, conversationId: m.conversationId };
    const sent = await audience.replier.reply(target, text);
    await store.replies.markReplied(m.id, text, sent.externalId, clock.now());
    log.info(`replied to ${m.platform} ${m.externalId}`, { id: sent.externalId });
    return "sent";
  } catch (error) {
    const message = (error as Error).message;
    if (
      error instanceof CircuitOpenError ||
      (error instanceof IntegrationError && error.status === 429)
    ) {
      await store.replies.release(m.id, message);
      return "deferred";
    }
    if (error instanceof IntegrationError && error.status >= 400 && error.status < 500) {
      await store.replies.finish(m.id, "failed", message, text);
      log.warn(`${m.platform} refused the reply to ${m.externalId}`, { error: message });
      return "refused";
    }
    await store.replies.finish(m.id, "unknown", message, text);
    log.error(`reply to ${m.platform} ${m.externalId} may or may not have gone out; check it`, {
      error: message,
    });
    return "uncertain";
  }
}

function caps(ctx: Context): ReplyCaps {
  const now = ctx.clock.now();
  const { perUserPerDay, perHour } = ctx.config.engagement;
  return {
    perUser: perUserPerDay,
    userSince: Date.parse(`${utcDay(now)}T00:00:00Z`),
    overall: perHour,
    overallSince: now - 3_600_000,
  };
}

/** Books the reply's price before sending; a link makes an X post cost far more. */
function chargeX(ctx: Context, text: string): Promise<boolean> {
  const x = ctx.config.engagement.x;
  const link = /https?:\/\//i.test(text);
  const now = ctx.clock.now();
  return ctx.store.xSpend.charge({
    day: utcDay(now),
    kind: link ? "reply_with_link" : "reply",
    calls: 1,
    costMicros: Math.round((link ? x.replyWithLinkUsd : x.replyUsd) * 1e6),
    at: now,
  }, x.dailyBudgetUsd * 1e6);
}

function preview(m: Interaction, reply: string): ReplyPreview {
  return {
    platform: m.platform,
    kind: m.kind,
    from: m.handle ? `@${m.handle}` : m.authorId,
    message: m.text,
    classification: m.classification,
    reply,
  };
}
