/**
 * English numbers in words ("fifteen", "twelve point three", "two hundred
 * and five", "third") as digits. A lone "one" stays a word ("this one"),
 * unless a unit follows it ("one percent").
 */
const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  dozen: 12,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9 };
const ORDINALS: Record<string, string> = {
  third: "3rd",
  fourth: "4th",
  fifth: "5th",
  sixth: "6th",
  seventh: "7th",
  eighth: "8th",
  ninth: "9th",
  tenth: "10th",
  eleventh: "11th",
  twelfth: "12th",
  twentieth: "20th",
  thirtieth: "30th",
};
const WORD = Object.keys({ ...UNITS, ...SCALES }).join("|");
const RUN = new RegExp(
  `\\b(?:${WORD})(?:(?:[\\s-]+(?:and[\\s-]+)?)(?:${WORD}))*(?:\\s+point(?:\\s+(?:${
    Object.keys(UNITS).slice(0, 10).join("|")
  }))+)?\\b`,
  "gi",
);
const UNIT_AFTER = /^\s*(?:%|per ?cent|percent|points?|dollars?|cents?|times|x\b|bps|basis)/i;

/** Replaces each run of number words with its digits. */
export function wordsToDigits(text: string): string {
  const withOrdinals = text.replace(
    new RegExp(`\\b(${Object.keys(ORDINALS).join("|")})\\b`, "gi"),
    (w) => ORDINALS[w.toLowerCase()],
  );
  return withOrdinals.replace(RUN, (run, offset: number, whole: string) => {
    const words = run.toLowerCase().split(/[\s-]+/).filter((w) => w !== "and");
    const lone = words.length === 1 && (words[0] === "one" || words[0] === "zero");
    if (lone && !UNIT_AFTER.test(whole.slice(offset + run.length))) return run;
    const after = whole.slice(offset + run.length);
    if (words.length === 1 && pronoun(whole.slice(0, offset), after)) return run;
    if (
      words.length === 1 && SMALL.test(words[0]) &&
      ((NOUN_AFTER.test(after) && !COUNTED_AFTER.test(after)) ||
        (HEADING_AFTER.test(after) && !UNIT_AFTER.test(after)))
    ) {
      return run;
    }
    const value = valueOf(words);
    return value === null ? run : value;
  });
}

// "the two are now 0.3% apart", "after the two swapped sides": the things counted, not a figure,
// unless a unit or a length follows ("the two days", "the two candles").
const THE_BEFORE = /\b(?:the|these|those|all|both of the)\s+$/i;
const COUNTED_AFTER =
  /^\s*(?:%|per ?cent|percent|points?|dollars?|cents?|times|x\b|bps|basis|-?(?:minutes?|hours?|days?|weeks?|months?|years?|candles?|bars?|sessions?|periods?)\b)/i;

function pronoun(before: string, after: string): boolean {
  // "like you're five": an age in a figure of speech.
  return (THE_BEFORE.test(before) && !COUNTED_AFTER.test(after)) ||
    /\b(?:you're|you are|i'm|i am)\s+$/i.test(before);
}

// "Two smoothed lines follow the price": a small count of things named by a word, not a figure.
const SMALL = /^(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)$/i;
// "a two-panel chart": joined to its noun by a hyphen, it is part of an adjective.
const NOUN_AFTER = /^(?:\s+|-)\p{L}+/u;
// "Two bars: ...", "Three lines:": a heading that counts what it lists.
const HEADING_AFTER = /^\s+\p{L}+\s?:/u;

function valueOf(words: string[]): string | null {
  const point = words.indexOf("point");
  const integer = point < 0 ? words : words.slice(0, point);
  let total = 0, current = 0;
  for (const w of integer) {
    if (w in UNITS) current += UNITS[w];
    else if (w === "hundred") current = (current || 1) * 100;
    else if (w in SCALES) {
      total += (current || 1) * SCALES[w];
      current = 0;
    } else return null;
  }
  const whole = String(total + current);
  if (point < 0) return whole;
  const decimals = words.slice(point + 1).map((w) => UNITS[w]).join("");
  return `${whole}.${decimals}`;
}
