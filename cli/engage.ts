import type { ReplyPreview } from "../agents/audience/_send_reply.ts";
import { findAgent } from "../agents/mod.ts";
import { runAgents } from "../core/runner.ts";
import { anyFailed, formatOutcomes } from "./outcomes.ts";
import type { Globals } from "./program.ts";
import { output, withSession } from "./session.ts";

/** `creator engage [--dry-run]`: read what the audience sent and answer it (or show how). */
export async function engageCommand(
  g: Globals,
  flags: { dryRun?: boolean; breakerState?: string },
): Promise<void> {
  await withSession(
    g,
    { dryRun: flags.dryRun, breakerState: flags.breakerState },
    async ({ ctx }) => {
      const outcomes = await runAgents([findAgent("engagement")!], ctx);
      const previews = (outcomes[0]?.details?.previews ?? []) as ReplyPreview[];
      output(g, { outcomes, previews }, () =>
        [
          ...(flags.dryRun ? previews.map(renderPreview) : []),
          formatOutcomes(outcomes),
        ].join("\n\n"));
      if (anyFailed(outcomes)) Deno.exitCode = 1;
    },
  );
}

/** The message first, then the reply we would send, each line indented and cut at 80 columns. */
function renderPreview(p: ReplyPreview): string {
  const wrap = (text: string) =>
    text.split("\n").flatMap((line) => line.match(/.{1,74}(\s|$)|\S+/g) ?? [""])
      .map((line) => `    ${line.trimEnd()}`);
  return [
    `${p.platform} ${p.kind} from ${p.from} (${p.classification ?? "unclassified"}):`,
    ...wrap(p.message),
    "  would reply:",
    ...wrap(p.reply),
  ].join("\n");
}
