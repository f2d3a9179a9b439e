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
