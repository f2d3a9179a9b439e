/**
 * The number guard: every number a draft shows must be one of the insight's
 * facts at the rounding it is shown with. Models invent plausible numbers
 * (targets, years, "up 12%"); this catches them before anything is posted.
 */

export type Facts = Record<string, number | string>;

/** A number as it appears in a draft. */
interface Shown {
  text: string;
  value: number;
  /** Half a unit of the last digit shown, scaled by any K/M/B suffix. */
  tolerance: number;
  signed: boolean;
  percent: boolean;
}

const SCALES: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  t: 1e12,
  trillion: 1e12,
};

// sign, currency, digits (with thousands commas), decimals, magnitude word, percent.
// A number glued to a letter before it ("C98", "Web3") is part of a name, not a figure.
// Magnitude words may follow a space ("3 million"); letters must be attached ("1.2M").
const NUMBER =
  /(?<![\p{L}\p{N}_.,])([+\-\u2212]?)\$?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:(?:\s?(thousand|million|billion|trillion)|(bn|mn|k|m|b|t))(?![\p{L}\p{N}]))?(\s?%)?/giu;

const URL_LIKE = /\b(?:https?:\/\/|www\.)\S+/gi;
// "1/3" thread markers standing alone, list indices "1." / "2)" at a line start, keycap digits.
const THREAD_MARKER = /(?<=^|[\s(\[])(\d{1,2})\/(\d{1,2})(?=$|[\s)\].,:])/gm;
const LIST_INDEX = /^(\s*)\d{1,2}[.)](?=\s)/gm;
const KEYCAP = /\d\uFE0F?\u20E3/gu;

/** Finds every figure in `text`, with the precision it was written at. */
export function extractNumbers(text: string): Shown[] {
  const found: Shown[] = [];
  for (const match of text.matchAll(NUMBER)) {
    const [whole, sign, digits, decimals = "", word, letter, percent] = match;
    const magnitude = word ?? letter;
    const scale = magnitude ? SCALES[magnitude.toLowerCase()] : 1;
    const negative = sign === "-" || sign === "\u2212";
    const absolute = Number(`${digits.replaceAll(",", "")}.${decimals || "0"}`) * scale;
    found.push({
      text: whole.trim(),
      value: negative ? -absolute : absolute,
      tolerance: 0.5 * 10 ** -decimals.length * scale,
      signed: sign !== "",
      percent: percent !== undefined,
    });
  }
  return found;
}

/**
 * Returns the numbers in `text` that match no fact, as written (e.g. `["12%"]`);
 * an empty list means the text is clean. A shown number matches a numeric fact
 * when the fact rounds to it: 5.23871 matches "5.2", "5.24", "5" and "+5.2%";
 * 94401.14 matches "94,401" and "$94.4K". Percentages match only facts whose
 * key says pct/percent. A shown sign must agree with the fact's; an unsigned
 * number is compared by size, so "down 3.1%" matches -3.1.
 *
 * Allowed as well: thread numbering ("1/3"), list indices ("1."), and numbers
 * inside string facts and `allowedText` (the disclaimer, a symbol like
 * "1INCH/USDT", a quoted headline). Years, dates and times get no exemption:
 * a date the facts do not hold is a claim nobody checked.
 */
export function checkNumbers(text: string, facts: Facts, allowedText: string[] = []): string[] {
  const quoted = [...allowedText, ...Object.values(facts).filter(isString)];
  const numeric = Object.entries(facts).filter(
    (entry): entry is [string, number] => typeof entry[1] === "number" && Number.isFinite(entry[1]),
  );
  const percentFacts = numeric.filter(([key]) => /pct|percent/i.test(key)).map(([, v]) => v);
  const allFacts = numeric.map(([, value]) => value);
  const quotedValues = new Set(quoted.flatMap(literalValues));

  const offending: string[] = [];
  for (const shown of extractNumbers(maskAllowed(text, quoted))) {
    const candidates = shown.percent ? percentFacts : allFacts;
    const ok = candidates.some((fact) => roundsTo(fact, shown)) ||
      (!shown.signed && quotedValues.has(Math.abs(shown.value)));
    if (!ok && !offending.includes(shown.text)) offending.push(shown.text);
  }
  return offending;
}

function roundsTo(fact: number, shown: Shown): boolean {
  const target = shown.signed ? fact : Math.abs(fact);
  const slack = shown.tolerance + 1e-9 * Math.max(1, Math.abs(target));
  return Math.abs(target - shown.value) <= slack;
}

/** Blanks out the parts of `text` whose digits are not figures to check. */
function maskAllowed(text: string, quoted: string[]): string {
  let masked = text.replace(URL_LIKE, " ").replace(KEYCAP, " ");
  // Longest first, so "1INCH/USDT" goes whole before its "1INCH" side is looked for.
  const phrases = quoted.flatMap(withPairParts).filter((p) => /\d/.test(p));
  for (const phrase of phrases.sort((a, b) => b.length - a.length)) {
    masked = masked.replace(standingAlone(phrase), " ");
  }
  masked = masked.replace(LIST_INDEX, "$1 ");
  return masked.replace(THREAD_MARKER, (marker, part: string, total: string) => {
    const index = Number(part);
    return index >= 1 && index <= Number(total) ? " " : marker;
  });
}

/**
 * `phrase` where it is not glued to a letter or digit, so a "1h" fact leaves
 * the "21h" of "in 21h" to be checked as the figure 21.
 */
function standingAlone(phrase: string): RegExp {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "gu");
}

/** "1INCH/USDT" may be shown as just "1INCH", so each side of a pair is masked too. */
function withPairParts(phrase: string): string[] {
  const trimmed = phrase.trim();
  if (trimmed === "") return [];
  const pair = /^[\p{L}\p{N}]+[\/:-][\p{L}\p{N}]+$/u.test(trimmed);
  return pair ? [trimmed, ...trimmed.split(/[\/:-]/)] : [trimmed];
}

/** The digits of quoted text, read literally ("15m" is 15, not 15 million). */
function literalValues(phrase: string): number[] {
  return [...phrase.matchAll(/\d[\d,]*(?:\.\d+)?/g)].map((m) => Number(m[0].replaceAll(",", "")));
}

function isString(value: unknown): value is string {
  return typeof value === "string";
}
