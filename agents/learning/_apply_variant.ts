/**
 * Applying a variant to a plan before it is drafted: its format or its posting
 * hour change the plan; the style dimensions (opening, emoji, length, link,
 * chart) are read when the post is written, drawn and sent.
 */
import type { Context } from "../../core/agent.ts";
import type { Platform } from "../../core/vocabulary.ts";
import type { Experiment, Variant } from "../../storage/experiments.ts";
import type { Store } from "../../storage/mod.ts";
import { nextSlot } from "../foundation/schedule.ts";
import { windowsInBucket } from "./arms.ts";

const DAY = 86_400_000;

export interface AssignablePlan {
  id: number;
  platform: Platform;
  format: string;
  scheduledAt: number;
}

/**
 * Changes the plan as the variant says; false when it cannot (no free slot in
 * that hour within two days, under the caps and spacing), and the plan then
 * stays out of the test. Skips like this show up in the sample-ratio check.
 */
export async function applyVariant(
  ctx: Context,
  tx: Store,
  test: Experiment,
  plan: AssignablePlan,
  variant: Variant,
): Promise<boolean> {
  if (test.dimension === "format") {
    const format = variant.config.format;
    if (typeof format === "string" && format !== plan.format) {
      await tx.experiments.setPlanFormat(plan.id, format);
    }
    return true;
  }
  if (test.dimension === "chart") {
    // A chart drawn before the assignment comes off again.
    if (variant.config.chart === false) await tx.images.detach(plan.id);
    return true;
  }
  if (test.dimension !== "hour") return true;
  const hour = Number(variant.config.hour);
  if (new Date(plan.scheduledAt).getUTCHours() === hour) return true;
  const rules = ctx.config.planning;
  const now = ctx.clock.now();
  const taken = await tx.plans.scheduledBetween(plan.platform, now - DAY, now + 3 * DAY);
  const own = taken.indexOf(plan.scheduledAt);
  if (own >= 0) taken.splice(own, 1); // the plan's own slot is given up
  const windows = windowsInBucket(rules.windows[plan.platform], hour, 1);
  const slot = windows.length
    ? nextSlot(now, taken, {
      windows,
      spacingMinutes: rules.spacingMinutes,
      dailyCap: rules.dailyCaps[plan.platform],
    })
    : null;
  if (slot === null) return false;
  await tx.experiments.reschedulePlan(plan.id, slot);
  return true;
}
