/**
 * Runs a job's agents in a short-lived `creator run` child process, so the
 * SDKs they load leave memory with it: ccxt alone holds about 85 MB, which a
 * daemon that imported it would keep for as long as it lives.
 *
 * The daemon keeps the claim and renews its lease; the child gets the same
 * database, the daemon's effective settings (so an edit to creator.yaml takes
 * effect at the next restart, for both alike), the same environment and
 * source. Circuit states go both ways through a --breaker-state file, so a
 * service one run found down is not called again by the next, and the
 * daemon's /healthz still reports it.
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Context } from "../core/agent.ts";
import { loadBreakerState, saveBreakerState } from "../core/breaker_state.ts";
import type { Source } from "../core/integrations.ts";
import type { LogLevel } from "../core/log.ts";
import { failedOutcome, type RunOutcome } from "../core/runner.ts";
import type { Job } from "./jobs.ts";

export interface ChildRunnerOptions {
  ctx: Context;
  source: Source;
  /** Hand debug lines on too (the daemon's --verbose). */
  verbose?: boolean;
  /** How to start `creator`. Default: this program, started the way this process was. */
  command?: string[];
}

export interface ChildRunner {
  /**
   * The job's outcomes, one per agent that ran. Fewer than its agents when
   * the daemon is stopping (the loop then hands the slot back); every agent
   * failed, with the reason, when the child could not run at all. Never throws.
   */
  run(job: Job): Promise<RunOutcome[]>;
  /** Kills a child still running and removes the files shared with it. */
  close(): Promise<void>;
}

/**
 * This program as a command line: the compiled binary, or this Deno running
 * this main module with the flags this process got (--cached-only, permissions,
 * --v8-flags), read back from /proc where there is one.
 */
export function creatorCommand(): string[] {
  if (Deno.build.standalone) return [Deno.execPath()];
  // Elsewhere: the flags the README gives.
  return ownInvocation() ?? [Deno.execPath(), "run", "-A", Deno.mainModule];
}

/** Flags a child must not inherit: they would make it wait for a debugger or never exit. */
const NOT_FOR_CHILDREN = /^--(inspect|watch|hmr)/;

function ownInvocation(): string[] | null {
  let argv: string[];
  try {
    // Deno lets only a process with every permission read this file.
    argv = Deno.readTextFileSync("/proc/self/cmdline").split("\0").filter(Boolean);
  } catch {
    return null;
  }
  // Everything up to the main module belongs to Deno; what follows it, to the program.
  const main = argv.findIndex((arg, i) =>
    i > 0 && !arg.startsWith("-") && pathToFileURL(resolve(arg)).href === Deno.mainModule
  );
  if (main <= 0) return null;
  return [Deno.execPath(), ...argv.slice(1, main + 1).filter((a) => !NOT_FOR_CHILDREN.test(a))];
}

export function childRunner(o: ChildRunnerOptions): ChildRunner {
  const { ctx } = o;
  const [program, ...prefix] = o.command ?? creatorCommand();
  let dir: string | null = null;
  let live: Deno.ChildProcess | null = null;

  /** The folder shared with children, made on the first run: settings and circuit states. */
  async function shared(): Promise<{ config: string; circuits: string }> {
    if (!dir) {
      dir = await Deno.makeTempDir({ prefix: "creator-daemon-" });
      // Secrets stay in the environment the child inherits; the database goes by CREATOR_DB.
      const { secrets: _secrets, db: _db, ...settings } = ctx.config;
      await Deno.writeTextFile(`${dir}/creator.yaml`, JSON.stringify(settings, null, 2));
    }
    return { config: `${dir}/creator.yaml`, circuits: `${dir}/circuits.json` };
  }

  async function run(job: Job): Promise<RunOutcome[]> {
    if (ctx.signal.aborted) return []; // stopping: start nothing, the slot goes back
    const failed = (why: string) => job.agents.map((a) => failedOutcome(a, why));
    let child: Deno.ChildProcess;
    let files: { config: string; circuits: string };
    try {
      files = await shared();
      await saveBreakerState(files.circuits, ctx.integrations.breakers());
      // Deno only sends SIGTERM for an abort after the spawn: check once more, with no
      // await between this check and the spawn.
      if (ctx.signal.aborted) return [];
      child = live = new Deno.Command(program, {
        args: [
          ...prefix,
          "--json",
          "--config",
          files.config,
          ...(o.verbose ? ["--verbose"] : []),
          "run",
          ...job.agents.map((a) => a.name),
          "--source",
          o.source,
          "--breaker-state",
          files.circuits,
        ],
        // Through the environment, not argv: a Postgres URL may hold a password.
        env: { CREATOR_DB: ctx.config.db },
        stdin: "null",
        stdout: "piped",
        stderr: "piped",
        // SIGTERM on shutdown: the child stops between agents, like the daemon itself.
        signal: ctx.signal,
      }).spawn();
    } catch (error) {
      return failed(`could not start a child process: ${(error as Error).message}`);
    }
    const [stdout, reason, status] = await Promise.all([
      new Response(child.stdout).text(),
      relayLogs(child.stderr, ctx),
      child.status,
    ]);
    live = null;
    try {
      ctx.integrations.restoreBreakers(await loadBreakerState(files.circuits));
    } catch (error) {
      ctx.log.warn("circuit states of the child run unreadable", {
        error: (error as Error).message,
      });
    }
    const outcomes = parseOutcomes(stdout);
    if (outcomes) return outcomes;
    // Killed by the stop before it could report (SIGTERM comes before its handler
    // is set up): nothing is known to be finished, so the whole job goes back.
    if (ctx.signal.aborted) return [];
    const how = status.signal
      ? `was killed by ${status.signal}`
      : `exited with code ${status.code}`;
    return failed(`child process ${how}${reason ? `: ${reason}` : ""}`);
  }

  return {
    run,
    async close() {
      try {
        live?.kill("SIGKILL");
      } catch {
        // It ended on its own meanwhile.
      }
      if (dir) await Deno.remove(dir, { recursive: true }).catch(() => {});
    },
  };
}

/**
 * Passes the child's JSON log lines on through the daemon's logger, so one
 * stream in one format comes out; anything else it printed (a crash, a
 * "creator: ..." error) goes on as a warning. Returns why it failed, if it
 * said: its first plain line, else its last error record.
 */
async function relayLogs(stream: ReadableStream<Uint8Array>, ctx: Context): Promise<string> {
  let plain = "";
  let lastError = "";
  const relay = (line: string) => {
    if (!line.trim()) return;
    const record = parseRecord(line);
    if (record) {
      const { time: _time, level, msg, ...fields } = record;
      ctx.log[level](msg, fields);
      if (level === "error") lastError = msg;
    } else {
      ctx.log.warn(line);
      plain ||= line;
    }
  };
  let rest = "";
  const decoder = new TextDecoder();
  for await (const chunk of stream) {
    const lines = (rest + decoder.decode(chunk, { stream: true })).split("\n");
    rest = lines.pop()!;
    lines.forEach(relay);
  }
  relay(rest + decoder.decode());
  return plain || lastError;
}

const LEVELS = new Set<string>(["debug", "info", "warn", "error"]);

function parseRecord(
  line: string,
): { time: string; level: LogLevel; msg: string; [field: string]: unknown } | null {
  try {
    const r = JSON.parse(line);
    return r && typeof r.msg === "string" && LEVELS.has(r.level) ? r : null;
  } catch {
    return null;
  }
}

/** The `run --json` result: the last top-level object on stdout, whatever an SDK printed before it. */
function parseOutcomes(stdout: string): RunOutcome[] | null {
  const start = stdout.lastIndexOf('{\n  "outcomes"');
  if (start < 0) return null;
  try {
    const { outcomes } = JSON.parse(stdout.slice(start));
    return Array.isArray(outcomes) ? outcomes : null;
  } catch {
    return null;
  }
}
