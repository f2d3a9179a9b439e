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

/** `claims` with the start of each start-and-end pair read as past. */
export function readPairs(claims: Claim[], text: string, rules: Rules): Claim[] {
  return claims.map((claim, i) => {
    const next = claims[i + 1];
    if (!next || claim.past || claim.kind !== "value" || next.kind !== "value") return claim;
    const between = text.slice(claim.end, next.start);
    if (between.length > NEAR || APART.test(between.replace(/\.(?=\d)/g, ""))) return claim;
    const paired = rules.facts.some((past) =>
      past.past && fitsIgnoringTense(claim, past, rules) &&
      rules.facts.some((now) =>
        now.key === counterpart(past) && now.asset === past.asset &&
        fitsIgnoringTense(next, now, rules)
      )
    );
    return paired ? { ...claim, past: true } : claim;
  });
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
