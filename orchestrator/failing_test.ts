import assert from "node:assert/strict";
import type { RunOutcome } from "../core/runner.ts";
import { failureTracker } from "./failing.ts";

const run = (agent: string, ok: boolean): RunOutcome => ({
  agent,
  phase: "foundation",
  status: ok ? "ok" : "failed",
  durationMs: 1,
  read: 0,
  written: 0,
  summary: "",
  error: ok ? undefined : `${agent} broke`,
});

Deno.test("failureTracker reports an agent only after N failures in a row, from the first", () => {
  const t = failureTracker();
  t.record([run("market-scanner", false), run("analysis", true)], 1000);
  t.record([run("market-scanner", false)], 2000);
  assert.deepEqual(t.failing(3), []);
  t.record([run("market-scanner", false)], 3000);
  assert.deepEqual(t.failing(3), [{
    agent: "market-scanner",
    failures: 3,
    since: 1000,
    lastError: "market-scanner broke",
  }]);
});

Deno.test("failureTracker forgets a streak once the agent succeeds", () => {
  const t = failureTracker();
  for (let i = 0; i < 5; i++) t.record([run("publishing", false)], i);
  t.record([run("publishing", true)], 9);
  assert.deepEqual(t.failing(1), []);
});
