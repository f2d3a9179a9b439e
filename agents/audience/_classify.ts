/**
 * Rules first: a message is sorted by what it contains, sentiment breaks ties, and only what
 * the rules leave as "other" is worth asking a model about. Pure, no I/O.
 */
import type { Classification } from "../../core/vocabulary.ts";
import { walletAddresses } from "../guard/mod.ts";

export interface Verdict {
  classification: Classification;
  reason: string;
}

const SCAM = [
  /\b(seed|recovery|secret) phrase\b/i,
  /\bprivate key\b/i,
  /\b(giveaway|airdrop)\b.*\b(claim|send|connect|wallet)\b/i,
  /\b(double|triple|10x) your (btc|eth|crypto|money|investment)\b/i,
  /\b(dm|message|text|whats\s?app) me\b.*\b(profit|invest|earn|signal)/i,
  /\bguaranteed (profit|returns?)\b/i,
  /\b(account|investment) manager\b/i,
  /\bconnect your wallet\b/i,
];
const SPAM = [
  /\bfollow (me|back)\b/i,
  /\bf4f\b/i,
  /\bcheck (out )?my (profile|bio|channel|page)\b/i,
  /\b(buy|cheap) (followers|likes)\b/i,
  /\bpromo(tion)? code\b/i,
  /(https?:\/\/\S+.*){3,}/i,
];
const FUD = [
  /\b(rug ?pull|ponzi|going to zero|dead coin|it'?s over|crash incoming|bubble)\b/i,
  /\b(scam|fraud) (coin|token|project)\b/i,
];
const CRITICISM = [
  /\b(wrong|incorrect|inaccurate|misleading|useless|clickbait|nonsense|terrible|late again)\b/i,
  /\bthat'?s not (true|right)\b/i,
];
const PRAISE = [
  /\b(thanks|thank you|thx|great|love (it|this)|awesome|helpful|good call|nice|well done)\b/i,
  /[🔥🙏👏💯🚀]/u,
];
const QUESTION_START =
  /^(what|why|how|when|where|which|who|is|are|do|does|did|can|could|will|would|should)\b/i;

/** `score` is the message's sentiment (AFINN: below 0 negative, above 0 positive). */
export function classifyByRules(text: string, score: number): Verdict {
  const body = text.replace(/@\w+/g, "").trim();
  if (!body) return { classification: "other", reason: "no text besides mentions" };
  const wallets = walletAddresses(body);
  if (wallets.length) return { classification: "scam", reason: "contains a wallet address" };
  const hit = (rules: RegExp[]) => rules.find((r) => r.test(body));
  const scam = hit(SCAM);
  if (scam) return { classification: "scam", reason: `matches ${scam.source}` };
  const spam = hit(SPAM);
  if (spam) return { classification: "spam", reason: `matches ${spam.source}` };
  if (body.includes("?") || QUESTION_START.test(body)) {
    return { classification: "question", reason: "asks something" };
  }
  const fud = hit(FUD);
  if (fud) return { classification: "fud", reason: `matches ${fud.source}` };
  const criticism = hit(CRITICISM);
  if (criticism) return { classification: "criticism", reason: `matches ${criticism.source}` };
  const praise = hit(PRAISE);
  if (praise) return { classification: "praise", reason: `matches ${praise.source}` };
  if (score >= 2) return { classification: "praise", reason: `positive sentiment (${score})` };
  if (score <= -2) return { classification: "criticism", reason: `negative sentiment (${score})` };
  return { classification: "other", reason: "no rule matched" };
}

/** A person asking us to stop writing to them. */
export function asksToStop(text: string): boolean {
  return /^\s*(@\w+\s+)*(\/?stop|unsubscribe|opt[ -]?out|leave me alone)\b/i.test(text);
}
