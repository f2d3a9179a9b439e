/**
 * `creator daemon` as child processes pointed at the harness fakes, a fresh
 * Postgres schema per test, and bounded waiting: shared by the daemon tests
 * and benchmarks.
 */
import { baseEnv } from "./cli.ts";
import type { Config } from "../core/config_schema.ts";
import { ENV_KEYS } from "../core/config_schema.ts";
import type { Platform } from "../core/vocabulary.ts";
import { openStore, type Store } from "../storage/mod.ts";
import { pgReachable, TEST_PG_URL } from "../storage/test_backends.ts";
import { type Harness, type HarnessOptions, startHarness } from "./harness.ts";
import { seedDrafted } from "./_seed.ts";

const MAIN = new URL("../main.ts", import.meta.url).pathname;

/** For `ignore`: Postgres tests are skipped when it is unreachable, unless CREATOR_REQUIRE_PG=1. */
export const withoutPg = !pgReachable && Deno.env.get("CREATOR_REQUIRE_PG") !== "1";

/** Instance names are "host:pid:random": the pid tells which process holds a row. */
export function pidOf(instance: string): number {
  return Number(instance.split(":")[1]);
}

/** The `daemon:` section of creator.yaml, plus the log level. */
export interface DaemonSettings {
  schedules: Record<string, string>;
  leaseSeconds?: number;
  sendLeaseSeconds?: number;
  shutdownGraceSeconds?: number;
  logLevel?: "debug" | "info" | "warn" | "error";
}

/**
 * Writes `dir`/creator.yaml (JSON is YAML): every setting of `config` but its
 * secrets, with these daemon settings, and returns the environment that gives
 * a child process the secrets (they never go in the file) and nothing else.
 */
export async function daemonSetup(
  dir: string,
  config: Config,
  daemon: DaemonSettings,
): Promise<Record<string, string>> {
  const { logLevel = "info", ...rest } = daemon;
  const { secrets, db: _db, ...settings } = config;
  const file = { ...settings, logLevel, daemon: { ...config.daemon, ...rest } };
  await Deno.writeTextFile(`${dir}/creator.yaml`, JSON.stringify(file, null, 2));
  const env: Record<string, string> = baseEnv();
  for (const [name, key] of Object.entries(ENV_KEYS)) {
    const field = key.startsWith("secrets.") ? key.slice("secrets.".length) : null;
    const value = field && secrets[field as keyof typeof secrets];
    if (value) env[name] = value;
  }
  return env;
}

export interface Child {
  pid: number;
  /** Resolves when the process has exited and its output is read. */
  status: Promise<Deno.CommandStatus>;
  /** Everything it wrote to stderr so far (its log). */
  log(): string;
  kill(signal: Deno.Signal): void;
}

/**
 * Starts `creator <args>` in `cwd` with exactly `env`; stderr is collected, stdout dropped.
 * `openFiles` runs it under `ulimit -n`, as a host with a low limit would.
 */
export function spawnCreator(
  args: string[],
  cwd: string,
  env: Record<string, string>,
  options: { openFiles?: number } = {},
): Child {
  const run = [Deno.execPath(), "run", "-A", MAIN, ...args];
  const [command, ...commandArgs] = options.openFiles
    ? ["bash", "-c", `ulimit -n ${options.openFiles} && exec "$@"`, "bash", ...run]
    : run;
  const child = new Deno.Command(command, {
    args: commandArgs,
    cwd,
    env,
    clearEnv: true,
    stdin: "null",
    stdout: "null",
    stderr: "piped",
  }).spawn();
  let text = "";
  const read = child.stderr.pipeThrough(new TextDecoderStream()).pipeTo(
    new WritableStream({ write: (chunk) => void (text += chunk) }),
  );
  return {
    pid: child.pid,
    status: read.then(() => child.status),
    log: () => text,
    kill(signal) {
      try {
        child.kill(signal);
      } catch {
        // Already gone: nothing to stop.
      }
    },
  };
}

/** Stops every child still running (SIGKILL) and waits for all of them. */
export async function reap(children: Child[]): Promise<void> {
  for (const c of children) c.kill("SIGKILL");
  await Promise.all(children.map((c) => c.status));
}

/** Polls `check` every `everyMs` until it returns a value other than undefined, or throws. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs: number,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((done) => setTimeout(done, everyMs));
  }
}

/** A Postgres URL whose sessions use `schema`, as a child process would be given it. */
export function schemaUrl(schema: string): string {
  const url = new URL(TEST_PG_URL);
  url.searchParams.set("search_path", schema);
  return url.toString();
}

/** A migrated store in a new schema of the test database, dropped again by `drop()`. */
export async function freshSchema(): Promise<{
  schema: string;
  url: string;
  store: Store;
  drop(): Promise<void>;
}> {
  const schema = `creator_test_${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const store = await openStore(TEST_PG_URL, { schema });
  return {
    schema,
    url: schemaUrl(schema),
    store,
    async drop() {
      await store.db.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).finally(() => store.close());
    },
  };
}

export interface PgDaemons {
  h: Harness;
  pg: Awaited<ReturnType<typeof freshSchema>>;
  /** Where child daemons run and find their creator.yaml. */
  dir: string;
  /** Every child started here is reaped afterwards, whatever the test did. */
  children: Child[];
}

/** The fakes, a fresh Postgres schema and a working folder for child daemons; all cleaned up. */
export async function withPgDaemons(
  options: HarnessOptions,
  fn: (world: PgDaemons) => Promise<void>,
): Promise<void> {
  const h = await startHarness(options);
  const pg = await freshSchema();
  const dir = await Deno.makeTempDir({ prefix: "creator-daemon-" });
  const children: Child[] = [];
  try {
    await fn({ h, pg, dir, children });
  } finally {
    await reap(children);
    await pg.drop();
    await h.close();
    await Deno.remove(dir, { recursive: true });
  }
}

/**
 * Seeds `n` due posts with distinct texts (`label` tells batches apart),
 * round-robin over `platforms`, in one transaction.
 */
export async function seedMany(
  store: Store,
  n: number,
  platforms: Platform[] = ["x", "telegram", "discord"],
  label = "Market note",
): Promise<void> {
  const posts = Array.from({ length: n }, (_, i) => {
    const platform = platforms[i % platforms.length];
    return { platform, parts: [`${label} ${i + 1} of ${n} for ${platform}.`] };
  });
  await store.transaction((tx) => seedDrafted(tx, posts));
}

/** Every text each platform fake stored, in the order they arrived. */
export function sentTexts(h: Harness): string[] {
  return [
    ...h.x.posts.map((p) => p.text),
    ...h.telegram.posts.map((p) => p.text),
    ...h.discord.posts.map((p) => p.content),
  ];
}

/** published_content rows by status. */
export function statuses(store: Store): Promise<Record<string, number>> {
  return store.posts.countByStatus();
}
