/**
 * Puts a draft into one spelling before any claim is read: compatibility
 * forms folded (NFKC turns styled and full-width digits into ASCII), every
 * other decimal digit mapped to 0-9, dashes and minus signs to "-", invisible
 * characters dropped, Markdown emphasis dropped, and numbers written in words turned into digits. A
 * writer, or a scammer, should not get a figure past the guard by spelling it.
 */
import { wordsToDigits } from "./_number_words.ts";

const INVISIBLE = /[\u00AD\u200B-\u200F\u2060-\u2064\uFEFF]/g;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
// Dots of other scripts (Ethiopic "።" too), the word-separator middle dot ("www⸱gemhunter⸱app")
// and the hyphenation point ("www‧airdrop-claim‧net") are full stops.
const DOTS = /[\u1362\u3002\uFF61\u2024\u2027\uFE52\u2E31\u2E33]/g;
// Heavy and double arrows lead from one value to the next as "→" does: "43.87 ➜ 46.92".
const ARROWS = /[\u21D2\u2794\u2799\u279B\u279C\u279D\u279E\u27F6\u27F9]/g;
// "from ........ 11.87": a leader of dots between a label and its value is a colon.
const LEADER = /(?<=\p{L})[ \t]*\.{3,}[ \t]*(?=[-+$]?\p{Nd})/gu;
const OTHER_DIGIT = /(?![0-9])\p{Nd}/gu;
// "NEAR – 12.3%": a dash set apart before a percent is still its sign. An em
// dash is left alone, as the separator it usually is ("BTC — 94,401").
const SPACED_MINUS =
  /(?<=^|[\s(:\[])[-\u2010-\u2013\u2212\uFE63\uFF0D][ \t\u00A0]{1,2}(?=\p{Nd}[\p{Nd},]*(?:\.\p{Nd}+)?\s?(?:%|per ?cent|pct\b|bps\b|basis point))/gmu;
// After "of", "by" or a colon any figure takes it: "a shift of \u2013 0.36".
const SPACED_MINUS_AFTER =
  /(?<=\b(?:of|by)\s|:\s)[-\u2010-\u2013\u2212\uFE63\uFF0D][ \t\u00A0]{1,2}(?=\p{Nd})/gu;

/** The draft as the guard reads it. */
export function normalize(text: string): string {
  const folded = text.normalize("NFKC")
    .replace(INVISIBLE, "")
    .replace(SPACED_MINUS, "-")
    .replace(SPACED_MINUS_AFTER, "-")
    .replace(DASHES, "-")
    .replace(DOTS, ".")
    .replace(ARROWS, "→")
    .replace(LEADER, ": ")
    .replace(OTHER_DIGIT, (d) => String(digitValue(d)));
  return wordsToDigits(folded)
    .replace(/(?<=\d)\s?(?:per ?cent|pct)\b/gi, "%")
    .replace(/¢/g, " cents")
    // Markdown emphasis is formatting: "**From** 512.36" reads as "From 512.36".
    .replace(/\*\*|__|`/g, "")
    // "window_h=24 min_shift=0.3": a value, then the next key, are two fields, not "24 min".
    .replace(/(?<=[\d%x])[ \t]+(?=\p{L}[\p{L}\p{N}]*_[\p{L}\p{N}_]*\s?=)/gu, "; ")
    // "window=24h from=88,914.20 chg=+6.1%": a key and its value, read as a label and a colon,
    // and so is a key in snake case ("baseline_bars=20"). Not inside a link: "?u=https://…" stays
    // a query.
    .replace(/(^|[\s\[(|,;])(\p{L}[\p{L}\p{N}_()[\]]*)\s?=\s?(?=[-+$]?\d|\p{L})/gu, "$1$2: ")
    .replace(/(?<=\p{L})_(?=\p{L})/gu, " ");
}

/**
 * A decimal digit's value: Unicode keeps each script's ten digits in a run,
 * so the distance to the run's first digit is the value.
 */
function digitValue(digit: string): number {
  const code = digit.codePointAt(0)!;
  let zero = code;
  while (zero > code - 9 && /\p{Nd}/u.test(String.fromCodePoint(zero - 1))) zero--;
  return (code - zero) % 10;
}
