/**
 * Numbers that are not figures: thread markers ("1/3"), list indices,
 * keycaps and handles. A thread is often pasted whole into one post, so its
 * markers stand at the start of each line or sentence ("1/3 … 2/3 … 3/3"),
 * not only at the start of the part; a lone "3/12" there is still a date.
 */

// "1/3" opening a line or a sentence, or right after another marker ("1/2 1/3").
const MARKER = /(?<=^|\n|[.!?]\s|\/\d{1,2}\s)(\s*)(\d{1,2})\/(\d{1,2})(?=\s|$)/g;
// "(1/3)" closing a part.
const TRAILING = /\((\d{1,2})\/(\d{1,2})\)\s*$/;
const LIST_INDEX = /^(\s*)\d{1,2}[.)](?=\s|$)/gm;
// "… in 24h. 2. Precio anterior: …": a numbered item right after a sentence.
const AFTER_SENTENCE_INDEX = /(?<=[.!?]\s)\d{1,2}\.(?=\s\p{Lu})/gu;
// "1) start of the window: … 2) latest close: …": a numbered list run into one line.
const INLINE_INDEX = /(?<=(?:^|[\s:])(?:\p{Extended_Pictographic}\s?)?)\d{1,2}\)(?=\s\p{L})/gu;
// "Day 3 of logging moves:", "Day 12:": a diary's day counter, not a figure of the market.
// "Day 24 of this streak" is a claim about history and stays a figure.
const DAY_COUNTER =
  /(?<=^|\n|[.!?]\s|\d\/\d{1,2}\s)((?:Day|Step|Schritt|Paso|Passo|Étape|Шаг|Krok|Adım|Bước)\s)(\d{1,3})(?=\s?:|\s+recap\b|\s+of\s+(?:logging|watching|tracking|posting|my|our)\b)/gu;
// "3 takeaways on sentiment:", "in 6 short parts": the size of the post's own list.
const LIST_SIZE =
  /\b\d{1,2}(?=\s+(?:quick\s+|short\s+|key\s+)?(?:takeaways|things|reasons|parts|lessons|bullets|tips)\b)/g;
// Acronyms that carry a digit: "ELI5", "Web3", "P2P", "24/7".
const ACRONYM = /\b(?:ELI5|Web3|web3|P2P|B2B|24\/7)\b/g;
// "0:00 Intro / 0:48 The candle": a video's chapters, two or more lines that open with a time.
const CHAPTER = /(?<=^|\n|[.!?:]\s)(\s*)\d{1,2}:\d{2}(?::\d{2})?(?=\s+\p{L})/gu;
// "1/ ALICE, 1h window … \n2/ Started at …": a thread numbered without its total.
const OPEN_MARKER = /(?<=^|\n|[.!?]\s|\d\/\d{1,2}\s)([ \t]*)\d{1,2}\/(?=[ \t])/g;
const KEYCAP = /\d\uFE0F?\u20E3/gu;
// "@sam1": a handle's digits are part of its name (email addresses are links, found before).
const HANDLE = /(?<![\w@.])@\w{1,30}/g;

interface Marker {
  start: number;
  end: number;
  index: number;
  count: number;
}

/**
 * `text` with its non-figure numbers blanked, every other character where it was. `runs` are
 * the thread counts the draft's other parts go on with: a thread pasted whole may be split
 * across the parts of a thread ("1/2 … 1/3 …" then "2/2 2/3 … 3/3 …").
 */
export function maskMarkers(text: string, runs: ReadonlySet<number> = new Set()): string {
  let masked = text.replace(KEYCAP, " ").replace(LIST_INDEX, "$1 ")
    .replace(LIST_SIZE, (m) => " ".repeat(m.length)).replace(ACRONYM, (m) => " ".repeat(m.length))
    .replace(DAY_COUNTER, (_m, day: string, n: string) => day + " ".repeat(n.length));
  // Each item of a list run into one line is a clause of its own.
  if ((masked.match(INLINE_INDEX) ?? []).length >= 2) {
    masked = masked.replace(INLINE_INDEX, (m) => ";" + " ".repeat(m.length - 1));
  }
  masked = masked
    .replace(HANDLE, (h) => " ".repeat(h.length));
  for (const m of threadMarkers(masked, runs)) masked = blank(masked, m.start, m.end);
  // Once "1/2" is gone, "1/2 1/ ALICE" opens with the inner thread's own marker.
  if (/^\s*\d{1,2}\/[ \t]/.test(masked) || (masked.match(OPEN_MARKER) ?? []).length >= 2) {
    masked = masked.replace(
      OPEN_MARKER,
      (m, lead: string) => lead + " ".repeat(m.length - lead.length),
    );
  }
  // A list item may open a line only once the thread marker before it is gone ("2/2 2) …").
  masked = masked.replace(LIST_INDEX, (m) => " ".repeat(m.length))
    .replace(AFTER_SENTENCE_INDEX, (m) => " ".repeat(m.length));
  if ((masked.match(CHAPTER) ?? []).length >= 2) {
    masked = masked.replace(
      CHAPTER,
      (m, lead: string) => lead + " ".repeat(m.length - lead.length),
    );
  }
  const trailing = TRAILING.exec(masked);
  if (trailing && inRange(Number(trailing[1]), Number(trailing[2]))) {
    masked = blank(masked, trailing.index, trailing.index + trailing[0].trimEnd().length);
  }
  return masked;
}

/**
 * The thread markers of a part: the one opening it, any right after another
 * marker, and those opening a line or sentence when at least two of them, in
 * this part or in the draft's other parts (`runs`), count the same thread
 * (same total, different places in it).
 */
function threadMarkers(text: string, runs: ReadonlySet<number>): Marker[] {
  const candidates = chain(text);
  if (candidates.length === 0) return candidates;
  const mine = countsWithRun([candidates]);
  const accepted: Marker[] = [];
  for (const c of candidates) {
    const opening = text.slice(0, c.start).trim() === "";
    const follows = accepted.length > 0 && text.slice(accepted.at(-1)!.end, c.start).trim() === "";
    if (opening || follows || mine.has(c.count) || runs.has(c.count)) accepted.push(c);
  }
  return accepted;
}

/** Thread counts two or more candidate markers of `texts` share, at different places in it. */
export function threadRuns(texts: readonly string[]): Set<number> {
  return countsWithRun(texts.map(chain));
}

function countsWithRun(lists: Marker[][]): Set<number> {
  const byCount = new Map<number, Set<number>>();
  for (const c of lists.flat()) {
    byCount.set(c.count, (byCount.get(c.count) ?? new Set()).add(c.index));
  }
  return new Set([...byCount].filter(([, indices]) => indices.size >= 2).map(([count]) => count));
}

/** Candidate markers in order, each within its thread's count. */
function chain(text: string): Marker[] {
  const out: Marker[] = [];
  for (const m of text.matchAll(MARKER)) {
    const [index, count] = [Number(m[2]), Number(m[3])];
    if (!inRange(index, count)) continue;
    const start = m.index! + m[1].length;
    out.push({ start, end: m.index! + m[0].length, index, count });
  }
  return out;
}

const inRange = (index: number, count: number) => index >= 1 && index <= count;

const blank = (text: string, start: number, end: number) =>
  text.slice(0, start) + " ".repeat(end - start) + text.slice(end);
