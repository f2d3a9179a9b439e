import assert from "node:assert/strict";
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
