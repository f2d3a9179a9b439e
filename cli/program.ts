import { rootCommand } from "./_command_kit.ts";
import { addAudienceCommands } from "./commands/audience.ts";
import { addLearningCommands } from "./commands/learning.ts";
import { addMembershipsCommands } from "./commands/memberships.ts";
import { addModerationCommands } from "./commands/moderation.ts";
import { addOperationsCommands } from "./commands/operations.ts";
import { addPipelineCommands } from "./commands/pipeline.ts";

/** Options every command accepts; read with `cmd.optsWithGlobals()`. */
export interface Globals {
  db?: string;
  config?: string;
  json?: boolean;
  verbose?: boolean;
  quiet?: boolean;
}

/** The command table; each action loads its command module only when it runs. */
export function buildProgram() {
  const program = rootCommand();

  // Grouped as the product is: the pipeline, then each phase's own commands,
  // then running and upkeep. Each group loads its command code only when run.
  addPipelineCommands(program);
  addAudienceCommands(program);
  addMembershipsCommands(program);
  addModerationCommands(program);
  addLearningCommands(program);
  addOperationsCommands(program);
  return program;
}
