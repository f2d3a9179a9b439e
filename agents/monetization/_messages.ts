/** What members are told, in one place. Plain text: both platforms show it as written. */
import type { Config } from "../../core/config.ts";
import type { MemberPlatform } from "../../core/vocabulary.ts";

export function welcome(config: Config, inviteLink?: string): string {
  const product = config.membership.price.product;
  return inviteLink
    ? `Welcome to ${product}! Your personal invite link (one person, valid ` +
      `${config.membership.inviteHours}h): ${inviteLink}`
    : `Welcome to ${product}! Your member role is active: the members' channels are open to you.`;
}

/** An active member's /join: a new link, since the one sent before may be spent. */
export function freshLink(config: Config, inviteLink?: string): string {
  return inviteLink
    ? `You are a member already. Your new personal invite link (one person, valid ` +
      `${config.membership.inviteHours}h): ${inviteLink}`
    : "You are a member already: the members' place is open to you.";
}

export const WAIT_FOR_LINK = "Your payment went through: your invite link is on its way.";

export function farewell(config: Config, reason: string): string {
  return `Your ${config.membership.price.product} access has ended (${reason}). ` +
    `Send /join whenever you want to come back.`;
}

/**
 * The offer. How to opt out depends on what the bot can read: Telegram hands
 * it every reply in a private chat; on Discord it reads no DMs, so the /stop
 * command (usable in a DM with the bot) is the way.
 */
export function offer(config: Config, url: string, platform: MemberPlatform): string {
  const stop = platform === "discord"
    ? "Send /stop and we will not ask again."
    : 'Reply "stop" and we will not ask again.';
  return `${config.membership.price.product}: deeper analysis, more timeframes and charts, ` +
    `in a private channel. Join here: ${url}\n${stop}`;
}

export const STOPPED = "Understood: no more offers from us.";
