import assert from "node:assert/strict";
import { normalize } from "./_normalize.ts";

Deno.test("normalize folds styled, full-width and other-script digits to ASCII", () => {
  assert.equal(normalize("\u{1D7CF}\u{1D7D0}.\u{1D7D1}%"), "12.3%");
  assert.equal(normalize("\uFF11\uFF12\uFF05"), "12%");
  assert.equal(normalize("\u0661\u0662"), "12");
  assert.equal(normalize("\u0967\u0968"), "12");
});

Deno.test("normalize turns dashes into minus signs and drops invisible characters", () => {
  assert.equal(normalize("\u20135.2% and \u22123.1%"), "-5.2% and -3.1%");
  assert.equal(normalize("9\u200B4,401"), "94,401");
  assert.equal(normalize("NEAR \u2013 12.3% and (- 5 percent)"), "NEAR -12.3% and (-5%)");
  assert.equal(normalize("BTC \u2014 94,401 \u2013 up"), "BTC - 94,401 - up");
});

Deno.test("normalize reads numbers in words but leaves a lone 'one' alone", () => {
  assert.equal(normalize("up fifteen percent"), "up 15%");
  assert.equal(normalize("twelve point three per cent"), "12.3%");
  assert.equal(normalize("two hundred and five"), "205");
  assert.equal(normalize("this one can't lose"), "this one can't lose");
  assert.equal(normalize("one percent"), "1%");
  assert.equal(normalize("the third spike"), "the 3rd spike");
  assert.equal(normalize("52¢"), "52 cents");
});
