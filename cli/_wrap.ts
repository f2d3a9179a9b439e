/** Terminal text that fits: display widths (emoji and CJK take two columns) and word wrap. */

const ZERO_WIDTH = /[\p{M}\u200B-\u200D\uFE0E\uFE0F]/u;
const WIDE =
  /[\p{Extended_Pictographic}\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFF00-\uFF60\uFFE0-\uFFE6]/u;
/** Narrow pictographs that terminals draw in one column unless asked for emoji style. */
const NARROW = /[\u00A9\u00AE\u203C-\u2199\u2122\u2139]/u;

/** Columns a string takes in a terminal. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    if (ZERO_WIDTH.test(char)) continue;
    width += WIDE.test(char) && !NARROW.test(char) ? 2 : 1;
  }
  return width;
}

/** Breaks `text` into lines of at most `width` columns, at spaces where it can. */
export function wrap(text: string, width: number): string[] {
  return text.split("\n").flatMap((line) => wrapLine(line, width));
}

function wrapLine(line: string, width: number): string[] {
  if (displayWidth(line) <= width) return [line];
  const out: string[] = [];
  let current = "";
  for (const word of line.split(" ")) {
    const candidate = current ? `${current} ${word}` : word;
    if (displayWidth(candidate) <= width) {
      current = candidate;
      continue;
    }
    if (current) out.push(current);
    current = word;
    while (displayWidth(current) > width) {
      const [head, rest] = cut(current, width);
      out.push(head);
      current = rest;
    }
  }
  if (current) out.push(current);
  return out;
}

/**
 * `text` wrapped to `width` columns after `head` on its first line, the next
 * lines indented by `indent` (head's width when not given).
 */
export function hanging(head: string, text: string, width = 80, indent?: number): string[] {
  const pad = indent ?? displayWidth(head);
  const lead = head + " ".repeat(Math.max(0, pad - displayWidth(head)));
  const [first, ...rest] = wrap(text, width - displayWidth(lead));
  const tail = wrap(rest.join(" "), width - pad);
  return [lead + (first ?? ""), ...tail.filter(Boolean).map((line) => " ".repeat(pad) + line)];
}

/** The first `width` columns of a word too long for a line, and the rest. */
function cut(word: string, width: number): [string, string] {
  let head = "";
  for (const char of word) {
    if (displayWidth(head + char) > width) break;
    head += char;
  }
  return [head, word.slice(head.length)];
}

/** `text` cut to `width` columns with "…", or padded with `fill` up to it. */
export function fit(text: string, width: number, fill = " "): string {
  const used = displayWidth(text);
  if (used <= width) return text + fill.repeat(width - used);
  return cut(text, width - 1)[0] + "…";
}
