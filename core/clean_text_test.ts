import assert from "node:assert/strict";
import { cleanLine, stripControls } from "./clean_text.ts";

Deno.test("stripControls removes colour, cursor, title and hyperlink escapes but keeps lines and tabs", () => {
  const hostile = "a\x1b[31mred\x1b[0m\x1b[2J\x1b]0;owned\x07b\x1b]8;;http://x\x1b\\link" +
    "\x1b]8;;\x1b\\\tc\nd\x9b31me\x07\x00\x7f\u202eevil";
  assert.equal(stripControls(hostile), "aredblink\tc\ndeevil");
});

Deno.test("stripControls leaves ordinary text, accents and emoji alone", () => {
  const text = "BTC/USDT up 3.2% — Ça monte 🚀\nNext line";
  assert.equal(stripControls(text), text);
});

Deno.test("cleanLine makes one short line of a long hostile value without reading all of it", () => {
  assert.equal(cleanLine("  Extreme\n\x1b[1mGreed\x1b[0m  "), "Extreme Greed");
  const huge = "x".repeat(10_000_000);
  const started = performance.now();
  const line = cleanLine(huge, 20);
  assert.ok(performance.now() - started < 50, "a huge value is cut before it is scanned");
  assert.equal(line, "x".repeat(19) + "…");
  assert.equal(cleanLine("abc", 3), "abc");
  assert.equal(cleanLine("abcd", 3), "ab…");
});
