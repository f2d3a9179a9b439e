/**
 * Runs a job's agents in a short-lived `creator run` child process, so the
 * SDKs they load leave memory with it: ccxt alone holds about 85 MB, which a
 * daemon that imported it would keep for as long as it lives.
 *
 * The daemon keeps the claim and renews its lease; the child gets the same
 * database, config file, environment and source. Circuit states go both ways
 * through a --breaker-state file, so a service one run found down is not
 * called again by the next, and the daemon's /healthz still reports it.
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Context } from "../agent.ts";
import { loadBreakerState, saveBreakerState } from "../breaker_state.ts";
import type { Source } from "../integrations.ts";
import type { LogLevel } from "../log.ts";
import type { RunOutcome } from "../runner.ts";
import type { Job } from "./jobs.ts";

export interface ChildRunnerOptions {
  ctx: Context;
  source: Source;
  /** The config file the daemon was given, if any; otherwise the child finds the same one. */
  configPath?: string;
  /** Hand debug lines on too (the daemon's --verbose). */
  verbose?: boolean;
  /** Where circuit states pass between the daemon and its children. */
  stateFile: string;
  /** How to start `creator`. Default: this program, on the same Deno. */
  command?: string[];
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
  return main > 0 ? [Deno.execPath(), ...argv.slice(1, main + 1)] : null;
}

/** Returns a function that runs one job's agents in a child and reports their outcomes. */
export function childRunner(o: ChildRunnerOptions): (job: Job) => Promise<RunOutcome[]> {
  const { ctx } = o;
  const [program, ...prefix] = o.command ?? creatorCommand();
  return async (job) => {
    await saveBreakerState(o.stateFile, ctx.integrations.breakers());
    const names = job.agents.map((a) => a.name);
    const args = [
      ...prefix,
      "--json",
      ...(o.configPath ? ["--config", o.configPath] : []),
      ...(o.verbose ? ["--verbose"] : []),
      "run",
      ...names,
      "--source",
      o.source,
      "--breaker-state",
      o.stateFile,
    ];
    const child = new Deno.Command(program, {
      args,
      // Through the environment, not argv: a Postgres URL may hold a password.
      env: { CREATOR_DB: ctx.config.db },
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
      // SIGTERM on shutdown: the child stops between agents, like the daemon itself.
      signal: ctx.signal,
    }).spawn();
    const [stdout, lastLine, status] = await Promise.all([
      new Response(child.stdout).text(),
      relayLogs(child.stderr, ctx),
      child.status,
    ]);
    try {
      ctx.integrations.restoreBreakers(await loadBreakerState(o.stateFile));
    } catch (error) {
      ctx.log.warn("circuit states of the child run unreadable", {
        error: (error as Error).message,
      });
    }
    const outcomes = parseOutcomes(stdout);
    if (outcomes) return outcomes;
    const why = `child process exited with code ${status.code}${
      status.signal ? ` (${status.signal})` : ""
    }${lastLine ? `: ${lastLine}` : ""}`;
    return job.agents.map((a) => ({
      agent: a.name,
      phase: a.phase,
      status: "failed" as const,
      durationMs: 0,
      read: 0,
      written: 0,
      summary: "",
      error: why,
    }));
  };
}

/**
 * Passes the child's JSON log lines on through the daemon's logger, so one
 * stream in one format comes out; anything else it printed (a crash) goes on
 * as a warning. Returns the last line, for the error when the child failed.
 */
async function relayLogs(stream: ReadableStream<Uint8Array>, ctx: Context): Promise<string> {
  let last = "";
  let rest = "";
  const decoder = new TextDecoder();
  const relay = (line: string) => {
    if (!line.trim()) return;
    const record = parseRecord(line);
    if (record) {
      const { time: _time, level, msg, ...fields } = record;
      ctx.log[level](msg, fields);
      last = msg;
    } else {
      ctx.log.warn(line);
      last = line;
    }
  };
  for await (const chunk of stream) {
    const lines = (rest + decoder.decode(chunk, { stream: true })).split("\n");
    rest = lines.pop()!;
    lines.forEach(relay);
  }
  relay(rest + decoder.decode());
  return last;
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

function parseOutcomes(stdout: string): RunOutcome[] | null {
  try {
    const { outcomes } = JSON.parse(stdout);
    return Array.isArray(outcomes) ? outcomes : null;
  } catch {
    return null;
  }
}
