/**
 * Telegram's HTML parse mode for the Telegram fake: the tags it supports, its entities, and
 * its refusals ("can't parse entities") for anything else. A message's length, like a
 * caption's, is counted on the text a reader sees, which is also what it answers with.
 */

/** Tags the Bot API documents for parse_mode HTML (without attributes; `a` needs href). */
const TAGS = new Set([
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "code",
  "pre",
  "tg-spoiler",
  "blockquote",
]);
const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

/** The text a reader sees, or the Bot API's description of why the markup was refused. */
export function parseHtml(html: string): { text: string } | { error: string } {
  const open: string[] = [];
  let text = "";
  const refuse = (why: string, at: number) => ({
    error: `Bad Request: can't parse entities: ${why} at byte offset ${
      new TextEncoder().encode(html.slice(0, at)).length
    }`,
  });
  for (let i = 0; i < html.length;) {
    const c = html[i];
    if (c === "<") {
      const tag = html.slice(i).match(/^<(\/?)([a-z-]+)>/);
      if (!tag || !TAGS.has(tag[2])) return refuse(`Unsupported start tag "${tag?.[2] ?? ""}"`, i);
      if (tag[1]) {
        if (open.pop() !== tag[2]) return refuse(`Unmatched end tag "${tag[2]}"`, i);
      } else open.push(tag[2]);
      i += tag[0].length;
    } else if (c === "&") {
      const entity = html.slice(i).match(/^&(#\d+|[a-z]+);/);
      const named = entity && ENTITIES[entity[1]];
      const numeric = entity?.[1].startsWith("#") &&
        String.fromCodePoint(Number(entity[1].slice(1)));
      if (!named && !numeric) return refuse("Unsupported HTML entity", i);
      text += named || numeric;
      i += entity![0].length;
    } else {
      text += c;
      i++;
    }
  }
  if (open.length) {
    return refuse(`Can't find end tag corresponding to start tag "${open[0]}"`, html.length);
  }
  return { text };
}

/** The text as the fake stores and answers it, with the markup it came in. */
export function readText(
  given: string,
  parseMode: unknown,
): { text: string; html?: string } | { error: string } {
  if (parseMode === undefined) return { text: given };
  if (parseMode !== "HTML") return { error: `Bad Request: unsupported parse_mode "${parseMode}"` };
  const parsed = parseHtml(given);
  return "error" in parsed ? parsed : { text: parsed.text, html: given };
}
