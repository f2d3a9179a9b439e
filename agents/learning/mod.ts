/** The learning phase, in loop order. */
import type { Agent } from "../../core/agent.ts";
import { abTesting } from "./ab_testing.ts";
import { feedbackLoop } from "./feedback_loop.ts";
import { performanceAnalytics } from "./performance_analytics.ts";
import { strategyTuning } from "./strategy_tuning.ts";

export const learningAgents: Agent[] = [
  abTesting,
  strategyTuning,
  performanceAnalytics,
  feedbackLoop,
];
