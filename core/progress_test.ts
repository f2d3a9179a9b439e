import assert from "node:assert/strict";
import { createProgress } from "./progress.ts";

Deno.test("progress in lines mode prints a start, at most ten steps and an end for long work", () => {
  const out: string[] = [];
  const bar = createProgress("lines", (s) => out.push(s)).start("candles", 100);
  for (let i = 0; i < 100; i++) bar.tick();
  bar.done();
  assert.equal(out[0], "candles: 0/100\n");
  assert.ok(out.length >= 2 && out.length <= 12, `${out.length} lines`);
  assert.match(out.at(-1)!, /^candles: (100\/100 done|100\/100 \(100%\))\n$/);
  assert.ok(out.every((line) => !line.includes("\r")), "no carriage returns in logs");
});

Deno.test("progress in lines mode stays quiet for short work, and off mode prints nothing", () => {
  const out: string[] = [];
  const short = createProgress("lines", (s) => out.push(s)).start("candles", 5);
  short.tick(5);
  short.done();
  const off = createProgress("off", (s) => out.push(s)).start("candles", 500);
  off.tick(500);
  off.done();
  assert.deepEqual(out, []);
});
