/**
 * A value and the one it became, side by side: "from 512.36 to 561.90",
 * "512.36 seviyesinden 561.90 seviyesine", "từ 512.36 lên 561.90", "(13.28 →
 * 12.32)". In every language a move is told as its start and then its end, a
 * few words apart, so the first of two adjacent figures that are a past value
 * and the current value it became is read as past, whatever words join them.
 * Only that order is read so: "561.90 to 512.36" for a rise stays wrong.
 */
import type { Claim } from "./_bind.ts";
import type { Fact } from "./_facts.ts";
import { fitsIgnoringTense, type Rules } from "./_match.ts";

// Sentence punctuation or a line break between them: the two are not one phrase.
const APART = /[.!?;\n。！？]/;
const NEAR = 40;

// "Sample sizes 14 and 11", "+0.19 مقابل -0.17": the current one first, then the one before it,
// joined by a word that sets them side by side.
const SIDE_BY_SIDE =
  /^\s*(?:and|&|vs\.?|versus|against|\/|,|e|y|und|et|и|і|ve|và|dan|i|en|و|tegen|contre|gegen|contra|против|проти|مقابل|در برابر|बनाम|so với)\s*$/iu;

/** `claims` with the start of each start-and-end pair, and the older of each side-by-side pair, read as past. */
export function readPairs(claims: Claim[], text: string, rules: Rules): Claim[] {
  const out = claims.slice();
  for (let i = 0; i + 1 < out.length; i++) {
    const [first, second] = [out[i], out[i + 1]];
    if (first.kind !== "value" || second.kind !== "value") continue;
    const between = text.slice(first.end, second.start);
    if (between.length > NEAR || APART.test(between.replace(/\.(?=\d)/g, ""))) continue;
    // "the 20 and the 50 crossed": two lengths of the insight's own, named side by side.
    if (SIDE_BY_SIDE.test(between.replace(ARTICLE, " ")) && settingPair(first, second, rules)) {
      out[i] = { ...first, kind: "setting" };
      out[i + 1] = { ...second, kind: "setting" };
      continue;
    }
    // Not "closing at 0.2411 after 0.2534", where the words put the second in the past.
    if (!first.past && !second.past && isPair(first, second, rules)) {
      out[i] = { ...first, past: true };
    } else if (first.past && !second.past && pastCount(second, rules)) {
      // "-0.13 across 11 articles", "+0.17 (11 articles)": a count right after a past figure is
      // the count of that past window.
      out[i + 1] = { ...second, past: true };
    } else if (first.past && !second.past && pastCount(first, rules) && onlyPast(second, rules)) {
      // "after 11 averaging -0.05": a value right after a past count is of that past window.
      out[i + 1] = { ...second, past: true };
    } else if (!second.past && SIDE_BY_SIDE.test(between) && isPair(second, first, rules)) {
      out[i + 1] = { ...second, past: true };
    }
  }
  return out;
}

const ARTICLE = /\s(?:the|la|le|el|il|der|die|das)\s*$/i;

/** Whether two whole figures are two different settings of the insight, as written. */
function settingPair(first: Claim, second: Claim, rules: Rules): boolean {
  const whole = (c: Claim) => c.unit === "plain" && c.sign === 0 && !/[.,]/.test(c.text);
  if (!whole(first) || !whole(second)) return false;
  const a = rules.facts.find((f) => f.setting && f.value === first.value);
  const b = rules.facts.find((f) => f.setting && f.value === second.value);
  return a !== undefined && b !== undefined && a.key !== b.key;
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
