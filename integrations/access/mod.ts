/**
 * The access port: letting a paying member into the private place on one
 * platform and taking them out again, plus a direct message to tell them.
 * Adapters: telegram/grammy_access.ts (a private channel), discord/discordjs_access.ts
 * (a role on a server).
 */
import type { MemberPlatform } from "../../core/vocabulary.ts";

export interface MemberAccess {
  readonly platform: MemberPlatform;
  /**
   * Lets the person in. Telegram answers with a single-use invite link the
   * person still has to open; Discord grants the role at once (no link).
   */
  grant(userId: string): Promise<{ inviteLink?: string }>;
  /** Telegram: an invite link sent before stops working (a new one replaces it). */
  retireLink?(inviteLink: string): Promise<void>;
  /** Takes the person out, without a lasting ban: they may pay and come back. */
  revoke(userId: string): Promise<void>;
  /** A direct message; the platform refuses it when the person never talked to the bot. */
  message(userId: string, text: string): Promise<void>;
  /**
   * Whether the members' place is really closed to the public, asked of the
   * platform: a Telegram chat without a public username; a Discord channel
   * that @everyone cannot view. Premium posts go nowhere else.
   */
  placeIsPrivate(): Promise<boolean>;
  /** Telegram: lets a pending join request in (false where the platform has none). */
  approveJoin(userId: string): Promise<boolean>;
  /** Telegram: turns a pending join request away. */
  declineJoin(userId: string): Promise<boolean>;
}
