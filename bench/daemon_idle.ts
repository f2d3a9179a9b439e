/**
 * What an idle `creator daemon` costs: resident memory and CPU time, read from
 * /proc while it waits for work, with every integration configured and pointed
 * at wire-format fakes that have nothing new to say. The daemon's own process
 * is measured apart from the child processes its isolated jobs (the scan) run
 * in, and together with them.
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
  /** Largest VmRSS of the daemon and its child processes together, sampled every 250 ms, MB. */
  treePeakMb: number;
  /** CPU time of the daemon and of its children that ended, over the window, % of one core. */
  cpuPercent: number;
  /** The same for each whole minute of the window. */
  cpuPerMinute: number[];
  /** Agent runs started during the window, and how many of them were scans. */
  agentRuns: number;
  scans: number;
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
    const minuteMarks = [cpuStart];
    let rssPeakMb = 0;
    let treePeakMb = 0;
    while (performance.now() - started < seconds * 1000) {
      await new Promise((done) => setTimeout(done, 250));
      const own = status(daemon.pid).VmRSS;
      rssPeakMb = Math.max(rssPeakMb, own);
      const children = descendants(daemon.pid).map((pid) => status(pid).VmRSS || 0);
      treePeakMb = Math.max(treePeakMb, own + children.reduce((a, b) => a + b, 0));
      const minutes = Math.floor((performance.now() - started) / 60_000);
      if (minutes >= minuteMarks.length) minuteMarks.push(cpuTicks(daemon.pid));
    }
    const elapsed = (performance.now() - started) / 1000;
    const cpu = (cpuTicks(daemon.pid) - cpuStart) / tick;
    const end = status(daemon.pid);
    const cpuPerMinute = minuteMarks.slice(1).map((t, i) =>
      ((t - minuteMarks[i]) / tick / 60) * 100
    );
    const runs = await runsSince(db, windowStart);
    return {
      seconds,
      schedules,
      rssPeakMb,
      rssEndMb: end.VmRSS,
      rssHighWaterMb: end.VmHWM,
      treePeakMb,
      cpuPercent: (cpu / elapsed) * 100,
      cpuPerMinute,
      agentRuns: runs.all,
      scans: runs.scans,
    };
  } finally {
    // SIGTERM first, so the daemon stops its scan child and removes what it shares with it.
    for (const c of children) c.kill("SIGTERM");
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      Promise.all(children.map((c) => c.status)),
      new Promise((done) => timer = setTimeout(done, 10_000)),
    ]);
    clearTimeout(timer);
    await reap(children);
    await h.close();
    await Deno.remove(dir, { recursive: true });
  }
}

/** VmRSS and VmHWM of a process, in MB; zeros once it has gone. */
function status(pid: number): { VmRSS: number; VmHWM: number } {
  let text = "";
  try {
    text = Deno.readTextFileSync(`/proc/${pid}/status`);
  } catch {
    return { VmRSS: 0, VmHWM: 0 };
  }
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(text)?.[1] ?? 0);
  return { VmRSS: kb("VmRSS") / 1024, VmHWM: kb("VmHWM") / 1024 };
}

/** Fields of /proc/<pid>/stat from the third (state) on. */
function statFields(pid: number): string[] {
  const stat = Deno.readTextFileSync(`/proc/${pid}/stat`);
  // The command name (field 2) may hold spaces; count fields after its closing parenthesis.
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

/**
 * utime + stime of a process and cutime + cstime of the children it has waited
 * for, in clock ticks (fields 14 to 17 of /proc/<pid>/stat).
 */
function cpuTicks(pid: number): number {
  const f = statFields(pid);
  return Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
}

/** Every live process descended from `pid`. */
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of Deno.readDirSync("/proc")) {
    if (!/^\d+$/.test(entry.name)) continue;
    try {
      const parent = Number(statFields(Number(entry.name))[1]);
      children.set(parent, [...children.get(parent) ?? [], Number(entry.name)]);
    } catch {
      // Gone between the listing and the read.
    }
  }
  const found: number[] = [];
  const visit = (p: number) =>
    (children.get(p) ?? []).forEach((c) => {
      found.push(c);
      visit(c);
    });
  visit(pid);
  return found;
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

/** Agent runs started since `at`, and how many were scans, from the daemon's agent_logs. */
async function runsSince(db: string, at: number): Promise<{ all: number; scans: number }> {
  const store = await openStore(db, { migrate: false });
  try {
    const rows = await store.db.all<{ agent: string }>(
      "SELECT agent FROM agent_logs WHERE event = 'start' AND created_at >= ?",
      [at],
    );
    return { all: rows.length, scans: rows.filter((r) => r.agent === "market-scanner").length };
  } finally {
    await store.close();
  }
}
