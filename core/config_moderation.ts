import { z } from "zod";

const mode = z.enum(["off", "log", "delete", "timeout", "kick", "ban"]);
const seconds = (d: number) => z.number().int().min(1).max(86_400).default(d);

/**
 * CommunityModerator's settings (`moderation:` in creator.yaml). Modes run
 * from mild to hard: off, log, delete, timeout, kick, ban; every action is
 * also posted to the mod-log channel and stored in moderation_actions.
 */
export const ModerationSchema = z.strictObject({
  discord: z.strictObject({
    /** The guild to moderate; the bot token is DISCORD_BOT_TOKEN. */
    guildId: z.string().default(""),
    modLogChannelId: z.string().default(""),
  }).prefault({}),
  telegram: z.strictObject({
    /** The discussion group's chat id, e.g. -1001234567890; the token is TELEGRAM_BOT_TOKEN. */
    groupId: z.string().default(""),
    modLogChatId: z.string().default(""),
  }).prefault({}),
  /** Members holding any of these roles (Telegram: group admins) are never actioned. */
  staffRoles: z.array(z.string()).default(["Admin", "Moderator"]),
  /** User ids never actioned. */
  allowUsers: z.array(z.string()).default([]),
  /** Staff display names and avatar hashes that others may not imitate. */
  staffNames: z.array(z.string()).default([]),
  staffAvatars: z.array(z.string()).default([]),
  /** The project's own domains: allowed, and protected from lookalikes. */
  ownDomains: z.array(z.string()).default([]),
  /** Domains never flagged, and protected from lookalikes. */
  allowDomains: z.array(z.string()).default([]),
  /** Our own invite links (discord.gg/x, t.me/x), allowed where other invites are not. */
  ownInvites: z.array(z.string()).default([]),
  /** Pinned official wallet addresses; lookalikes of these are address poisoning. */
  officialAddresses: z.array(z.string()).default([]),
  /** Phishing lists `creator moderation update-lists` fetches (eth-phishing-detect format or one domain a line). */
  listUrls: z.array(z.url({ protocol: /^https?$/ })).default([
    "https://raw.githubusercontent.com/MetaMask/eth-phishing-detect/main/src/config.json",
  ]),
  rules: z.strictObject({
    phishingDomain: mode.default("ban"),
    lookalikeDomain: mode.default("delete"),
    walletAddress: mode.default("delete"),
    addressPoisoning: mode.default("ban"),
    impersonation: mode.default("kick"),
    scamPhrase: mode.default("delete"),
    inviteLink: mode.default("delete"),
    massMention: mode.default("timeout"),
    crossChannel: mode.default("timeout"),
    flood: mode.default("timeout"),
    newAccountLink: mode.default("delete"),
  }).prefault({}),
  mentionLimit: z.number().int().min(2).max(100).default(5),
  floodMessages: z.number().int().min(2).max(100).default(6),
  floodSeconds: seconds(10),
  duplicateChannels: z.number().int().min(2).max(20).default(3),
  duplicateSeconds: seconds(60),
  /** Links from accounts younger than this many days are removed. */
  newAccountDays: z.number().min(0).max(365).default(7),
  timeoutMinutes: z.number().int().min(1).max(40_320).default(60),
  /** One instance moderates; others take over this long after it stops renewing. */
  leaseSeconds: z.number().min(0.3).max(600).default(30),
  raid: z.strictObject({
    joins: z.number().int().min(2).max(10_000).default(10),
    seconds: seconds(30),
    /** Raid mode ends after this long without a join. */
    calmSeconds: seconds(300),
    action: z.enum(["slowmode", "lock"]).default("slowmode"),
    slowmodeSeconds: z.number().int().min(1).max(21_600).default(30),
  }).prefault({}),
});

export type ModerationSettings = z.infer<typeof ModerationSchema>;

/** The defaults, for tests and `moderation check` without a config file. */
export const DEFAULT_MODERATION: ModerationSettings = ModerationSchema.parse({});
