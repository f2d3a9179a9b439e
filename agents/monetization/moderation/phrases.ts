/**
 * Scam phrases, one family each. A family's regex runs only when one of its
 * anchor literals is in the message (a cheap `includes`), so a clean message
 * costs a few substring searches. A warning ("never share your seed phrase")
 * is not a scam: a negation just before the match clears it.
 */
import type { Finding } from "./types.ts";

interface Family {
  reason: string;
  /** One of these must appear for the pattern to have a chance. */
  anchors: string[];
  pattern: RegExp;
}

// Case-sensitive on purpose: callers pass lower-cased text, and V8 runs a
// case-sensitive alternation several times faster than an /i one.
const family = (reason: string, anchors: string[], source: string): Family => ({
  reason,
  anchors,
  pattern: new RegExp(source, "g"),
});

const FAMILIES: readonly Family[] = [
  family(
    "offers an airdrop or giveaway claim",
    ["airdrop", "giveaway"],
    String
      .raw`\b(?:free|claim(?:ing)?|eligible\s+for|receive)\b[^.\n]{0,30}\b(?:airdrops?|giveaways?)\b|\bairdrops?\b[^.\n]{0,25}\b(?:is\s+live|now\s+live|claim(?:able)?|eligible)\b`,
  ),
  family(
    "asks to validate or sync a wallet",
    ["wallet", "metamask", "phantom", "ledger"],
    String
      .raw`\b(?:validate|validation|sync|synchroni[sz]e|verify|connect|restore|rectify|recover|unlock|migrate)\s+(?:your\s+|ur\s+|the\s+)?(?:wallet|metamask|trust\s?wallet|phantom|ledger)\b|\bwallet\s+(?:validation|synchroni[sz]ation|sync|verification|rectification)\b`,
  ),
  family(
    "asks for a seed phrase or private key",
    ["phrase", "word", "key"],
    String
      .raw`\b(?:send|share|enter|give|paste|import|type|provide|submit|verify|validate|input|drop)\s+(?:me\s+|us\s+)?(?:your\s+|ur\s+|the\s+|a\s+)?(?:(?:wallet|seed|recovery|secret|mnemonic|backup)\s+(?:phrases?|words|keys?)|private\s+keys?|(?:12|24)[-\s]words?(?:\s+(?:phrase|seed))?)\b`,
  ),
  family(
    "asks to move the talk to private messages",
    [" me", "check"],
    String
      .raw`\b(?:dm|pm|inbox|message|text)\s+me\b|\bsend\s+me\s+a\s+(?:dm|pm|private\s+message)\b|\bcheck\s+(?:your\s+)?(?:dms?|inbox)\b`,
  ),
  family(
    "points to a fake support desk",
    ["ticket", "support", "admin", "desk"],
    String
      .raw`\bsupport\s+ticket\b|\b(?:open|raise|create|submit)\s+a\s+(?:support\s+)?ticket\b|\b(?:contact|reach|write\s+to)\s+(?:the\s+|our\s+)?(?:support|admins?|help\s*desk)\b|\blive\s+support\b`,
  ),
  family(
    "promises to multiply deposits or guaranteed returns",
    ["btc", "eth", "usdt", "sol", "bnb", "trx", "double", "guarantee"],
    String
      .raw`\b(?:send|deposit)\s+\d[\d.,]*\s*(?:btc|eth|usdt|sol|bnb|trx)\b[^.\n]{0,40}\b(?:receive|get|back|double)\b|\bdouble\s+your\s+(?:btc|eth|crypto|coins|money|investment|deposit)\b|\bguaranteed\s+(?:profits?|returns?|income|gains?)\b|\b\d{2,4}\s*x\s+guaranteed\b`,
  ),
  family(
    "advertises easy money",
    ["$", "home", "income", "freedom", "risk"],
    String
      .raw`\b(?:earn|make)\s+(?:up\s+to\s+)?\$\s?\d[\d,]*(?:\.\d+)?\s*(?:k\s+)?(?:per|a|an|each|every|/)\s*(?:day|week|month|hour)\b|\bwork(?:ing)?\s+from\s+home\b|\bextra\s+income\b|\bfinancial\s+freedom\b|\brisk[-\s]free\s+(?:investment|profit|trading)\b`,
  ),
];

const NEGATION =
  /\b(?:never|don'?t|do\s+not|nobody|no\s+one|won'?t|not|beware|scam(?:mers?)?|warning)\b/;
/** How far before a match a negation still counts: "never, ever share your seed phrase". */
const LOOKBACK = 30;

/** `lower` is the message in lower case (the engine lowers it once for every rule). */
export function findScamPhrase(lower: string): Finding | null {
  for (const f of FAMILIES) {
    if (!f.anchors.some((a) => lower.includes(a))) continue;
    // A cleared match (a warning) may hide a real one later in the message.
    for (const match of lower.matchAll(f.pattern)) {
      const before = lower.slice(Math.max(0, match.index - LOOKBACK), match.index);
      if (!NEGATION.test(before)) {
        return { rule: "scam-phrase", reason: f.reason, evidence: match[0] };
      }
    }
  }
  return null;
}
