/**
 * What the bot does with a Telegram update that concerns memberships. The
 * bot's update stream (agents/audience/telegram_stream.ts) hands each update
 * here once; this never polls. Handles /join and "stop" in a private chat, join requests
 * to the private channel, and people who joined it with someone else's link.
 */
import type { Context } from "../../core/agent.ts";
import type { Member } from "../../core/vocabulary.ts";
import { createOffer } from "./_offer.ts";
import { freshLink, offer, STOPPED, WAIT_FOR_LINK } from "./_messages.ts";

/** The parts of a Bot API Update read here (https://core.telegram.org/bots/api#update). */
export interface TelegramUpdate {
  update_id: number;
  message?: {
    chat: { id: number; type: string };
    from?: { id: number; is_bot?: boolean };
    text?: string;
  };
  chat_join_request?: { chat: { id: number }; from: { id: number } };
  chat_member?: {
    chat: { id: number };
    new_chat_member: { status: string; user: { id: number } };
    invite_link?: { invite_link: string };
  };
}

export type UpdateOutcome =
  | "offered"
  | "relinked"
  | "opted-out"
  | "approved"
  | "declined"
  | "removed"
  | "ignored";

/**
 * The intake's handler: hands each stored update's raw form here. A failure is
 * logged and never stops the intake, which must move on past every update.
 */
export function membershipHandler(
  ctx: Context,
): (update: { updateId: number; payload: Record<string, unknown> }) => Promise<void> {
  return async (update) => {
    try {
      const outcome = await handleMembershipUpdate(
        ctx,
        update.payload as unknown as TelegramUpdate,
      );
      if (outcome !== "ignored") ctx.log.info(`telegram update ${update.updateId}: ${outcome}`);
    } catch (error) {
      ctx.log.warn(`telegram update ${update.updateId} not acted on for memberships`, {
        error: (error as Error).message,
      });
    }
  };
}

/** Acts on one update; "ignored" for anything that is not about memberships. */
export async function handleMembershipUpdate(
  ctx: Context,
  update: TelegramUpdate,
): Promise<UpdateOutcome> {
  const privateChat = ctx.config.membership.telegramChatId;
  const message = update.message;
  if (message?.chat.type === "private" && message.from && !message.from.is_bot) {
    const member: Member = { platform: "telegram", userId: String(message.from.id) };
    const text = (message.text ?? "").trim().toLowerCase();
    if (text === "/join" || text.startsWith("/join@")) return await join(ctx, member);
    if (text === "stop" || text === "/stop") return await stop(ctx, member);
    return "ignored";
  }
  const request = update.chat_join_request;
  if (request && String(request.chat.id) === privateChat) {
    const member: Member = { platform: "telegram", userId: String(request.from.id) };
    const access = await telegramAccess(ctx);
    const allowed = await hasAccess(ctx, member);
    await (allowed ? access.approveJoin(member.userId) : access.declineJoin(member.userId));
    return allowed ? "approved" : "declined";
  }
  const joined = update.chat_member;
  if (
    joined && String(joined.chat.id) === privateChat && joined.new_chat_member.status === "member"
  ) {
    return await checkNewcomer(ctx, String(joined.new_chat_member.user.id), joined.invite_link);
  }
  return "ignored";
}

async function join(ctx: Context, member: Member): Promise<UpdateOutcome> {
  const access = await telegramAccess(ctx);
  const current = await ctx.store.memberships.get(member);
  if (current?.state === "active") {
    // The link sent before has expired or admitted its one person (perhaps the
    // member, who left since): a member asking again always gets a new one, and
    // the old one stops working, so asking is no way to hand out links.
    if (current.inviteLink && access.retireLink) {
      await access.retireLink(current.inviteLink).catch((error) =>
        ctx.log.warn("an earlier invite link could not be revoked", {
          error: (error as Error).message,
        })
      );
    }
    const { inviteLink } = await access.grant(member.userId);
    if (inviteLink) await ctx.store.memberships.newInvite(member, inviteLink, ctx.clock.now());
    await access.message(member.userId, freshLink(ctx.config, inviteLink));
    return "relinked";
  }
  if (current?.state === "pending") {
    // Paid, and Onboarding is about to send the link: no second offer.
    await access.message(member.userId, WAIT_FOR_LINK);
    return "ignored";
  }
  const url = await createOffer(ctx, member, "command");
  await access.message(member.userId, offer(ctx.config, url, "telegram"));
  return "offered";
}

async function stop(ctx: Context, member: Member): Promise<UpdateOutcome> {
  await ctx.store.conversions.optOut(member, ctx.clock.now());
  await (await telegramAccess(ctx)).message(member.userId, STOPPED);
  return "opted-out";
}

/**
 * Only members may stay: someone who came in through another person's link
 * is taken out (a paying member stays whichever link they used).
 */
async function checkNewcomer(
  ctx: Context,
  userId: string,
  link: { invite_link: string } | undefined,
): Promise<UpdateOutcome> {
  if (await hasAccess(ctx, { platform: "telegram", userId })) return "ignored";
  ctx.log.warn(`telegram:${userId} joined the private channel without a membership: removed`, {
    link: link ? "an invite link made for someone else" : "no invite link",
  });
  await (await telegramAccess(ctx)).revoke(userId);
  return "removed";
}

async function hasAccess(ctx: Context, member: Member): Promise<boolean> {
  const row = await ctx.store.memberships.get(member);
  return row?.state === "active" || row?.state === "pending";
}

async function telegramAccess(ctx: Context) {
  const access = await ctx.integrations.access("telegram");
  if ("missing" in access) throw new Error(`Cannot act on Telegram memberships: ${access.missing}`);
  return access;
}
