/**
 * Indicator states said in words, checked against the facts: "overbought"
 * at an RSI of 27.6, a "golden cross" where the fast average fell under the
 * slow one, "closed below the top" when the close is above the upper band.
 * Such a word makes a claim as plainly as a figure does, with no figure to
 * check. A state that is denied ("no longer oversold") or supposed ("if it
 * closes back below the band") claims nothing.
 */
import type { InsightFacts } from "./_facts.ts";

const OVERBOUGHT = /\boverbought\b|買われ(?:す|過)ぎ|超买|超買|과매수|\bsobrecomprad[oa]s?\b/i;
const OVERSOLD = /\boversold\b|売られ(?:す|過)ぎ|超卖|超賣|과매도|\bsobrevendid[oa]s?\b/i;
const GOLDEN = /\bgolden\b|\bbullish\b|ゴールデン|金叉|골든/i;
const DEATH = /\bdeath\b|\bbearish\b|デッド|死叉|데드/i;
const CROSS = /\bcross(?:ed|es|ing|over)?\b|クロス|交叉|叉|크로스/i;
// "not", "no longer", "out of", "back from", "was": the state is left, denied or past.
const DENIED =
  /\b(?:was|were|had been|used to be|not|no longer|isn'?t|wasn'?t|aren'?t|never|neither|nor|far from|nowhere near|away from|out of|from|leaves?|left|exit(?:s|ed|ing)?|without|instead of)\s+(?:\w+\s+){0,2}$/i;
const SUPPOSED =
  /\b(?:if|unless|once|whether|would|could|should|might|may|until|when|watch)\b|\bin case\b/i;
const BAND_SIDE =
  /\b(?:clos(?:ed|es|ing)|sits?|sat|trad(?:es|ed|ing)|(?:is|was|stays?|stayed|remains?|held|holds|printed|broke|punched|pushed|pierced|moved)|price)\s+(?:\S+\s+){0,3}?(above|over|below|under|outside|inside|within|through)\s+(?:the\s+|its\s+)?(upper|top|lower|bottom|middle|mid)\b/gi;

/** What the words of `text` say about the insight's indicators that its facts deny. */
export function contradictedStates(text: string, insight: InsightFacts): string[] {
  const f = insight.facts;
  // Only the insights whose facts hold an indicator state are read.
  if (f.rsi === undefined && f.fast === undefined && f.upper === undefined) return [];
  const sentences = text.split(/(?<=[.!?。])\s+|\n+/);
  return [
    ...rsiZone(sentences, f),
    ...crossKind(sentences, f),
    ...sentences.flatMap((s) => bandSides(s, f)),
  ];
}

function rsiZone(sentences: string[], f: Record<string, number | string>): string[] {
  if (typeof f.rsi !== "number") return [];
  const [wrong, word] = f.rsi < 50 ? [OVERBOUGHT, "overbought"] : [OVERSOLD, "oversold"];
  return sentences.some((s) => stated(s, wrong))
    ? [`"${word}" with the RSI at ${f.rsi.toFixed(1)}`]
    : [];
}

function crossKind(sentences: string[], f: Record<string, number | string>): string[] {
  if (typeof f.fast !== "number" || typeof f.slow !== "number" || f.fast === f.slow) return [];
  const golden = f.fast > f.slow;
  const [wrong, right] = golden ? [DEATH, GOLDEN] : [GOLDEN, DEATH];
  // "A golden cross after a bearish month" names both; only a sentence naming one is read.
  const said = sentences.some((s) => CROSS.test(s) && stated(s, wrong) && !stated(s, right));
  const [claimed, made] = golden ? ["death", "golden"] : ["golden", "death"];
  return said ? [`a ${claimed} cross (the averages made a ${made} cross)`] : [];
}

/** `word` in `sentence`, neither denied nor supposed. */
function stated(sentence: string, word: RegExp): boolean {
  const m = word.exec(sentence);
  if (!m) return false;
  return !DENIED.test(sentence.slice(0, m.index)) && !SUPPOSED.test(sentence.slice(0, m.index));
}

const BAND_KEY: Record<string, string> = {
  upper: "upper",
  top: "upper",
  middle: "middle",
  mid: "middle",
  lower: "lower",
  bottom: "lower",
};

function bandSides(sentence: string, f: Record<string, number | string>): string[] {
  const close = f.close;
  if (typeof close !== "number" || typeof f.upper !== "number") return [];
  const out: string[] = [];
  for (const m of sentence.matchAll(BAND_SIDE)) {
    if (SUPPOSED.test(sentence.slice(0, m.index! + m[0].length))) continue;
    const key = BAND_KEY[m[2].toLowerCase()];
    const level = f[key];
    if (typeof level !== "number") continue;
    // Outside a band is above the upper or middle one, below the lower one.
    const outside = key === "lower" ? close < level : close > level;
    const side = m[1].toLowerCase();
    const holds = side === "above" || side === "over"
      ? close > level
      : side === "below" || side === "under"
      ? close < level
      : side === "outside" || side === "through"
      ? outside
      : !outside;
    if (!holds) out.push(`"${m[0]}" with the close at ${close} and the ${key} band at ${level}`);
  }
  return out;
}
