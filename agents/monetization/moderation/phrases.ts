/**
 * Scam phrases, one family a line, compiled into a single regex so a clean
 * message costs one scan. A warning ("never share your seed phrase") is not a
 * scam: a negation just before the match clears it.
 */
import type { Finding } from "./types.ts";

const FAMILIES: ReadonlyArray<readonly [string, string]> = [
  [
    "offers an airdrop or giveaway claim",
    String.raw`\b(?:free|claim(?:ing)?|eligible\s+for|receive)\b[^.\n]{0,30}\b(?:airdrops?|giveaways?)\b|\bairdrops?\b[^.\n]{0,25}\b(?:is\s+live|now\s+live|claim(?:able)?|eligible)\b`,
  ],
  [
    "asks to validate or sync a wallet",
    String.raw`\b(?:validate|validation|sync|synchroni[sz]e|verify|connect|restore|rectify|recover|unlock|migrate)\s+(?:your\s+|ur\s+|the\s+)?(?:wallet|metamask|trust\s?wallet|phantom|ledger)\b|\bwallet\s+(?:validation|synchroni[sz]ation|sync|verification|rectification)\b`,
  ],
  [
    "asks for a seed phrase or private key",
    String.raw`\b(?:seed|recovery|secret|mnemonic|backup)\s+(?:phrases?|words)\b|\bprivate\s+keys?\b|\b(?:12|24)[-\s]words?\s+(?:phrase|seed|key)`,
  ],
  [
    "asks to move the talk to private messages",
    String.raw`\b(?:dm|pm|inbox|message|text)\s+me\b|\bsend\s+me\s+a\s+(?:dm|pm|private\s+message)\b|\bcheck\s+(?:your\s+)?(?:dms?|inbox)\b`,
  ],
  [
    "points to a fake support desk",
    String.raw`\bsupport\s+ticket\b|\b(?:open|raise|create|submit)\s+a\s+(?:support\s+)?ticket\b|\b(?:contact|reach|write\s+to)\s+(?:the\s+|our\s+)?(?:support|admins?|help\s*desk)\b|\blive\s+support\b`,
  ],
  [
    "promises to multiply deposits or guaranteed returns",
    String.raw`\b(?:send|deposit)\s+\d[\d.,]*\s*(?:btc|eth|usdt|sol|bnb|trx)\b[^.\n]{0,40}\b(?:receive|get|back|double)\b|\bdouble\s+your\s+(?:btc|eth|crypto|coins|money|investment|deposit)\b|\bguaranteed\s+(?:profits?|returns?|income|gains?)\b|\b\d{2,4}\s*x\s+guaranteed\b`,
  ],
  [
    "advertises easy money",
    String.raw`\b(?:earn|make)\s+(?:up\s+to\s+)?\$\s?\d[\d,]*(?:\.\d+)?\s*(?:k\s+)?(?:per|a|an|each|every|/)\s*(?:day|week|month|hour)\b|\bwork(?:ing)?\s+from\s+home\b|\bextra\s+income\b|\bfinancial\s+freedom\b|\brisk[-\s]free\s+(?:investment|profit|trading)\b`,
  ],
];

const COMBINED = new RegExp(FAMILIES.map(([, source]) => `(${source})`).join("|"), "i");
const NEGATION = /\b(?:never|don'?t|do\s+not|nobody|no\s+one|won'?t|not|beware|scam(?:mers?)?|warning)\b/i;
/** How far before a match a negation still counts: "never, ever share your seed phrase". */
const LOOKBACK = 30;

export function findScamPhrase(text: string): Finding | null {
  let rest = text;
  let offset = 0;
  // A cleared match (a warning) may hide a real one later in the message.
  for (let tries = 0; tries < 4; tries++) {
    const match = COMBINED.exec(rest);
    if (!match) return null;
    const start = offset + match.index;
    const before = text.slice(Math.max(0, start - LOOKBACK), start);
    if (!NEGATION.test(before)) {
      const family = match.findIndex((group, i) => i > 0 && group !== undefined) - 1;
      return { rule: "scam-phrase", reason: FAMILIES[family][0], evidence: match[0] };
    }
    offset = start + match[0].length;
    rest = text.slice(offset);
  }
  return null;
}
