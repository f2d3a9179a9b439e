import assert from "node:assert/strict";
import { cleanLine, stripControls, terminalSafeJson } from "./clean_text.ts";

Deno.test("stripControls removes colour, cursor, title and hyperlink escapes but keeps lines and tabs", () => {
  const hostile = "a\x1b[31mred\x1b[0m\x1b[2J\x1b]0;owned\x07b\x1b]8;;http://x\x1b\\link" +
    "\x1b]8;;\x1b\\\tc\nd\x9b31me\x07\x00\x7f\u202eevil";
  assert.equal(stripControls(hostile), "aredblink\tc\ndeevil");
});

Deno.test("stripControls leaves ordinary text, accents and emoji alone", () => {
  const text = "BTC/USDT up 3.2% — Ça monte 🚀\nNext line";
  assert.equal(stripControls(text), text);
});

Deno.test("cleanLine makes one short line of a long hostile value", () => {
  assert.equal(cleanLine("  Extreme\n\x1b[1mGreed\x1b[0m  "), "Extreme Greed");
  assert.equal(cleanLine("x".repeat(10_000_000), 20), "x".repeat(19) + "…");
  // Escapes beyond the part read are never reached, so none can survive the cut.
  assert.equal(cleanLine("ab" + "\x1b[31m".repeat(1_000_000), 5), "ab…");
  assert.equal(cleanLine("abc", 3), "abc");
  assert.equal(cleanLine("abcd", 3), "ab…");
});

Deno.test("terminalSafeJson writes what JSON leaves raw as escapes, and the data reads back the same", () => {
  const value = { text: "a\x1b[2Jb\x9b31mc\u202ed\u2066e\x7f" };
  const json = terminalSafeJson(JSON.stringify(value));
  // deno-lint-ignore no-control-regex -- finding control characters is the point
  assert.doesNotMatch(json, /[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
  assert.deepEqual(JSON.parse(json), value);
});

Deno.test("random text comes out clean, and text without controls comes out as it went in", () => {
  // What no cleaned text may hold, whichever path cleaned it.
  // deno-lint-ignore no-control-regex -- control characters are the point
  const controls = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;
  // deno-lint-ignore no-control-regex -- as above
  const lineControls = /[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;
  const alphabet = [
    "a",
    "Z",
    "7",
    " ",
    "  ",
    "\t",
    "\n",
    "\r",
    "\u00a0",
    "\u2003",
    "\u3000",
    "\x1b[31m",
    "\x1b]0;t\x07",
    "\x9b",
    "\x00",
    "\x7f",
    "\u202e",
    "\u2067",
    "é",
    "🚀",
    "—",
  ];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < 5_000; i++) {
    const parts = Array.from(
      { length: Math.floor(next() * 8) },
      () => alphabet[Math.floor(next() * alphabet.length)],
    );
    const text = parts.join("");
    const stripped = stripControls(text);
    assert.equal(stripped.match(controls), null, JSON.stringify(text));
    const line = cleanLine(text);
    assert.equal(line, cleanLine(line), JSON.stringify(text));
    assert.equal(line.match(lineControls), null, JSON.stringify(text));
    assert.ok(!/\s\s|[^\S ]|^\s|\s$/.test(line), JSON.stringify([text, line]));
    if (!controls.test(text)) assert.equal(stripped, text);
    controls.lastIndex = 0;
  }
});
