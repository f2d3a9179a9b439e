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
const planned = (name: AgentName, phase: Phase, description: string): AgentInfo => ({
  name,
  phase,
  description,
  built: false,
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
  planned("image-generation", "audience", "Renders charts and visuals for chart posts."),
  planned("content-repurposing", "audience", "Turns one insight into many formats."),
  built("conversion", "monetization", "Offers the paid membership to engaged followers."),
  built(
    "onboarding",
    "monetization",
    "Turns a Stripe subscription into private channel access.",
  ),
  built("exclusive-content", "monetization", "Writes and posts premium content for members."),
  planned("community-moderator", "monetization", "Moderates the Discord community."),
  planned("ab-testing", "learning", "Runs A/B tests of formats, times and voices."),
  planned("strategy-tuning", "learning", "Tunes planning from what performed."),
  planned("performance-analytics", "learning", "Reports what performed, by type and platform."),
  planned("feedback-loop", "learning", "Coordinates the learning agents' changes."),
];
