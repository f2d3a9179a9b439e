import { type Agent, type Phase } from "../core/agent.ts";
import { UsageError } from "../core/errors.ts";
import { runAgents } from "../core/runner.ts";
import { AGENTS, agentsOf, findAgent } from "../agents/mod.ts";
import { distance } from "../core/closest.ts";
import type { Source } from "../core/integrations.ts";
import { anyFailed, formatOutcomes } from "./outcomes.ts";
import type { Globals } from "./program.ts";
import { output, withSession } from "./session.ts";

export interface RunFlags {
  phase?: Phase;
  dryRun?: boolean;
  source?: Source;
  now?: boolean;
  breakerState?: string;
}

/** `creator run <agent...>`, `creator run --phase <phase>`, and the one-agent commands. */
export async function runCommand(g: Globals, names: string[], flags: RunFlags): Promise<void> {
  const agents = selectAgents(names, flags.phase);
  const code = await runAndReport(g, agents, flags);
  if (code) Deno.exitCode = code;
}

export function runAndReport(g: Globals, agents: Agent[], flags: RunFlags): Promise<number> {
  return withSession(
    g,
    {
      source: flags.source,
      dryRun: flags.dryRun,
      ignoreSchedule: flags.now,
      breakerState: flags.breakerState,
    },
    async ({ ctx }) => {
      const outcomes = await runAgents(agents, ctx);
      output(g, { outcomes }, () => formatOutcomes(outcomes));
      return anyFailed(outcomes) ? 1 : 0;
    },
  );
}

function selectAgents(names: string[], phase: Phase | undefined): Agent[] {
  if (names.length && phase) throw new UsageError("Give agents or --phase, not both.");
  if (phase) return agentsOf(phase);
  if (!names.length) {
    throw new UsageError("Name an agent (see `creator agents`) or pass --phase <phase>.");
  }
  return names.map(agentNamed);
}

function agentNamed(name: string): Agent {
  const agent = findAgent(name);
  if (agent) return agent;
  const near = AGENTS.map((a) => a.name).sort((a, b) => distance(name, a) - distance(name, b))[0];
  throw new UsageError(
    `Unknown agent "${name}". Did you mean "${near}"? \`creator agents\` lists all 17.`,
  );
}
