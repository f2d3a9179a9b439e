// AFINN-165 knows "crash" and "fraud" but not "bullish", "rally" or "rug pull",
// so market headlines read as neutral. These additions use AFINN's -5..+5 scale.
import Sentiment from "sentiment";

const WEIGHTED_WORDS: Array<[number, string]> = [
  [3, "soar soars soared soaring ath all-time-high etf-approval"],
  [2, "bullish rally rallies rallied rallying surge surges surged surging rebound rebounds"],
  [2, "rebounded recovers recovery breakout adoption outperforms moon mooning record-high"],
  [2, "bull-market bull-run"],
  [1, "jump jumps jumped climb climbs climbed inflows upgrade"],
  [-1, "slide slides slid outflows"],
  [-2, "bearish dump dumps dumped tumble tumbles tumbled tumbling slump slumps slumped"],
  [-2, "sell-off selloff hacker hackers attacker attackers liquidation liquidations liquidated"],
  [-2, "delist delisted delisting crackdown halt halts halted bear-market"],
  [-3, "crash crashes crashed plunge plunges plunged plunging plummet plummets plummeted"],
  [-3, "hack hacks hacked exploit exploits exploited drained theft rekt rug scam scams"],
  [-3, "pump-and-dump sec-lawsuit insolvency depeg depegs depegged bank-run"],
  [-4, "rug-pull rugpull"],
];

const CRYPTO_WORDS: Record<string, number> = Object.fromEntries(
  WEIGHTED_WORDS.flatMap(([weight, words]) => words.split(" ").map((word) => [word, weight])),
);

// The tokenizer splits on spaces but keeps hyphens, so phrases become hyphenated tokens.
const PHRASES: Array<[RegExp, string]> = [
  [/\ball[- ]time[- ]highs?\b/g, "all-time-high"],
  [/\brecord[- ]highs?\b/g, "record-high"],
  [/\betf[- ]approvals?\b/g, "etf-approval"],
  [/\bsec[- ](?:lawsuits?|sues)\b/g, "sec-lawsuit"],
  [/\brug[- ]pulls?\b/g, "rug-pull"],
  [/\bpump[- ]and[- ]dumps?\b/g, "pump-and-dump"],
  [/\bbank[- ]runs?\b/g, "bank-run"],
  [/\bbull[- ]markets?\b/g, "bull-market"],
  [/\bbull[- ]runs?\b/g, "bull-run"],
  [/\bbear[- ]markets?\b/g, "bear-market"],
];

// Twice the mean per-word score: a ten-word headline with one strong (±2) word
// lands near ±0.4, one where every other word is strong near ±0.96.
const SCALE = 2;

// Note: the package merges `extras` into its shared English table, so these words
// also reach any other user of "sentiment" in the process. Nothing else uses it.
const analyzer = new Sentiment();

/**
 * Scores text from -1 (very negative) to 1 (very positive), 0 for neutral or
 * empty text. AFINN-165 plus crypto market terms, averaged per word and
 * squashed with tanh; deterministic for a given text.
 */
export function scoreSentiment(text: string): number {
  let prepared = text.toLowerCase();
  for (const [pattern, token] of PHRASES) prepared = prepared.replace(pattern, token);
  const result: unknown = analyzer.analyze(prepared, { extras: CRYPTO_WORDS });
  const comparative = typeof result === "object" && result !== null && "comparative" in result
    ? Number(result.comparative)
    : 0;
  return Number.isFinite(comparative) ? Math.tanh(SCALE * comparative) : 0;
}
