import assert from "node:assert/strict";
import { readTables } from "./_tables.ts";

Deno.test("readTables gives each cell its column's header", () => {
  assert.equal(
    readTables("Fear & Greed\n| Index | Now | Previous |\n|---|---|---|\n| F&G | 79 | 62 |\nend"),
    "Fear & Greed\nIndex, Now, Previous.\nIndex: F&G; Now: 79; Previous: 62.\nend",
  );
});

Deno.test("readTables leaves pipes that are not a table alone", () => {
  const line = "STRK | VOL 15M | 9.4M | 5x | close 0.1386";
  assert.equal(readTables(line), line);
});
