/**
 * Rules over a member's recent messages: flood, the same text in several
 * channels, and links from new accounts. State is kept per author and pruned
 * as time moves on, so memory follows the active members, not the history.
 */
import type { ModerationSettings } from "../../../core/config_moderation.ts";
import type { ChatMessage, Finding } from "./types.ts";

interface Recent {
  times: number[];
  /** Normalised text -> channels it went to, with the first time seen. */
  texts: Map<string, { first: number; channels: Set<string> }>;
  last: number;
}

const DAY = 86_400_000;
/** Texts shorter than this ("gm", "lol") repeat innocently across channels. */
const MIN_DUPLICATE = 12;

export interface BehaviourRules {
  flood(message: ChatMessage, at: number): Finding | null;
  /** `lower`: the message in lower case. */
  crossChannel(message: ChatMessage, lower: string, at: number): Finding | null;
  newAccountLink(message: ChatMessage, at: number, hasLink: boolean): Finding | null;
  /** Drops members quiet for longer than the longest window. */
  prune(now: number): void;
}

export function compileBehaviour(s: ModerationSettings): BehaviourRules {
  const recent = new Map<string, Recent>();
  const floodMs = s.floodSeconds * 1000;
  const dupMs = s.duplicateSeconds * 1000;
  const keep = Math.max(floodMs, dupMs);
  const of = (id: string, at: number): Recent => {
    let r = recent.get(id);
    if (!r) recent.set(id, r = { times: [], texts: new Map(), last: at });
    r.last = at;
    return r;
  };
  return {
    flood(message, at) {
      const id = message.author?.id;
      if (!id) return null;
      const r = of(id, at);
      r.times.push(at);
      while (r.times.length && r.times[0] <= at - floodMs) r.times.shift();
      if (r.times.length < s.floodMessages) return null;
      return {
        rule: "flood",
        reason: `${r.times.length} messages within ${s.floodSeconds} s`,
        evidence: `${r.times.length} messages`,
      };
    },
    crossChannel(message, lower, at) {
      const id = message.author?.id;
      if (!id || !message.channel) return null;
      const text = lower.trim();
      if (text.length < MIN_DUPLICATE) return null;
      const r = of(id, at);
      for (const [key, seen] of r.texts) if (seen.first <= at - dupMs) r.texts.delete(key);
      let seen = r.texts.get(text);
      if (!seen) r.texts.set(text, seen = { first: at, channels: new Set() });
      seen.channels.add(message.channel);
      if (seen.channels.size < s.duplicateChannels) return null;
      return {
        rule: "cross-channel",
        reason: `the same message in ${seen.channels.size} channels within ${s.duplicateSeconds} s`,
        evidence: [...seen.channels].join(", "),
      };
    },
    newAccountLink(message, at, hasLink) {
      const created = message.author?.createdAt;
      if (!hasLink || created === undefined) return null;
      const days = (at - created) / DAY;
      if (days >= s.newAccountDays) return null;
      return {
        rule: "new-account-link",
        reason: `posts a link from an account ${Math.max(0, days).toFixed(1)} days old ` +
          `(links need ${s.newAccountDays})`,
        evidence: new Date(created).toISOString(),
      };
    },
    prune(now) {
      for (const [id, r] of recent) if (r.last < now - keep) recent.delete(id);
    },
  };
}
