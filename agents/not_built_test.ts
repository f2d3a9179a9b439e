import assert from "node:assert/strict";
import { fixedClock } from "../core/clock.ts";
import { ConfigSchema } from "../core/config_schema.ts";
import { createContext } from "../core/context.ts";
import { runAgent } from "../core/runner.ts";
import { openStore } from "../storage/mod.ts";
import { isBuilt, notBuilt } from "./not_built.ts";

Deno.test("an agent that is not built yet fails clearly and is logged", async () => {
  const dir = await Deno.makeTempDir({ prefix: "creator-test-" });
  const store = await openStore(`${dir}/creator.db`);
  try {
    const agent = notBuilt("future-agent", "learning", "Not written yet.");
    assert.equal(isBuilt(agent), false);
    const ctx = createContext({ config: ConfigSchema.parse({}), store, clock: fixedClock(0) });
    const outcome = await runAgent(agent, ctx);
    assert.equal(outcome.status, "failed");
    assert.equal(outcome.notImplemented, true);
    assert.match(outcome.error ?? "", /The future-agent agent is not implemented yet/);
    const logs = await store.logs.query({ agent: "future-agent", level: "error", limit: 10 });
    assert.match(logs[0].message, /future-agent failed: The future-agent agent is not implemented/);
  } finally {
    await store.close();
    await Deno.remove(dir, { recursive: true });
  }
});
