/**
 * `deno task bench`: runs every benchmark on this machine and prints one markdown table to
 * stdout, with notes on method under it. Progress goes to stderr. Nothing is hard-coded: every
 * figure, baselines included, is measured or derived during the run.
 */
import { benchAudience } from "./audience.ts";
import { benchBulkInsert } from "./bulk_insert.ts";
import { benchCharts } from "./charts.ts";
import { benchColdStart } from "./cold_start.ts";
import { daemonIdleRows, throughputRows } from "./daemon_rows.ts";
import { benchIndicators } from "./indicators.ts";
import { benchModeration } from "./moderation.ts";
import { benchMemberships } from "./memberships.ts";
import { benchLearningSim } from "./learning_sim.ts";
import { benchPhase1 } from "./phase1.ts";
import { benchPromptCache } from "./prompt_cache.ts";
import { benchTruth } from "./truth.ts";
import { type BenchResult, markdownTable, ms, progress, rate, ratio } from "./_table.ts";

const BENCHMARKS: Array<{ name: string; run: () => Promise<BenchResult> }> = [
  { name: "1. cold start", run: benchColdStart },
  { name: "2. Phase 1 against fakes", run: benchPhase1 },
  { name: "3. indicator throughput", run: indicatorRows },
  { name: "4. bulk insert", run: benchBulkInsert },
  { name: "5. Claude request size and cached prefix", run: benchPromptCache },
  { name: "6. idle daemon", run: daemonIdleRows },
  { name: "7. publish throughput, 1 vs 4 instances", run: throughputRows },
  { name: "8. truth guard: planted errors and clean drafts", run: benchTruth },
  { name: "10. Engagement and Analytics", run: benchAudience },
  { name: "11. charts to PNG", run: benchCharts },
  { name: "12. Stripe webhook throughput and event to access", run: benchMemberships },
  { name: "13. CommunityModerator quality and speed", run: benchModeration },
  { name: "14. learning simulation", run: benchLearningSim },
];

async function indicatorRows(): Promise<BenchResult> {
  progress("indicators: 500 symbols x 1000 candles");
  const r = await benchIndicators();
  const total = r.symbols * r.candlesPerSymbol;
  return {
    rows: [{
      benchmark: `3. detectInsights, ${r.symbols} x ${r.candlesPerSymbol} candles`,
      measured: rate(r.candlesPerSecond, "candles"),
      baseline: `${rate(r.indicatorCandlesPerSecond, "candles")} (indicator series)`,
      ratio: ratio(r.candlesPerSecond / r.indicatorCandlesPerSecond),
      target: "-",
      verdict: "-",
    }],
    notes: [
      `3. bench/indicators.ts: ${total.toLocaleString("en")} synthetic hourly candles (seeded ` +
      `random walk), one timed pass after a warm-up on 20 symbols. detectInsights (every ` +
      `detector) took ${ms(r.detectMs)} and returned ${r.candidates} candidates; full-length ` +
      `RSI, two SMAs and Bollinger series over the same closes took ${ms(r.indicatorMs)}. ` +
      `Ratio = detectInsights throughput / indicator-series throughput; no target.`,
    ],
  };
}

/** `deno task bench 2 6` runs benchmarks 2 and 6 only; no arguments runs them all. */
async function main(): Promise<void> {
  const started = performance.now();
  const results: BenchResult[] = [];
  const chosen = BENCHMARKS.filter((b) =>
    Deno.args.length === 0 || Deno.args.some((n) => b.name.startsWith(`${n}.`))
  );
  if (chosen.length === 0) {
    console.error(
      `No benchmark numbered ${Deno.args.join(", ")}; they are 1 to ${BENCHMARKS.length}.`,
    );
    Deno.exit(2);
  }
  for (const bench of chosen) {
    try {
      results.push(await bench.run());
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      progress(`${bench.name} failed: ${reason}`);
      results.push({
        rows: [{
          benchmark: bench.name,
          measured: "failed",
          baseline: "-",
          ratio: "-",
          target: "-",
          verdict: "ERROR",
        }],
        notes: [`${bench.name} did not complete: ${reason}`],
      });
    }
  }
  const cores = navigator.hardwareConcurrency;
  console.log(markdownTable(results.flatMap((r) => r.rows)));
  console.log();
  console.log(
    `Measured on this machine: ${cores} cores, ${Deno.build.os}/${Deno.build.arch}, ` +
      `Deno ${Deno.version.deno}; whole run ${ms(performance.now() - started)}.`,
  );
  console.log();
  for (const note of results.flatMap((r) => r.notes)) console.log(note);
}

if (import.meta.main) await main();
