import assert from "node:assert/strict";
import { parse } from "dotenv";
import { quickDotEnv } from "./dotenv_quick.ts";

Deno.test("every .env the quick reader takes, dotenv reads the same way", () => {
  const keys = ["A", "KEY_1", "x.y", "a-b", "export K", " K", "K ", "__proto__", "9K"];
  const seps = ["=", " = ", ": ", "= "];
  const values = [
    "",
    "v",
    "a b",
    "'q'",
    '"q"',
    "`q`",
    "a#b",
    "a #b",
    "x\\n",
    "=x",
    "https://discord.com/api/webhooks/1/a-b_c?x=1&y=2",
    "-100123",
    "@channel",
    "ü€",
    " v",
    "v ",
    "$HOME",
    "postgres://u:p@h:5432/d",
  ];
  const extras = ["", "# a comment", "  # indented comment", "# K=1", "\t", "K=1\r"];
  let seed = 7;
  // The LCG's high bits: its low bits repeat with a short period.
  const pick = <T>(xs: T[]) =>
    xs[Math.floor((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 * xs.length)];
  let taken = 0, declined = 0;
  for (let i = 0; i < 5000; i++) {
    const lines = Array.from(
      { length: 1 + (i % 4) },
      () => (pick([0, 1, 2, 3]) === 0 ? pick(extras) : `${pick(keys)}${pick(seps)}${pick(values)}`),
    );
    const text = lines.join("\n") + (i % 2 ? "\n" : "");
    const quick = quickDotEnv(text);
    if (quick === null) {
      declined++;
      continue;
    }
    taken++;
    assert.deepEqual(quick, { ...parse(text) }, JSON.stringify(text));
  }
  assert.ok(taken > 300 && declined > 300, `${taken} taken, ${declined} declined`);
});

Deno.test("the .env.example `creator init` writes is read without dotenv", () => {
  const example = Deno.readTextFileSync(new URL("../cli/templates/env.example", import.meta.url));
  const quick = quickDotEnv(example);
  assert.ok(quick);
  assert.deepEqual(quick, { ...parse(example) });
  assert.equal(quickDotEnv("K=1\nK=2\n"), null);
  assert.equal(quickDotEnv('K="a b"\n'), null);
});
