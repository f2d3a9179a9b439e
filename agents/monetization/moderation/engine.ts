/**
 * The rule engine: settings and lists compiled once, then one `check()` per
 * message. Staff and allowlisted users are cleared first; rules set to "off"
 * are never evaluated; of several findings the hardest mode wins (the
 * earlier rule on a tie).
 */
import type { ModerationSettings } from "../../../core/config_moderation.ts";
import { compileBehaviour } from "./behaviour.ts";
import { compileChat } from "./chat.ts";
import { compileDomains } from "./domains.ts";
import { compileImpersonation, type ImpersonationRules } from "./impersonation.ts";
import { findLinks } from "./links.ts";
import { findScamPhrase } from "./phrases.ts";
import {
  ALLOW,
  type ChatAuthor,
  type ChatMessage,
  type DomainLists,
  type Finding,
  type Mode,
  MODES,
  type RuleName,
  type Verdict,
} from "./types.ts";
import { compileWallets } from "./wallets.ts";

export interface Engine {
  check(message: ChatMessage, now: number): Verdict;
  /** Every rule that fired, before the hardest is chosen (for tuning and the mod-log). */
  findings(message: ChatMessage, now: number): Finding[];
  isStaff(author: ChatAuthor | undefined): boolean;
  /** A joining member's name and avatar against staff's. */
  checkMember(author: ChatAuthor): Verdict;
  impersonation: ImpersonationRules;
  modeOf(rule: RuleName): Mode;
  /** Swaps in refreshed lists; the members' recent history is kept. */
  setLists(lists: DomainLists): void;
}

const RULE_KEYS: Record<RuleName, keyof ModerationSettings["rules"]> = {
  "phishing-domain": "phishingDomain",
  "lookalike-domain": "lookalikeDomain",
  "wallet-address": "walletAddress",
  "address-poisoning": "addressPoisoning",
  "impersonation": "impersonation",
  "scam-phrase": "scamPhrase",
  "invite-link": "inviteLink",
  "mass-mention": "massMention",
  "cross-channel": "crossChannel",
  "flood": "flood",
  "new-account-link": "newAccountLink",
};

export function compileEngine(s: ModerationSettings, lists: DomainLists): Engine {
  const mode = (rule: RuleName): Mode => s.rules[RULE_KEYS[rule]];
  const on = (rule: RuleName) => mode(rule) !== "off";
  let domains = compileDomains(lists);
  const wallets = compileWallets(s.officialAddresses);
  const chat = compileChat(s.ownInvites, s.mentionLimit);
  const people = compileImpersonation(s.staffNames, s.staffAvatars);
  const behaviour = compileBehaviour(s);
  const staffRoles = new Set(s.staffRoles.map((r) => r.toLowerCase()));
  const allowUsers = new Set(s.allowUsers);
  let checked = 0;

  const isStaff = (a: ChatAuthor | undefined) =>
    !!a && ((a.id !== undefined && allowUsers.has(a.id)) ||
      (a.roles?.some((r) => staffRoles.has(r.toLowerCase())) ?? false));

  const findings = (m: ChatMessage, now: number): Finding[] => {
    if (isStaff(m.author)) return [];
    const at = m.at ?? now;
    const out: Finding[] = [];
    const add = (f: Finding | null) => f && out.push(f);
    const links = findLinks(m.text);
    if (links.length) {
      if (on("phishing-domain")) add(domains.phishing(links));
      if (on("lookalike-domain")) add(domains.lookalike(links));
    }
    if (on("wallet-address") || on("address-poisoning")) {
      const w = wallets.find(m.text);
      if (w && on(w.rule)) add(w);
    }
    if (on("impersonation")) add(people.check(m.author));
    const lower = m.text.toLowerCase();
    if (on("scam-phrase")) add(findScamPhrase(lower));
    if (on("invite-link")) add(chat.invite(lower));
    if (on("mass-mention")) add(chat.massMention(m.text));
    // The windows need a real time: without one ("check" on an export) they stay quiet.
    if (m.at !== undefined) {
      if (on("cross-channel")) add(behaviour.crossChannel(m, lower, at));
      if (on("flood")) add(behaviour.flood(m, at));
      if (++checked % 10_000 === 0) behaviour.prune(at);
    }
    if (on("new-account-link")) {
      const external = links.some((l) => !domains.isAllowed(l));
      add(behaviour.newAccountLink(m, at, external));
    }
    return out;
  };

  return {
    findings,
    check(m, now) {
      return pick(findings(m, now), mode);
    },
    isStaff,
    checkMember(author) {
      if (isStaff(author) || !on("impersonation")) return ALLOW;
      return pick([people.check(author)].filter((f) => f !== null), mode);
    },
    impersonation: people,
    modeOf: mode,
    setLists(next) {
      domains = compileDomains(next);
    },
  };
}

function pick(found: Finding[], mode: (rule: RuleName) => Mode): Verdict {
  let best: Finding | undefined;
  let rank = 0;
  for (const f of found) {
    const r = MODES.indexOf(mode(f.rule));
    if (r > rank) [best, rank] = [f, r];
  }
  if (!best) return ALLOW;
  return {
    action: MODES[rank] as Exclude<Mode, "off">,
    rule: best.rule,
    reason: best.reason,
    evidence: best.evidence,
  };
}
