import assert from "node:assert/strict";
import type { RunOutcome } from "../core/runner.ts";
import { formatOutcomes, wrap } from "./outcomes.ts";

const outcome = (status: "ok" | "failed", text: string): RunOutcome => ({
  agent: "market-scanner",
  phase: "foundation",
  status,
  durationMs: 1234,
  read: 0,
  written: 0,
  summary: text,
  error: status === "failed" ? text : undefined,
});

Deno.test("formatOutcomes keeps every line within 80 columns and loses no word", () => {
  const reason = "Cannot reach binance: binance GET http://127.0.0.1:9/api/v3/exchangeInfo " +
    "fetch failed; check the network and CREATOR_EXCHANGE_BASE_URL (now http://127.0.0.1:9)";
  const text = formatOutcomes([outcome("failed", reason), outcome("ok", "3 symbols")], false);
  const lines = text.split("\n");
  for (const line of lines) assert.ok(line.length <= 80, `${line.length}: ${line}`);
  assert.match(lines[0], /^FAIL market-scanner\s+1\.23s$/);
  assert.equal(lines.slice(1, -1).map((l) => l.trim()).join(" "), reason);
  assert.match(lines.at(-1)!, /^ok {3}market-scanner\s+1\.23s {2}3 symbols$/);
});

Deno.test("formatOutcomes paints FAIL red only when asked", () => {
  const ESC = "\x1b";
  assert.ok(formatOutcomes([outcome("failed", "x")], true).startsWith(`${ESC}[31mFAIL${ESC}[0m`));
  assert.ok(!formatOutcomes([outcome("failed", "x")], false).includes(ESC));
});

Deno.test("wrap cuts a word longer than the line", () => {
  assert.deepEqual(wrap("ab abcdefgh c", 4), ["ab", "abcd", "efgh", "c"]);
});
