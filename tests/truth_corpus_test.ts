/**
 * The truth guard against the tuning half of the truth corpus. The held-out
 * half is only measured (`deno task bench 8`), never asserted on, so no test
 * pressure leaks into it.
 */
import assert from "node:assert/strict";
import { buildCorpus } from "./fixtures/truth/corpus.ts";
import { score } from "./fixtures/truth/score.ts";

const corpus = await buildCorpus("tuning");

Deno.test("the tuning corpus covers every category with hundreds of drafts", () => {
  const categories = new Set(corpus.map((c) => c.category));
  for (
    const wanted of [
      "planted: direction words",
      "planted: dash as minus sign",
      "planted: number in words",
      "planted: number glued to CJK",
      "planted: wrong asset",
      "planted: past stated as current",
      "planted: units: bps",
      "planted: approximation not worded as one",
      "planted: prediction or promise",
      "planted: hidden link",
      "planted: wallet address",
      "planted: date or time",
      "planted: wrong window",
      "planted: direction synonym",
      "planted: spaced dash as minus sign",
      "planted: month-name date",
      "planted: prediction (grammar)",
      "planted: hidden link (newer forms)",
      "clean: direction synonym",
      "clean: spaced dash as minus sign",
      "clean: span in words",
      "clean: past wording",
      "clean: conditional analysis",
      "clean: worded approximation",
      "clean: cents",
      "clean: headline timeframe",
      "clean: template writer",
    ]
  ) assert.ok(categories.has(wanted), wanted);
  assert.ok(corpus.filter((c) => c.expect === "fail").length >= 1000);
  assert.ok(corpus.filter((c) => c.expect === "pass").length >= 300);
});

Deno.test("the guard passes every clean draft of the first nine tuning sets, of t to z and of ad, ae, ag, al to ap, ar, at to az, bb and bc, 95% of the half, and catches 99% of planted errors", () => {
  const result = score(corpus);
  const wronglyRejected = result.misses.filter((m) => m.case.expect === "pass");
  // Sets j to s, aa to ac, af, ah to ak, aq, as and ba still hold wordings the guard refuses; the
  // first nine, t to z, ad, ae, ag, al to ap, ar, at to az, bb and bc are passed whole, so a change
  // that breaks any of them fails here. The half's rates are held at what they are, so a change
  // that loses ground anywhere fails too.
  const latest = [
    "tuning j",
    "tuning k",
    "tuning l",
    "tuning m",
    "tuning n",
    "tuning o",
    "tuning p",
    "tuning q",
    "tuning r",
    "tuning s",
    "tuning aa",
    "tuning ab",
    "tuning ac",
    "tuning af",
    "tuning ah",
    "tuning ai",
    "tuning aj",
    "tuning ak",
    "tuning aq",
    "tuning as",
    "tuning ba",
  ];
  const older = wronglyRejected.filter((m) => !latest.includes(m.case.set));
  assert.deepEqual(older.map((m) => `${m.case.id}: ${m.reason}`), [], "clean drafts rejected");
  assert.ok(
    wronglyRejected.length / result.clean <= 0.05,
    `rejected ${wronglyRejected.length} of ${result.clean} clean drafts`,
  );
  assert.ok(
    result.caught / result.planted >= 0.99,
    `caught ${result.caught} of ${result.planted}`,
  );
});
