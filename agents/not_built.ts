import type { Agent, Phase } from "../core/agent.ts";
import { NotImplementedError } from "../core/errors.ts";

const placeholders = new WeakSet<Agent>();

/** An agent of the design that is not built yet: it fails loudly, never fakes success. */
export function notBuilt(name: string, phase: Phase, description: string): Agent {
  const agent: Agent = {
    name,
    phase,
    description,
    run: () => Promise.reject(new NotImplementedError(`The ${name} agent`)),
  };
  placeholders.add(agent);
  return agent;
}

export function isBuilt(agent: Agent): boolean {
  return !placeholders.has(agent);
}
