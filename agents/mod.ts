/** The registry: all 17 agents of the design, in pipeline order within each phase. */
import type { Agent, Phase } from "../core/agent.ts";
import { communityModerator } from "./monetization/community_moderator.ts";
import { foundationAgents } from "./foundation/mod.ts";
import { analytics } from "./audience/analytics.ts";
import { engagement } from "./audience/engagement.ts";
import { learningAgents } from "./learning/mod.ts";
import { imageGeneration } from "./audience/image_generation.ts";
import { contentRepurposing } from "./audience/content_repurposing.ts";
import { conversion } from "./monetization/conversion.ts";
import { exclusiveContent } from "./monetization/exclusive_content.ts";
import { onboarding } from "./monetization/onboarding.ts";

export const AGENTS: readonly Agent[] = [
  ...foundationAgents,
  engagement,
  analytics,
  imageGeneration,
  contentRepurposing,
  conversion,
  onboarding,
  exclusiveContent,
  communityModerator,
  ...learningAgents,
];

export function findAgent(name: string): Agent | undefined {
  return AGENTS.find((a) => a.name === name);
}

export function agentsOf(phase: Phase): Agent[] {
  return AGENTS.filter((a) => a.phase === phase);
}
