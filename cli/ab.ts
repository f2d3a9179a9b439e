import { compare } from "../agents/learning/stats/mod.ts";
import { FORMATS_BY_PLATFORM, windowsInBucket } from "../agents/learning/arms.ts";
import { UsageError } from "../core/errors.ts";
import type { Platform } from "../core/vocabulary.ts";
import type { Dimension, Experiment, ExperimentMetric } from "../storage/experiments.ts";
import type { Globals } from "./program.ts";
import { output, withSession } from "./session.ts";
import { renderComparison, renderExperiment } from "./ab_render.ts";

/** Dimensions whose variants the pipeline applies today, to the plan at assignment. */
const APPLIED: readonly Dimension[] = ["format", "hour"];

export interface StartFlags {
  dimension: Dimension;
  variants: string[];
  platform?: Platform;
  metric: ExperimentMetric;
  minSample?: number;
}

/** `creator ab list` */
export function abList(g: Globals): Promise<void> {
  return withSession(g, {}, async ({ ctx }) => {
    const tests = await ctx.store.experiments.list();
    output(
      g,
      { tests },
      () =>
        tests.length
          ? tests.map((t) =>
            `${t.name.padEnd(24)} ${t.status.padEnd(10)} ${t.dimension.padEnd(7)} ${
              t.platform ?? "all"
            }  ${t.variants.map((v) => v.name).join(" vs ")}`
          ).join("\n")
          : "no experiments yet: start one with `creator ab start`",
    );
  });
}

/** `creator ab show <name>` */
export function abShow(g: Globals, name: string): Promise<void> {
  return withSession(g, {}, async ({ ctx }) => {
    const test = await find(ctx.store.experiments.byName(name), name);
    const assigned = await ctx.store.experiments.assignmentCounts(test.id);
    output(
      g,
      { test, assigned: Object.fromEntries(assigned) },
      () => renderExperiment(test, assigned),
    );
  });
}

/** `creator ab start <name>` */
export function abStart(g: Globals, name: string, flags: StartFlags): Promise<void> {
  if (!APPLIED.includes(flags.dimension)) {
    throw new UsageError(
      `Cannot start a test of "${flags.dimension}": drafts do not apply such variants yet; ` +
        `dimensions applied today: ${APPLIED.join(", ")}.`,
    );
  }
  const configs = flags.variants.map((v) => variantConfig(name, flags, v));
  return withSession(g, {}, async ({ ctx }) => {
    if (await ctx.store.experiments.byName(name)) {
      throw new UsageError(`An experiment named "${name}" exists: pick another name.`);
    }
    if (flags.dimension === "hour") {
      checkHours(name, configs, ctx.config.planning.windows[flags.platform!]);
    }
    const id = await ctx.store.experiments.create({
      name,
      dimension: flags.dimension,
      platform: flags.platform ?? null,
      metric: flags.metric,
      minSample: flags.minSample ??
        (flags.metric === "engagement_rate_24h"
          ? ctx.config.learning.abMinSample
          : ctx.config.learning.abMinPosts),
      variants: flags.variants.map((v, i) => ({
        name: v,
        isControl: i === 0,
        weight: 1,
        config: configs[i],
      })),
    }, ctx.clock.now());
    output(
      g,
      { id, name },
      () =>
        `started "${name}": ${flags.variants[0]} (control) vs ${
          flags.variants.slice(1).join(", ")
        }; ` +
        "ab-testing assigns new plans from now on",
    );
  });
}

/** `creator ab stop <name>`: ends a running test by hand, with no winner. */
export function abStop(g: Globals, name: string): Promise<void> {
  return withSession(g, {}, async ({ ctx }) => {
    const test = await find(ctx.store.experiments.byName(name), name);
    const stopped = await ctx.store.experiments.end(test.id, {
      status: "stopped",
      at: ctx.clock.now(),
      reason: "stopped by hand",
      winnerVariantId: null,
    });
    if (!stopped) throw new UsageError(`"${name}" is already ${test.status}.`);
    output(g, { name, status: "stopped" }, () => `stopped "${name}"`);
  });
}

/** `creator ab stats --control 120/1000 --variant 150/1000`: the calculator; no database. */
export function abStats(
  g: Globals,
  flags: { control: [number, number]; variant: [number, number] },
): Promise<void> {
  const [control, variant] = [flags.control, flags.variant].map(([successes, trials]) => ({
    successes,
    trials,
  }));
  let result;
  try {
    result = compare(control, variant);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  output(g, { control, variant, ...result }, () => renderComparison(control, variant, result));
  return Promise.resolve();
}

/** What a variant sets: a format valid on the platform, or a UTC hour (0-23). */
function variantConfig(name: string, flags: StartFlags, value: string): Record<string, unknown> {
  if (flags.variants.length < 2 || new Set(flags.variants).size !== flags.variants.length) {
    throw new UsageError(`Cannot start "${name}": --variants needs 2 or more different values.`);
  }
  if (flags.dimension === "format") {
    const formats = FORMATS_BY_PLATFORM[flags.platform ?? "x"];
    if (!formats.includes(value as never)) {
      throw new UsageError(
        `Cannot start "${name}": format "${value}" is not one of ${formats.join(", ")}.`,
      );
    }
    return { format: value };
  }
  if (!flags.platform) {
    throw new UsageError(`Cannot start "${name}": an hour test needs --platform (windows differ).`);
  }
  const hour = Number(value);
  if (!/^\d{1,2}$/.test(value) || hour > 23) {
    throw new UsageError(`Cannot start "${name}": hour "${value}" is not a UTC hour from 0 to 23.`);
  }
  return { hour };
}

function checkHours(name: string, configs: Record<string, unknown>[], windows: string[]): void {
  for (const c of configs) {
    if (windowsInBucket(windows, c.hour as number, 1).length === 0) {
      throw new UsageError(
        `Cannot start "${name}": ${c.hour}:00 UTC is outside the posting windows ` +
          `${windows.join(", ")} (planning.windows).`,
      );
    }
  }
}

async function find(p: Promise<Experiment | null>, name: string): Promise<Experiment> {
  const test = await p;
  if (!test) throw new UsageError(`No experiment named "${name}": see \`creator ab list\`.`);
  return test;
}
