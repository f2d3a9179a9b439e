import { attachImages, type Preview } from "../agents/foundation/preview.ts";
import { findAgent } from "../agents/mod.ts";
import { useColor } from "../core/log.ts";
import { runAgents } from "../core/runner.ts";
import { anyFailed, formatOutcomes } from "./outcomes.ts";
import type { Globals } from "./program.ts";
import { renderTerminal } from "./render_preview.ts";
import { output, withSession } from "./session.ts";

/** The stages `publish` brings up to date before it publishes; each is idempotent. */
export const PUBLISH_CHAIN = [
  "analysis",
  "content-repurposing",
  "content-strategist",
  "content-creation",
  "image-generation",
  "publishing",
];

/** `creator publish [--dry-run] [--now]`. */
export async function publishCommand(
  g: Globals,
  flags: { dryRun?: boolean; now?: boolean; breakerState?: string },
) {
  const agents = PUBLISH_CHAIN.map((n) => findAgent(n)!);
  const session = {
    dryRun: flags.dryRun,
    ignoreSchedule: flags.now,
    breakerState: flags.breakerState,
  };
  await withSession(g, session, async ({ ctx }) => {
    const outcomes = await runAgents(agents, ctx);
    // Stored drafts from publishing, and in a dry run the template drafts of plans not drafted yet.
    const drafted = outcomes.flatMap((o) => (o.details?.previews ?? []) as Preview[]);
    // Drafts previewed before ImageGeneration ran get the charts it made since.
    const images = await ctx.store.images.forPlans(drafted.map((p) => p.planId));
    const previews = attachImages(drafted, images);
    output(
      g,
      { outcomes, previews },
      () =>
        [
          flags.dryRun
            ? renderTerminal(previews, useColor(Deno.stdout), ctx.clock.now()) + "\n"
            : "",
          formatOutcomes(outcomes),
        ]
          .join("\n").trim(),
    );
    if (anyFailed(outcomes)) Deno.exitCode = 1;
  });
}
