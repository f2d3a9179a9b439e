/**
 * What `creator agents` and `creator status` show about each agent: name,
 * phase, purpose and whether it is built. Plain data, so listing the agents
 * loads no agent code, no SDK and no twitter-text. agents/mod.ts holds the
 * runnable agents; catalog_test.ts keeps the two in step.
 */
import type { Phase } from "../core/agent.ts";
import type { AgentName } from "../core/vocabulary.ts";

export interface AgentInfo {
  name: AgentName;
  phase: Phase;
  description: string;
  built: boolean;
}

const built = (name: AgentName, phase: Phase, description: string): AgentInfo => ({
  name,
  phase,
  description,
  built: true,
});

export const CATALOG: readonly AgentInfo[] = [
  built(
    "market-scanner",
    "foundation",
    "Scans exchange prices and volume (ccxt), news feeds and market sentiment.",
  ),
  built(
    "analysis",
    "foundation",
    "Finds insights: moves, volume spikes, RSI extremes, MA crosses, breakouts, sentiment shifts.",
  ),
  built(
    "content-strategist",
    "foundation",
    "Plans what to post where and when: formats, posting windows, daily caps, cooldowns.",
  ),
  built(
    "content-creation",
    "foundation",
    "Writes drafts with Claude (or templates without a key) and checks every number.",
  ),
  built(
    "publishing",
    "foundation",
    "Publishes due posts to X, Telegram and Discord exactly once; dry-run previews.",
  ),
  built("engagement", "audience", "Answers mentions and replies on X, Telegram and Discord."),
  built("analytics", "audience", "Collects metrics of published posts."),
  built("image-generation", "audience", "Renders charts and visuals for chart posts."),
  built("content-repurposing", "audience", "Turns one insight into many formats."),
  built("conversion", "monetization", "Offers the paid membership to engaged followers."),
  built(
    "onboarding",
    "monetization",
    "Turns a Stripe subscription into private channel access.",
  ),
  built("exclusive-content", "monetization", "Writes and posts premium content for members."),
  built(
    "community-moderator",
    "monetization",
    "Moderates the Discord server and the Telegram group: scams, phishing, raids.",
  ),
  built(
    "ab-testing",
    "learning",
    "Runs A/B tests of post formats, hours and styles; concludes them by the stopping rule.",
  ),
  built(
    "strategy-tuning",
    "learning",
    "Tunes planning from what performed (Thompson sampling over format x hour).",
  ),
  built(
    "performance-analytics",
    "learning",
    "Daily performance series per platform: posts, reach, engagement, run health.",
  ),
  built(
    "feedback-loop",
    "learning",
    "Runs performance, experiments, tuning and lessons in order; audits every change.",
  ),
];
