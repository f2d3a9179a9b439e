/** Text tools the rules share: confusable folding and a bounded edit distance. */

/**
 * Letters that render like Latin ones (Cyrillic, Greek, fullwidth forms are
 * handled by NFKC) and digits used as letters. A small hand-picked subset of
 * Unicode's confusables table: the ones seen in wallet and exchange lookalikes.
 */
const CONFUSABLES: Record<string, string> = {
  "а": "a",
  "в": "b",
  "е": "e",
  "ё": "e",
  "к": "k",
  "м": "m",
  "н": "h",
  "о": "o",
  "р": "p",
  "с": "c",
  "т": "t",
  "у": "y",
  "х": "x",
  "і": "i",
  "ї": "i",
  "ј": "j",
  "ѕ": "s",
  "ԁ": "d",
  "ԛ": "q",
  "ԝ": "w",
  "ɡ": "g",
  "ӏ": "l",
  "ɩ": "i",
  "ı": "i",
  "α": "a",
  "β": "b",
  "ε": "e",
  "ι": "i",
  "κ": "k",
  "ν": "v",
  "ο": "o",
  "ρ": "p",
  "τ": "t",
  "υ": "u",
  "χ": "x",
  "ω": "w",
  "0": "o",
  "1": "l",
  "3": "e",
  "5": "s",
  "7": "t",
  "8": "b",
  "!": "i",
  "|": "l",
  "$": "s",
  "@": "a",
};

/** Printable ASCII: what NFKD leaves as it is. */
const ASCII = /^[ -~]*$/;

/**
 * The "skeleton" of a name: NFKC, lower case, accents dropped, confusables
 * folded, "rn" read as "m", "vv" as "w", i/l merged, and everything but
 * letters removed. Two names with one skeleton look alike to a reader.
 */
export function skeleton(value: string): string {
  let out = "";
  // NFKD leaves ASCII as it is, and costs most of the time on the many names that are ASCII.
  const folded = ASCII.test(value) ? value : value.normalize("NFKD");
  for (const ch of folded.toLowerCase()) {
    const code = ch.charCodeAt(0);
    if (code >= 0x300 && code <= 0x36f) continue; // combining accents
    const mapped = CONFUSABLES[ch] ?? ch;
    if (mapped >= "a" && mapped <= "z") out += mapped;
  }
  return out.replaceAll("rn", "m").replaceAll("vv", "w").replaceAll("l", "i");
}

/** Levenshtein distance, or `max + 1` as soon as it must exceed `max` (cheap for short names). */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/** A short quote for evidence and mod-log lines: one line, at most `max` characters. */
export function quote(text: string, max = 120): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
