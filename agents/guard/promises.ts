/**
 * Predictions, price targets, promised returns and calls to trade, found by
 * what the words mean rather than by a number: "this one can't lose" holds no
 * figure and is still a promise nobody may make. English, the language the
 * product writes in.
 */

const FUTURE_MOVE =
  "(?:be back|be (?:at|above|below|over)|hit|reach|break(?: out)?|go (?:up|down|higher|lower)|test|climb|fall|drop|rise|pump|dump|moon|recover|rally|explode|skyrocket|flip|double|triple|10x|100x|retake|reclaim|crash|collapse|surge|soar|bounce|tank|print|make you)";

const PATTERNS: Array<[string, RegExp]> = [
  [
    "a prediction",
    new RegExp(
      `\\b(?:will|'ll|shall|is going to|are going to|gonna|is set to|is poised to|is bound to|is about to|is likely to|is expected to|could easily|should soon|must)\\s+(?:\\w+\\s+)?${FUTURE_MOVE}\\b`,
      "i",
    ),
  ],
  [
    "a prediction",
    /\b(?:next stop|next target|price target|target(?:s|ing)? (?:of|is|at)|on (?:its|the) way to|heading (?:for|to|towards?)|headed (?:for|to)|en route to|by (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|next week|next month|the end of|year-end|eoy|christmas))\b/i,
  ],
  [
    "a prediction",
    /\b(?:expect(?:s|ing)?|predict(?:s|ing)?|forecast(?:s|ing)?|calls? for) (?:a |an |the |it |price |prices )?(?:move|rally|breakout|pump|dump|rebound|bounce|drop|surge|crash|new high|ath|to (?:hit|reach|rise|fall|climb|drop))/i,
  ],
  [
    "a prediction",
    /\b(?:to the moon|moon(?:ing)? soon|imminent|inevitable|about to (?:explode|pump|moon|break out)|only (?:a matter of time|goes? up|one way)|can only go (?:up|down)|guaranteed to|sure to|certain to)\b/i,
  ],
  [
    "a prediction",
    /\b(?:gonna|gon'?na) \w+|\brip(?:s|ping)? (?:higher|up)\b|\bmoons? (?:next|soon)\b|\b(?:this is|that was) the (?:bottom|top)\b|\b(?:bottom|top) is in\b|\bshould (?:\w+ )?(?:be back|go|hit|reach|retake|reclaim|see|bounce|recover)\b|\bback (?:at|to|above|below|over) [^.]{0,24}\b(?:within|by|soon|next|again)\b/i,
  ],
  [
    "a call to trade",
    /\b(?:sell|buy) (?:everything|it all|all)\b|\bloading up\b|\ball[- ]in\b|\bsmart money (?:says|is buying|is selling)\b/i,
  ],
  [
    "a promised return",
    /\b(?:can(?:'t|not| ?not) (?:lose|fail|go wrong)|guarantee[ds]?|risk[- ]free|no[- ]risk|zero risk|sure (?:thing|bet|win)|easy (?:money|gains?|profits?)|free money|safe bet|can't miss|cannot miss|print(?:s|ing)? money|double your|triple your|\d+x your|returns? of|profit (?:of|guaranteed)|passive income|get rich|life[- ]changing (?:gains|money))\b/i,
  ],
  [
    "a call to trade",
    /\b(?:[Bb]uy|[Ss]ell|[Ll]ong|[Ss]hort|[Aa]pe into)(?: the| some| more)? \$?[A-Z]{2,6}\b/,
  ],
  [
    "a call to trade",
    /\b(?:buy|sell|long|short|ape|load up|get in|go all in|accumulate|dump it|take profits?) (?:now|today|here|this|it|the dip|before|while)\b|\bdon'?t (?:miss|sleep on|fade) (?:this|it|out)\b|\b(?:last chance|act (?:now|fast)|before it'?s too late|dm (?:me|us)|join (?:now|our vip)|ap(?:e|ing) in|while you (?:still )?can|thank (?:us|me) later)\b/i,
  ],
];

/** What kind of forbidden statement `text` makes, with the words that make it; empty when none. */
export function promisesIn(text: string): string[] {
  const found: string[] = [];
  for (const [kind, re] of PATTERNS) {
    const m = re.exec(text);
    if (m) found.push(`${kind} ("${m[0].trim()}")`);
  }
  return found;
}
