import { compare } from "../agents/learning/stats/mod.ts";
import { UsageError } from "../core/errors.ts";
import type { Platform } from "../core/vocabulary.ts";
import type { Dimension, Experiment, ExperimentMetric } from "../storage/experiments.ts";
import type { Store } from "../storage/mod.ts";
import type { Globals } from "./program.ts";
import { output, withSession } from "./session.ts";
import { renderComparison, renderExperiment } from "./ab_render.ts";
import { checkHours, checkLinks, variantConfig } from "./ab_variants.ts";

export interface StartFlags {
  dimension: Dimension;
  variants: string[];
  platform?: Platform;
  metric: ExperimentMetric;
  minSample?: number;
}

/** `creator ab list` */
export function abList(g: Globals): Promise<void> {
  return withSession(g, { mustExist: true }, async ({ ctx }) => {
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
  return withSession(g, { mustExist: true }, async ({ ctx }) => {
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
  const configs = flags.variants.map((v) => variantConfig(name, flags, v));
  return withSession(g, {}, async ({ ctx }) => {
    if (await ctx.store.experiments.byName(name)) {
      throw new UsageError(`An experiment named "${name}" exists: pick another name.`);
    }
    if (flags.dimension === "hour") {
      checkHours(name, configs, ctx.config.planning.windows[flags.platform!]);
    }
    if (flags.dimension === "link") checkLinks(name, configs, ctx.config.content.linkAllowlist);
    const minSample = flags.minSample ??
      (flags.metric === "engagement_rate_24h"
        ? ctx.config.learning.abMinSample
        : ctx.config.learning.abMinPosts);
    const id = await ctx.store.transaction((tx) =>
      createTest(tx, name, { ...flags, minSample }, configs, ctx.clock.now())
    );
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
    const now = ctx.clock.now();
    const stopped = await ctx.store.transaction(async (tx) => {
      const ok = await tx.experiments.end(test.id, {
        status: "stopped",
        at: now,
        reason: "stopped by hand",
        winnerVariantId: null,
      });
      if (ok) {
        await tx.learning.recordChange({
          kind: "experiment",
          subject: name,
          before: { status: "running" },
          after: { status: "stopped" },
          evidence: test.result,
          reason: "stopped by hand",
        }, now);
      }
      return ok;
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

/** Stores the test and its audit row together. */
async function createTest(
  tx: Store,
  name: string,
  flags: StartFlags & { minSample: number },
  configs: Record<string, unknown>[],
  now: number,
): Promise<number> {
  const id = await tx.experiments.create({
    name,
    dimension: flags.dimension,
    platform: flags.platform ?? null,
    metric: flags.metric,
    minSample: flags.minSample,
    variants: flags.variants.map((v, i) => ({
      name: v,
      isControl: i === 0,
      weight: 1,
      config: configs[i],
    })),
  }, now);
  await tx.learning.recordChange({
    kind: "experiment",
    subject: name,
    before: null,
    after: { status: "running", variants: flags.variants },
    evidence: {},
    reason: "started by hand",
  }, now);
  return id;
}

async function find(p: Promise<Experiment | null>, name: string): Promise<Experiment> {
  const test = await p;
  if (!test) throw new UsageError(`No experiment named "${name}": see \`creator ab list\`.`);
  return test;
}
