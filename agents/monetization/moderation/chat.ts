/** Chat-shaped abuse: invites to other servers and groups, and mass mentions. */
import type { Finding } from "./types.ts";

const INVITE =
  /\b(?:discord(?:app)?\.(?:gg|com\/invite|io|me|li)\/[\w-]+|(?:t|telegram)\.(?:me|dog)\/(?:\+|joinchat\/)?[\w-]{4,}|chat\.whatsapp\.com\/\w+)/g;
const MENTION = /<@[!&]?\d+>|(?:^|\s)@(?:everyone\b|here\b|[A-Za-z]\w{3,31})/g;

export interface ChatRules {
  /** `lower`: the message in lower case. */
  invite(lower: string): Finding | null;
  massMention(text: string): Finding | null;
}

/** `ownInvites` are our own links (any form: https://discord.gg/abc, t.me/ourgroup). */
export function compileChat(ownInvites: readonly string[], mentionLimit: number): ChatRules {
  const own = new Set(ownInvites.map(inviteKey));
  return {
    invite(lower) {
      if (lower.indexOf("/") === -1) return null;
      for (const match of lower.matchAll(INVITE)) {
        if (own.has(inviteKey(match[0]))) continue;
        return {
          rule: "invite-link",
          reason: "invites members to another server or group",
          evidence: match[0],
        };
      }
      return null;
    },
    massMention(text) {
      if (text.indexOf("@") === -1) return null;
      let count = 0;
      for (const match of text.matchAll(MENTION)) {
        if (match[0].endsWith("everyone") || match[0].endsWith("here")) {
          return { rule: "mass-mention", reason: "pings everyone", evidence: match[0] };
        }
        count++;
      }
      if (count < mentionLimit) return null;
      return {
        rule: "mass-mention",
        reason: `mentions ${count} members at once (limit ${mentionLimit - 1})`,
        evidence: `${count} mentions`,
      };
    },
  };
}

function inviteKey(link: string): string {
  return link.toLowerCase().replace(/^https?:\/\//, "").replace(/^www\./, "")
    .replace(/^discordapp\./, "discord.").replace(/^telegram\.(me|dog)/, "t.me").replace(
      /\/+$/,
      "",
    );
}
