import assert from "node:assert/strict";
import { readTables } from "./_tables.ts";

Deno.test("readTables gives each cell its column's header", () => {
  assert.equal(
    readTables("Fear & Greed\n| Index | Now | Previous |\n|---|---|---|\n| F&G | 79 | 62 |\nend"),
    "Fear & Greed\nIndex, Now, Previous.\nIndex: F&G; F&G Now: 79; F&G Previous: 62.\nend",
  );
});

Deno.test("readTables leaves pipes that are not a table alone", () => {
  const line = "STRK | VOL 15M | 9.4M | 5x | close 0.1386";
  assert.equal(readTables(line), line);
});

Deno.test("readTables reads CSV lines under a header of names, and leaves sentences alone", () => {
  assert.equal(
    readTables("pair;tf;from close;to close\nTRX/USDT;1H;0.2411;0.2534"),
    "pair, tf, from close, to close.\npair: TRX/USDT; tf: 1H; from close: 0.2411; to close: 0.2534.",
  );
  const prose = "BTC rose on the day, ETH fell back hard, SOL went nowhere at all\nup, down, flat";
  assert.equal(readTables(prose), prose);
});
