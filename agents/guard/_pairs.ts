/**
 * A value and the one it became, side by side: "from 512.36 to 561.90",
 * "512.36 seviyesinden 561.90 seviyesine", "từ 512.36 lên 561.90", "(13.28 →
 * 12.32)". In every language a move is told as its start and then its end, a
 * few words apart, so the first of two adjacent figures that are a past value
 * and the current value it became is read as past, whatever words join them.
 * Only that order is read so: "561.90 to 512.36" for a rise stays wrong.
 * Two lengths of the insight's own named in one sentence ("the 20 and the 50
 * crossed") are read as its settings.
 */
import { type Claim, sentenceStartAt } from "./_bind.ts";
import type { Fact } from "./_facts.ts";
import { fitsIgnoringTense, type Rules } from "./_match.ts";

// Sentence punctuation or a line break between them: the two are not one phrase.
const APART = /[.!?;\n。！？]/;
const NEAR = 40;
// How far apart a start and its end may be told on one line (see toldApart).
const FAR = 160;

// "Sample sizes 14 and 11", "+0.19 مقابل -0.17": the current one first, then the one before it,
// joined by a word that sets them side by side.
const SIDE_BY_SIDE =
  /^\s*(?:and|&|vs\.?|versus|against|\/|,|e|y|und|et|и|і|ve|và|dan|i|en|و|tegen|contre|gegen|contra|против|проти|مقابل|در برابر|बनाम|so với)\s*$/iu;

/** `claims` with the start of each start-and-end pair, and the older of each side-by-side pair, read as past. */
export function readPairs(claims: Claim[], text: string, rules: Rules): Claim[] {
  const out = namedSettings(claims, text, rules);
  for (let i = 0; i + 1 < out.length; i++) {
    const [first, second] = [out[i], out[i + 1]];
    if (first.kind !== "value" || second.kind !== "value") continue;
    const between = text.slice(first.end, second.start);
    // "1.1264... 1.0793...": an ellipsis trails off between the two; it ends no sentence.
    const joined = between.replace(/\.(?=\d)/g, "").replace(/\.{2,}|…/g, " ");
    if (between.length > NEAR || APART.test(joined)) continue;
    // Not "closing at 0.2411 after 0.2534", where the words put the second in the past.
    if (!first.past && !second.past && isPair(first, second, rules)) {
      out[i] = { ...first, past: true };
    } else if (
      (first.past || (first.anyTense && onlyPast(first, rules))) && !second.past &&
      pastCount(second, rules)
    ) {
      // "-0.13 across 11 articles", "+0.17 (11 articles)", "contra -0.09 (11 notícias)": a count
      // right after a past figure is the count of that past window.
      out[i + 1] = { ...second, past: true };
    } else if (first.past && !second.past && pastCount(first, rules) && onlyPast(second, rules)) {
      // "after 11 averaging -0.05": a value right after a past count is of that past window.
      out[i + 1] = { ...second, past: true };
    } else if (!second.past && SIDE_BY_SIDE.test(between) && isPair(second, first, rules)) {
      out[i + 1] = { ...second, past: true };
    }
  }
  return toldApart(out, text, rules);
}

/**
 * "Opening level 1.9764; closing level 2.1318", "Q: Where did it stand at the start? A: 1.9764.
 * Q: And at the end? A: 2.1318", "Cast on at 0.08106. Work up for 4h. Bind off at 0.08453.": a
 * start and its end told in separate clauses or sentences of one line, with no other value
 * between. Only a figure that no current fact backs is read so, and only when the value it became
 * follows: a current value replaced by the past one leaves no such end after it.
 */
function toldApart(claims: Claim[], text: string, rules: Rules): Claim[] {
  const out = claims.slice();
  const values = out.map((c, i) => [c, i] as const).filter(([c]) => c.kind === "value");
  for (let k = 0; k + 1 < values.length; k++) {
    const [[first, i], [second]] = [values[k], values[k + 1]];
    if (first.past || first.anyTense || second.past) continue;
    const between = text.slice(first.end, second.start);
    if (between.length > FAR || between.includes("\n")) continue;
    if (onlyPast(first, rules) && isPair(first, second, rules)) out[i] = { ...first, past: true };
  }
  return out;
}

/**
 * "the 20 and the 50 crossed", "Die 20-gemiddelde staan op 1.1104, die 50-gemiddelde op 1.1139":
 * a sentence that names two lengths of the insight's own (the fast and the slow average) names
 * the pair, whatever words it puts around them; both are settings. One such figure alone may
 * still be a setting stated as a value.
 */
function namedSettings(claims: Claim[], text: string, rules: Rules): Claim[] {
  const settingOf = (c: Claim) =>
    c.kind === "value" && c.unit === "plain" && c.sign === 0 && !/[.,]/.test(c.text)
      ? rules.facts.find((f) => f.setting && f.value === c.value)
      : undefined;
  const out = claims.slice();
  const bySentence = new Map<number, number[]>();
  claims.forEach((c, i) => {
    if (!settingOf(c)) return;
    const sentence = sentenceStartAt(text, c.start);
    bySentence.set(sentence, [...bySentence.get(sentence) ?? [], i]);
  });
  for (const indices of bySentence.values()) {
    const keys = new Set(indices.map((i) => settingOf(claims[i])!.key));
    if (keys.size < 2) continue;
    for (const i of indices) out[i] = { ...claims[i], kind: "setting" };
  }
  return out;
}

/** Whether `claim` is a count the facts hold for a past window. */
function pastCount(claim: Claim, rules: Rules): boolean {
  return rules.facts.some((f) =>
    f.past && f.metric === "count" && fitsIgnoringTense(claim, f, rules)
  );
}

/** Whether only past facts would back `claim`, none of the current ones. */
function onlyPast(claim: Claim, rules: Rules): boolean {
  const backing = rules.facts.filter((f) => fitsIgnoringTense(claim, f, rules));
  return backing.length > 0 && backing.every((f) => f.past);
}

/** Whether `older` is a past fact and `newer` the current value it became. */
function isPair(older: Claim, newer: Claim, rules: Rules): boolean {
  return rules.facts.some((past) =>
    past.past && fitsIgnoringTense(older, past, rules) &&
    rules.facts.some((now) =>
      now.key === counterpart(past) && now.asset === past.asset &&
      fitsIgnoringTense(newer, now, rules)
    )
  );
}

/** The key of the current value a past fact became: fromClose -> toClose, prevFast -> fast. */
function counterpart(fact: Fact): string {
  return fact.key
    .replace(/FromClose$/, "ToClose")
    .replace(/^fromClose$/, "toClose")
    .replace(/^prev(Fast|Slow)$/, (_m, k: string) => k.toLowerCase())
    .replace(/^previous(Mean|Count)$/, "recent$1")
    .replace(/^previousValue$/, "value");
}
