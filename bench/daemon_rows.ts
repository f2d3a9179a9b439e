/** Rows 6 and 7 of `deno task bench`: the daemon at rest, and publishing with 1 vs 4 instances. */
import { benchDaemonIdle } from "./daemon_idle.ts";
import { benchPublishThroughput } from "./daemon_throughput.ts";
import { type BenchResult, ms, progress, ratio } from "./_table.ts";

const RSS_TARGET_MB = 150;
const CPU_TARGET_PCT = 1;
const SPEEDUP_TARGET = 3;

/** Five minutes: one whole period of the shipped schedules, so the window holds exactly one scan. */
const IDLE_SECONDS = 300;

export async function daemonIdleRows(): Promise<BenchResult> {
  progress(`daemon idle: ${IDLE_SECONDS} s with every integration configured`);
  const r = await benchDaemonIdle(IDLE_SECONDS, "default");
  const worst = Math.max(...r.cpuPerMinute);
  return {
    rows: [
      {
        benchmark: "6. idle daemon, resident memory",
        measured: `${r.rssPeakMb.toFixed(0)} MB peak, ${r.rssEndMb.toFixed(0)} MB end`,
        baseline: `${RSS_TARGET_MB} MB (target)`,
        ratio: ratio(r.rssPeakMb / RSS_TARGET_MB),
        target: `< ${RSS_TARGET_MB} MB`,
        verdict: r.rssPeakMb < RSS_TARGET_MB ? "PASS" : "MISS",
      },
      {
        benchmark: "6. idle daemon + its scan child, memory",
        measured: `${r.treePeakMb.toFixed(0)} MB peak, while a scan runs`,
        baseline: `${RSS_TARGET_MB} MB`,
        ratio: ratio(r.treePeakMb / RSS_TARGET_MB),
        target: "-",
        verdict: "-",
      },
      {
        benchmark: "6. idle daemon, CPU time",
        measured: `${r.cpuPercent.toFixed(2)}% of one core; worst minute ${worst.toFixed(2)}%`,
        baseline: `${CPU_TARGET_PCT}% (target)`,
        ratio: ratio(r.cpuPercent / CPU_TARGET_PCT),
        target: `< ${CPU_TARGET_PCT}%`,
        verdict: r.cpuPercent < CPU_TARGET_PCT ? "PASS" : "MISS",
      },
    ],
    notes: [
      `6. \`creator daemon --port 0\` as a child process on SQLite, every integration (exchange, ` +
      `feeds, NewsAPI, Fear & Greed, Claude, X, Telegram, Discord) configured against idle local ` +
      `fakes, shipped schedules (the scan job in a child process every 5 minutes, drafts and ` +
      `publishing every minute in the daemon); measured over ${r.seconds} s after the first ` +
      `cycle's posts went out, ${r.agentRuns} agent runs in the window, ${r.scans} of them ` +
      `scans. Memory: VmRSS of the daemon's process from /proc/<pid>/status sampled every ` +
      `250 ms (high-water since start ${r.rssHighWaterMb.toFixed(0)} MB); the second row adds ` +
      `the VmRSS of its child processes. CPU: utime+stime of the daemon plus cutime+cstime of ` +
      `the children it reaped, over wall time; per minute: ` +
      `${r.cpuPerMinute.map((c) => `${c.toFixed(2)}%`).join(", ")}.`,
    ],
  };
}

/**
 * Posts per second one account may create on each platform, from the platforms' own docs:
 * X POST /2/tweets 200 per 15 min per user (docs.x.com, manage Posts); Telegram 20 messages per
 * minute in one group or channel (core.telegram.org bots FAQ); Discord's message-create bucket,
 * 5 per 5 s per channel as its rate-limit headers report it (Discord publishes no constant).
 */
const PLATFORM_LIMITS_PER_S = { x: 200 / 900, telegram: 20 / 60, discord: 5 / 5 };

export async function throughputRows(): Promise<BenchResult> {
  progress("publish throughput: 1 instance vs 4 on Postgres");
  const r = await benchPublishThroughput();
  const speedup = r.oneInstanceMs / r.sharedMs;
  return {
    rows: [limitsRow(r), {
      benchmark: `7. publish ${r.posts} posts, platforms at ${r.latencyMs} ms`,
      measured: `${ms(r.sharedMs)} (${r.instances} instances)`,
      baseline: `${ms(r.oneInstanceMs)} (1 instance)`,
      ratio: ratio(speedup),
      target: `>= ${SPEEDUP_TARGET}x`,
      verdict: speedup >= SPEEDUP_TARGET ? "PASS" : "MISS",
    }],
    notes: [
      `7. bench/daemon_throughput.ts: ${r.posts} drafted, due posts on a fresh Postgres schema; ` +
      `\`creator daemon\` child processes with publishing every second, platform fakes answering ` +
      `after ${r.latencyMs} ms; time until every post is published. Publishing runs on every ` +
      `instance at once (each post is reserved before it is sent). Instances joined after ` +
      `${r.joinedAfterMs.map((t) => ms(t)).join(", ")}. Ratio = 1-instance time / ` +
      `${r.instances}-instance time.`,
      `   First row: one instance's rate per platform (posts are spread evenly over X, ` +
      `Telegram and Discord, each platform its own queue) against the most that platform ` +
      `accepts from one account or channel (X ${perMinute(PLATFORM_LIMITS_PER_S.x)}, Telegram ` +
      `${perMinute(PLATFORM_LIMITS_PER_S.telegram)}, Discord ` +
      `${perMinute(PLATFORM_LIMITS_PER_S.discord)}); ratio = the smallest of the three ` +
      `ratios. Above 1x, one instance already sends faster than any platform takes posts: more ` +
      `instances add resilience, not throughput.`,
    ],
  };
}

/** One instance against the platforms' own limits: the floor that matters in production. */
function limitsRow(r: { posts: number; oneInstanceMs: number; latencyMs: number }) {
  const perPlatform = r.posts / 3 / (r.oneInstanceMs / 1000);
  const worst = Math.min(
    ...Object.values(PLATFORM_LIMITS_PER_S).map((limit) => perPlatform / limit),
  );
  return {
    benchmark: `7. publish, 1 instance vs platform limits`,
    measured: `${perMinute(perPlatform)} per platform`,
    baseline: `${perMinute(Math.max(...Object.values(PLATFORM_LIMITS_PER_S)))} (Discord, the ` +
      `most generous)`,
    ratio: ratio(worst),
    target: ">= 1x",
    verdict: worst >= 1 ? "PASS" : "MISS",
  };
}

function perMinute(perSecond: number): string {
  return `${(perSecond * 60).toFixed(1)}/min`;
}
