import type { Agent } from "../../core/agent.ts";
import type { Format, Platform } from "../../core/vocabulary.ts";
import { cooldownKey, type Insight } from "../../storage/insights.ts";
import { learnedChooser } from "./learned_choice.ts";
import { nextSlot, type SlotRules } from "./schedule.ts";

const HOUR = 3600_000;
/** Insights older than this are news no more and are not planned. */
const FRESH_FOR = 24 * HOUR;

/**
 * Picks the most important fresh insights and plans them per platform: format,
 * slot inside the posting windows, priority; respects daily caps and a cooldown
 * per (type, symbol) so one story is not told again within hours.
 */
export const contentStrategist: Agent = {
  name: "content-strategist",
  phase: "foundation",
  description:
    "Plans what to post where and when: formats, posting windows, daily caps, cooldowns.",
  async run(ctx) {
    const { store, clock, config, log } = ctx;
    const rules = config.planning;
    const now = clock.now();
    const candidates = await store.insights.unplanned(now - FRESH_FOR, rules.maxPerRun * 5);
    // Caps, spacing and cooldowns for the whole run: two queries, then kept in memory.
    const taken = await store.plans.scheduledByPlatform(now - 24 * HOUR, now + 72 * HOUR);
    const lastPlanned = await store.insights.plannedSince(now - rules.cooldownHours * HOUR);
    const full = new Set<Platform>();
    const learned = learnedChooser(await store.learning.arms(), config);
    let planned = 0, insightsPlanned = 0;
    const skipped: Record<string, number> = {};
    const skip = (why: string) => (skipped[why] = (skipped[why] ?? 0) + 1);

    for (const insight of candidates) {
      if (insightsPlanned >= rules.maxPerRun || full.size === rules.platforms.length) break;
      if (insight.importance < rules.minImportance) {
        skip("below minImportance");
        continue;
      }
      const key = cooldownKey(insight.type, insight.symbol);
      const last = lastPlanned.get(key);
      if (last !== undefined && now - last < rules.cooldownHours * HOUR) {
        skip("cooldown");
        continue;
      }
      let any = false;
      for (const platform of rules.platforms) {
        const slots = taken.get(platform) ?? [];
        const slotRules = {
          windows: rules.windows[platform],
          spacingMinutes: rules.spacingMinutes,
          dailyCap: rules.dailyCaps[platform],
        };
        const pick = learned(insight.id, insight.type, platform);
        const slot = full.has(platform)
          ? null
          : pick
          ? learnedSlot(now, slots, slotRules, pick.windows, config.learning.maxDelayHours)
          : nextSlot(now, slots, slotRules);
        if (slot === null) {
          full.add(platform);
          skip(`${platform} daily cap`);
          continue;
        }
        const added = await store.plans.add({
          insightId: insight.id,
          platform,
          format: pick?.format ?? chooseFormat(insight, platform),
          scheduledAt: slot,
          priority: insight.importance,
        }, now);
        if (added) taken.set(platform, [...slots, slot]);
        planned += added;
        any = true;
      }
      if (any) insightsPlanned++, lastPlanned.set(key, now);
    }
    const why = Object.entries(skipped).map(([k, n]) => `${n} ${k}`).join(", ");
    log.info(`${planned} plans for ${insightsPlanned} insights`, skipped);
    return {
      read: candidates.length,
      written: planned,
      summary: `${planned} posts planned from ${insightsPlanned} insights${
        why ? ` (skipped: ${why})` : ""
      }`,
    };
  },
};

/**
 * A slot in the learned hour bucket unless that delays the post by more than
 * `maxDelayHours` over the first free slot; caps and spacing hold either way.
 */
function learnedSlot(
  now: number,
  taken: number[],
  rules: SlotRules,
  windows: string[],
  maxDelayHours: number,
): number | null {
  const first = nextSlot(now, taken, rules);
  if (first === null) return null;
  const inBucket = nextSlot(now, taken, { ...rules, windows });
  return inBucket !== null && inBucket - first <= maxDelayHours * HOUR ? inBucket : first;
}

/** Many-number insights read better as an X thread; channels take one longer post. */
export function chooseFormat(insight: Insight, platform: Platform): Format {
  if (platform !== "x") return "channel_post";
  return insight.type === "top_movers" ? "thread" : "single";
}
