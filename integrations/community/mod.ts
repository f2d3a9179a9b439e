/**
 * The community port: what CommunityModerator needs from a chat platform.
 * Live events in (messages, edits, joins), moderation actions out. Discord
 * (discord.js gateway) and Telegram (grammY) implement it.
 */
import type { ChatMember, ChatMessage, Platform } from "../../core/vocabulary.ts";

export type CommunityEvent =
  | {
    kind: "message";
    /** The server or group; with the message id it names the message once. */
    chatId: string;
    message: ChatMessage & { id: string; at: number };
    edited: boolean;
  }
  | { kind: "join"; chatId: string; member: ChatMember & { id: string }; at: number };

export interface RaidMeasure {
  action: "slowmode" | "lock";
  slowmodeSeconds: number;
}

export interface Community {
  readonly platform: Platform;
  /**
   * Receives events until `signal` aborts, reconnecting after drops on its
   * own; `onEvent` is awaited, one event at a time, in the order they came.
   * Telegram has none: its events come from the bot's one update stream.
   */
  run?(onEvent: (event: CommunityEvent) => Promise<void>, signal: AbortSignal): Promise<void>;
  deleteMessage(chatId: string, channel: string, messageId: string): Promise<void>;
  /** Mutes a member until `until` (epoch ms). */
  timeout(chatId: string, userId: string, until: number): Promise<void>;
  removeTimeout(chatId: string, userId: string): Promise<void>;
  kick(chatId: string, userId: string): Promise<void>;
  ban(chatId: string, userId: string): Promise<void>;
  unban(chatId: string, userId: string): Promise<void>;
  /** Slows or locks the chat; returns what it replaced, which `endRaidMode` restores. */
  startRaidMode(chatId: string, measure: RaidMeasure): Promise<Record<string, unknown>>;
  endRaidMode(chatId: string, replaced: Record<string, unknown>): Promise<void>;
  /** One line to the mod-log channel; a no-op when none is configured. */
  modLog(text: string): Promise<void>;
  close(): Promise<void>;
}
