import { attachImages, type Preview } from "../agents/foundation/preview.ts";
import { agentsOf, findAgent } from "../agents/mod.ts";
import { replayClock } from "../core/clock.ts";
import { createContext } from "../core/context.ts";
import { createIntegrations } from "../core/integrations.ts";
import { useColor } from "../core/log.ts";
import { runAgents, type RunOutcome } from "../core/runner.ts";
import { utcTime } from "./_times.ts";
import { anyFailed, formatOutcomes } from "./outcomes.ts";
import { checkOutFile } from "./_out_path.ts";
import { PREVIEW_OUT, writePreview } from "./preview.ts";
import { renderHtml } from "./preview_html.ts";
import type { Globals } from "./program.ts";
import { renderTerminal } from "./render_preview.ts";
import { output, type Session, withSession } from "./session.ts";

/** The demo's own database, recreated on every run so it always starts fresh. */
const DEMO_DIR = ".creator";
const DEMO_DB = `${DEMO_DIR}/demo.db`;

/**
 * The recorded day the demo replays: BTC/USDT hourly candles from Binance on Monday
 * 27 January 2025, the "DeepSeek" sell-off. At 01:00 UTC the breakdown (volume spike,
 * RSI near 15, a lower-band break, a death cross); by 11:00 UTC a 24-hour drop past 6%.
 */
export const DEMO_DAY = {
  label: "Monday 27 January 2025: the BTC/USDT sell-off, hourly Binance candles",
  moments: [Date.parse("2025-01-27T01:00:00Z"), Date.parse("2025-01-27T11:00:00Z")],
};

/**
 * `creator demo`: the pipeline with no network and no keys: recorded market data, the
 * template writer, charts, dry-run previews.
 */
export async function demo(g: Globals, flags: { out: string }): Promise<void> {
  // Before the replay: a page that cannot be written would fail only at the end.
  await checkOutFile(flags.out, PREVIEW_OUT);
  await Deno.mkdir(DEMO_DIR, { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) await Deno.remove(DEMO_DB + suffix).catch(() => {});
  await withSession(g, { db: DEMO_DB, source: "sample", dryRun: true }, async (session) => {
    const { log } = session;
    log.info(`demo database: ${DEMO_DB} (recorded data, dry run)`);
    const outcomes: RunOutcome[] = [];
    for (const moment of DEMO_DAY.moments) {
      log.info(`replaying the recording up to ${new Date(moment).toISOString()}`);
      outcomes.push(...await replayAt(session, moment));
    }
    // The rest runs as if it were the end of the recording: posts are planned,
    // and their times shown, against the recorded day rather than today.
    const last = DEMO_DAY.moments.at(-1)!;
    const ctx = createContext({ ...session.ctx, ...session.ctx.options, clock: replayClock(last) });
    // Formats first: the drafts previewed next are shown in the format they would go out in.
    const rest = [
      "content-repurposing",
      "content-strategist",
      "content-creation",
      "image-generation",
      "publishing",
    ];
    outcomes.push(...await runAgents(rest.map((name) => findAgent(name)!), ctx));
    const drafted = outcomes.flatMap((o) => (o.details?.previews ?? []) as Preview[]);
    const images = await ctx.store.images.forPlans(drafted.map((p) => p.planId));
    const previews = attachImages(drafted, images);
    const now = ctx.clock.now();
    const page = renderHtml(previews, now, { images, replay: DEMO_DAY.label });
    const path = await writePreview(flags.out, page);
    output(g, { database: DEMO_DB, outcomes, previews, preview: path }, () =>
      [
        renderTerminal(previews, useColor(Deno.stdout), now),
        "",
        formatOutcomes(outcomes),
        "",
        `Replayed: ${DEMO_DAY.label}.`,
        `Times are the replay's: as if it were ${utcTime(last)}.`,
        `HTML preview: ${path}`,
        "Nothing was sent. On live data: creator scan && creator publish --dry-run",
        "(`npx -y deno@2 task -q install` puts the `creator` command on your PATH)",
      ].join("\n"));
    if (anyFailed(outcomes)) Deno.exitCode = 1;
  });
}

/** Scans and analyses the recording as it stood at `moment`. */
async function replayAt(session: Session, moment: number) {
  const integrations = createIntegrations(session.config, "sample", { replayAt: moment });
  const clock = replayClock(moment);
  const ctx = createContext({ ...session.ctx, ...session.ctx.options, integrations, clock });
  try {
    return await runAgents(agentsOf("foundation").slice(0, 2), ctx);
  } finally {
    await integrations.close();
  }
}
