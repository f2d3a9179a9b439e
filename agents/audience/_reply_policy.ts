/**
 * Whether a classified message gets a reply. Safe by default: spam and scam never, nor bots,
 * people who opted out, or messages past the age limit; a question when it is put to us, the
 * other answered classes only about one of our posts. Caps and the X budget are checked when
 * the reply is reserved, since they depend on what every instance has sent. Pure.
 */
import type { Config } from "../../core/config_schema.ts";
import type { Classification } from "../../core/vocabulary.ts";
import type { Interaction } from "../../storage/interactions.ts";

export interface ReplyDecision {
  reply: boolean;
  reason: string;
}

export function decideReply(
  m: Interaction,
  classification: Classification,
  policy: Config["engagement"],
  now: number,
): ReplyDecision {
  const no = (reason: string) => ({ reply: false, reason });
  if (classification === "spam" || classification === "scam") {
    return no(`${classification}: recorded for the moderator, never answered`);
  }
  if (m.isBot) return no("the author is a bot");
  if (m.optedOut) return no("the author opted out");
  if (!policy.platforms.includes(m.platform)) return no(`replies on ${m.platform} are off`);
  const ageHours = (now - m.receivedAt) / 3_600_000;
  if (ageHours > policy.maxAgeHours) {
    return no(`older than ${policy.maxAgeHours}h (engagement.maxAgeHours)`);
  }
  if (!(policy.answer as string[]).includes(classification)) {
    return no(`${classification} is not in engagement.answer`);
  }
  const toUs = m.kind === "mention" || m.kind === "direct_message" || m.postId !== null;
  if (classification === "question") {
    return toUs ? { reply: true, reason: "a question put to us" } : no("a question not put to us");
  }
  return m.postId !== null
    ? { reply: true, reason: `${classification} about our post` }
    : no(`${classification} not about one of our posts`);
}
