import type { Agent } from "../../core/agent.ts";
import { analysis } from "./analysis.ts";
import { contentCreation } from "./content_creation.ts";
import { contentStrategist } from "./content_strategist.ts";
import { marketScanner } from "./market_scanner.ts";
import { publishing } from "./publishing.ts";

/** Phase 1 in pipeline order: each stage reads what the one before stored. */
export const foundationAgents: readonly Agent[] = [
  marketScanner,
  analysis,
  contentStrategist,
  contentCreation,
  publishing,
];
