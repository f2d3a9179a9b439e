import assert from "node:assert/strict";
import { AGENT_NAMES } from "../core/vocabulary.ts";
import { CATALOG } from "./catalog.ts";
import { AGENTS } from "./mod.ts";
import { isBuilt } from "./not_built.ts";

Deno.test("the catalog lists every registered agent with its phase, purpose and build state", () => {
  assert.deepEqual(
    CATALOG.map((a) => ({ ...a })),
    AGENTS.map((a) => ({
      name: a.name,
      phase: a.phase,
      description: a.description,
      built: isBuilt(a),
    })),
  );
});

Deno.test("the catalog and the vocabulary name the same agents in the same order", () => {
  assert.deepEqual(CATALOG.map((a) => a.name), [...AGENT_NAMES]);
});
