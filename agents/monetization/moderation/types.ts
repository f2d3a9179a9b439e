/** The moderation vocabulary: what a rule sees, what it answers, and how hard it may act. */

/** From mildest to hardest; a message that trips several rules gets the hardest mode among them. */
export const MODES = ["off", "log", "delete", "timeout", "kick", "ban"] as const;
export type Mode = typeof MODES[number];

export const RULES = [
  "phishing-domain",
  "lookalike-domain",
  "wallet-address",
  "address-poisoning",
  "impersonation",
  "scam-phrase",
  "invite-link",
  "mass-mention",
  "cross-channel",
  "flood",
  "new-account-link",
] as const;
export type RuleName = typeof RULES[number];

/** A message as every rule sees it; the time-window rules skip messages without `at`. */
export type { ChatMessage } from "../../../core/vocabulary.ts";
/** The author of a message. */
export type { ChatMember as ChatAuthor } from "../../../core/vocabulary.ts";

/** What one rule found: the rule, a sentence for people, and the exact text that matched. */
export interface Finding {
  rule: RuleName;
  reason: string;
  evidence: string;
}

/** The engine's answer for one message: the finding acted on, with the mode it carries. */
export type Verdict =
  | { action: "allow" }
  | { action: Exclude<Mode, "off">; rule: RuleName; reason: string; evidence: string };

export const ALLOW: Verdict = Object.freeze({ action: "allow" }) as Verdict;

/** The phishing lists in force: blocked registrable domains, and ones never to flag. */
export interface DomainLists {
  blocked: Iterable<string>;
  allowed: Iterable<string>;
  /** Domains worth protecting from lookalikes (wallets, exchanges, our own). */
  protect: Iterable<string>;
}
