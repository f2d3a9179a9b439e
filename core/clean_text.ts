/**
 * Text from outside (feeds, exchanges, platform updates, config) is cleaned
 * once where it comes in, and everything we print is made safe for a
 * terminal again on the way out, since one path in may have been missed.
 */

// ESC-introduced sequences: CSI (ESC [ ... final), OSC/DCS/SOS/PM/APC strings up
// to BEL or ST, and two-byte escapes. The 8-bit C1 forms (CSI U+009B, OSC U+009D)
// are covered too, since some terminals still act on them.
const ESCAPES =
  // deno-lint-ignore no-control-regex -- matching control characters is the point
  /(?:\x1b\[|\x9b)[\x20-\x3f]*[\x40-\x7e]?|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?|\x1b[\x20-\x7e]?/g;
// C0 controls but tab and newline, DEL, C1 controls, and the bidi overrides that
// make text read differently from what it holds.
// deno-lint-ignore no-control-regex -- as above
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;
// deno-lint-ignore no-control-regex -- as above
const LINE_CONTROLS = /[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;
// Whatever the rewrites below would change: every escape starts with a control character. Most
// text has none, and one test costs a fraction of the rewrites (10,000 mentions a run).
// deno-lint-ignore no-control-regex -- as above
const HAS_CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;
// deno-lint-ignore no-control-regex -- as above
const NOT_ONE_LINE = /[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|[^\S ]| {2}|^ | $/;

/** Removes terminal escape sequences and control characters; keeps tabs and newlines. */
export function stripControls(text: string): string {
  if (!HAS_CONTROLS.test(text)) return text;
  return text.replace(ESCAPES, "").replace(CONTROLS, "");
}

/**
 * One line of outside text: escapes and controls gone (a newline becomes a
 * space), whitespace collapsed, and at most `maxChars` characters, with "…"
 * when cut. Cutting happens first, so a huge value costs no more than the cap.
 */
export function cleanLine(text: string, maxChars = 1_000): string {
  if (text.length <= maxChars && !NOT_ONE_LINE.test(text)) return text;
  const head = text.length > maxChars * 4 ? text.slice(0, maxChars * 4) : text;
  const clean = head.replace(ESCAPES, "").replace(LINE_CONTROLS, " ").replace(/\s+/g, " ")
    .trim();
  return clean.length > maxChars || head !== text
    ? `${clean.slice(0, Math.max(0, maxChars - 1)).trimEnd()}…`
    : clean;
}

/** For anything about to reach a terminal: the same as stripControls, colour codes included. */
export const terminalSafe = stripControls;

// What JSON.stringify leaves raw that a terminal may still act on: DEL, C1 controls, bidi overrides.
const JSON_RAW = /[\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON text made safe for a terminal without changing its data: what
 * JSON.stringify leaves raw (it escapes only C0 controls) becomes \u escapes.
 */
export function terminalSafeJson(json: string): string {
  return json.replace(JSON_RAW, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
