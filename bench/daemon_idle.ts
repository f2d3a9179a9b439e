/**
 * What an idle `creator daemon` costs: resident memory and CPU time of the
 * process, read from /proc while it waits for work, with every integration
 * configured and pointed at wire-format fakes that have nothing new to say.
 */
import { type Child, daemonSetup, reap, spawnCreator, waitFor } from "../tests/_daemon_helpers.ts";
import { startHarness } from "../tests/harness.ts";
import { openStore } from "../storage/mod.ts";

/**
 * "default": the shipped schedules (scan every 5 minutes with analysis and
 * planning after it, drafts and publishing every minute) keep running against
 * the idle fakes. "quiet": every agent on a yearly cron, so nothing comes due
 * in the window and only the loop itself runs.
 */
export type IdleSchedules = "default" | "quiet";

export interface DaemonIdle {
  seconds: number;
  schedules: IdleSchedules;
  /** Largest VmRSS sampled each second during the window, MB. */
  rssPeakMb: number;
  /** VmRSS at the end of the window, MB. */
  rssEndMb: number;
  /** VmHWM: the process's peak RSS since it started, start-up and first cycle included, MB. */
  rssHighWaterMb: number;
  /** utime + stime over the window, as % of one core. */
  cpuPercent: number;
  /** Agent runs the daemon started during the window. */
  agentRuns: number;
}

const QUIET = "0 0 1 1 *";

/**
 * Starts `creator daemon --port 0` on a SQLite file, waits for its first cycle
 * (which runs each job's latest slot once: the whole pipeline against the
 * fakes) and for the posts it planned to go out, then measures the process
 * for `seconds`. Linux only (/proc).
 */
export async function benchDaemonIdle(
  seconds = 60,
  schedules: IdleSchedules = "default",
): Promise<DaemonIdle> {
  const h = await startHarness();
  const dir = await Deno.makeTempDir({ prefix: "creator-bench-" });
  const children: Child[] = [];
  try {
    const shipped = h.config.daemon.schedules;
    const env = await daemonSetup(dir, h.config, {
      schedules: schedules === "quiet"
        ? Object.fromEntries(Object.keys(shipped).map((agent) => [agent, QUIET]))
        : shipped,
    });
    const db = `${dir}/creator.db`;
    const daemon = spawnCreator(["--db", db, "daemon", "--port", "0"], dir, env);
    children.push(daemon);
    const port = await waitFor(
      "the health server",
      () => /health on http:\/\/127\.0\.0\.1:(\d+)/.exec(daemon.log())?.[1],
      30_000,
    );
    await waitFor(
      "the first cycle",
      async () => {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`);
        const body = await res.json() as { lastCycleAt: string | null };
        return body.lastCycleAt ?? undefined;
      },
      120_000,
      250,
    );
    if (schedules === "default") {
      // What the first scan planned is sent on the next minute's runs: wait that out too.
      const sent = async () => (await settled(db)) || undefined;
      await waitFor("the planned posts sent", sent, 150_000, 1000);
    }
    const windowStart = Date.now();

    const tick = await clockTicks();
    const cpuStart = cpuTicks(daemon.pid);
    const started = performance.now();
    let rssPeakMb = 0;
    while (performance.now() - started < seconds * 1000) {
      await new Promise((done) => setTimeout(done, 1000));
      rssPeakMb = Math.max(rssPeakMb, status(daemon.pid).VmRSS);
    }
    const elapsed = (performance.now() - started) / 1000;
    const cpu = (cpuTicks(daemon.pid) - cpuStart) / tick;
    const end = status(daemon.pid);
    return {
      seconds,
      schedules,
      rssPeakMb,
      rssEndMb: end.VmRSS,
      rssHighWaterMb: end.VmHWM,
      cpuPercent: (cpu / elapsed) * 100,
      agentRuns: await runsSince(db, windowStart),
    };
  } finally {
    await reap(children);
    await h.close();
    await Deno.remove(dir, { recursive: true });
  }
}

/** VmRSS and VmHWM of a process, in MB. */
function status(pid: number): { VmRSS: number; VmHWM: number } {
  const text = Deno.readTextFileSync(`/proc/${pid}/status`);
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(text)?.[1]);
  return { VmRSS: kb("VmRSS") / 1024, VmHWM: kb("VmHWM") / 1024 };
}

/** utime + stime of a process, in clock ticks (fields 14 and 15 of /proc/<pid>/stat). */
function cpuTicks(pid: number): number {
  const stat = Deno.readTextFileSync(`/proc/${pid}/stat`);
  // The command name (field 2) may hold spaces; count fields after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[11]) + Number(fields[12]);
}

async function clockTicks(): Promise<number> {
  try {
    const out = await new Deno.Command("getconf", { args: ["CLK_TCK"] }).output();
    const n = Number(new TextDecoder().decode(out.stdout).trim());
    return n > 0 ? n : 100;
  } catch {
    return 100;
  }
}

/** True when no plan waits for a draft and no drafted post waits to be sent. */
async function settled(db: string): Promise<boolean> {
  const store = await openStore(db, { migrate: false });
  try {
    const planned = await store.db.all("SELECT id FROM content_plans WHERE status = 'planned'");
    return planned.length === 0 && (await store.posts.pending()).length === 0;
  } finally {
    await store.close();
  }
}

/** Agent runs started since `at`, from the daemon's agent_logs. */
async function runsSince(db: string, at: number): Promise<number> {
  const store = await openStore(db, { migrate: false });
  try {
    const [row] = await store.db.all<{ n: number }>(
      "SELECT COUNT(*) AS n FROM agent_logs WHERE event = 'start' AND created_at >= ?",
      [at],
    );
    return Number(row.n);
  } finally {
    await store.close();
  }
}
