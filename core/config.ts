import { cacheDir, cachedParse, keepParse, type Parsed } from "./config_cache.ts";
import { DEFAULTS } from "./config_defaults.ts";
import { ENV_KEYS, LIST_KEYS, NUMBER_KEYS } from "./config_env.ts";
import { quickDotEnv } from "./dotenv_quick.ts";
import { quickConfig } from "./config_quick.ts";
import { lazyImport } from "./lazy.ts";
import type { Config } from "./config_schema.ts";
import { maskUrl } from "./mask_url.ts";

export type { Config } from "./config_schema.ts";

export const DEFAULT_CONFIG_FILE = "creator.yaml";

/** A bad config value or file: reported with its key and where it came from; exit 2. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

export interface LoadOptions {
  /** --db from the command line: beats every other source. */
  db?: string;
  /** --config: must exist when given, unless `configMayBeMissing` (init, which writes it). */
  configPath?: string;
  configMayBeMissing?: boolean;
  env?: Record<string, string>;
  cwd?: string;
}

export interface LoadedConfig {
  config: Config;
  /** Where each key set by something other than a default came from. */
  sources: Record<string, string>;
  /** The config file read, or null when there was none. */
  file: string | null;
  /** The config file as --config, CREATOR_CONFIG or the default names it, read or not. */
  path: string;
}

/** Reads .env, the config file and the environment once, and validates the lot. */
export async function loadConfig(options: LoadOptions = {}): Promise<LoadedConfig> {
  const cwd = options.cwd ?? Deno.cwd();
  const env = { ...await readDotEnv(`${cwd}/.env`), ...(options.env ?? Deno.env.toObject()) };
  const raw: Record<string, unknown> = {};
  const sources: Record<string, string> = {};

  const explicit = options.configPath ?? env.CREATOR_CONFIG;
  const file = explicit ?? `${cwd}/${DEFAULT_CONFIG_FILE}`;
  const namedBy = options.configPath !== undefined ? "--config" : "CREATOR_CONFIG";
  const required = explicit !== undefined && !options.configMayBeMissing;
  const found = await readConfigFile(file, required ? namedBy : null, cacheDir(env));
  if (found) {
    if ("secrets" in found.values) {
      throw new ConfigError(
        `${file}: secrets do not belong in the config file; set them in the environment or .env.`,
      );
    }
    for (const [path, line] of Object.entries(found.lines)) sources[path] = `${file}:${line}`;
    Object.assign(raw, found.values);
  }

  for (const [name, key] of Object.entries(ENV_KEYS)) {
    const value = env[name];
    if (value === undefined || value === "") continue;
    setPath(raw, key, envValue(name, key, value));
    // The variable wins over the whole key, list items included.
    for (const k of Object.keys(sources)) if (k.startsWith(`${key}.`)) delete sources[k];
    sources[key] = `env ${name}`;
  }
  const db = options.db ?? env.CREATOR_DB ?? env.DATABASE_URL;
  if (db !== undefined) {
    raw.db = db;
    sources.db = options.db !== undefined
      ? "--db"
      : env.CREATOR_DB !== undefined
      ? "env CREATOR_DB"
      : "env DATABASE_URL";
  }

  const config = quickConfig(raw) ?? await validate(raw, sources);
  const problems = await checkSchedules(config, sources);
  if (problems.length) throw new ConfigError(`Invalid config:\n  ${problems.join("\n  ")}`);
  // Only a file that passed is kept: a refused one (a secret in it, a typo) is never copied.
  await found?.keep?.();
  return { config, sources, file: found ? file : null, path: explicit ?? DEFAULT_CONFIG_FILE };
}

/** The full schema, for what the quick check cannot vouch for: it also words the errors. */
async function validate(raw: Record<string, unknown>, sources: Record<string, string>) {
  const { ConfigSchema } = await lazy<typeof import("./config_schema.ts")>("./config_schema.ts");
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const { formatIssues } = await lazy<typeof import("./config_errors.ts")>("./config_errors.ts");
    throw new ConfigError(formatIssues(parsed.error.issues, raw, sources));
  }
  return parsed.data;
}

/**
 * Schedules name agents and hold cron expressions the schema cannot judge:
 * checked here, at load, so `creator config` and every command see the same
 * error with its key and line as the daemon would. croner is loaded only when
 * the schedules differ from the defaults (the file `creator init` writes
 * repeats them): the defaults are checked by the tests, not at every start.
 */
async function checkSchedules(config: Config, sources: Record<string, string>) {
  const touched = Object.keys(sources).some((k) => k.startsWith("daemon."));
  if (!touched) return [];
  if (sameSchedules(config.daemon, DEFAULTS.daemon)) return [];
  const { scheduleProblems } = await lazy<typeof import("./config_schedules.ts")>(
    "./config_schedules.ts",
  );
  return await scheduleProblems(config.daemon, sources);
}

function sameSchedules(a: Config["daemon"], b: Config["daemon"]): boolean {
  const entries = (o: Record<string, string>) => Object.entries(o).sort().join("\n");
  return entries(a.schedules) === entries(b.schedules) &&
    a.isolate.join("\n") === b.isolate.join("\n");
}

function envValue(name: string, key: string, value: string): unknown {
  if (LIST_KEYS.has(key)) {
    const items = value.split(",").map((s) => s.trim()).filter(Boolean);
    if (!items.length) {
      throw new ConfigError(
        `${name} = ${JSON.stringify(value)}: no values; give a comma-separated list, or unset it.`,
      );
    }
    return items;
  }
  if (NUMBER_KEYS.has(key)) {
    // Number("  ") is 0: a blank value would pass as a number nobody gave.
    const n = value.trim() === "" ? NaN : Number(value.trim());
    if (!Number.isFinite(n)) {
      throw new ConfigError(`${name} = ${JSON.stringify(clip(value))}: expected a number.`);
    }
    return n;
  }
  return value;
}

/**
 * 1 MiB: creator.yaml is a few KiB. Read no further than this, whatever the
 * path names (`--config /dev/zero` would otherwise read until memory runs out).
 */
export const MAX_CONFIG_BYTES = 1024 * 1024;

async function readCapped(path: string): Promise<string> {
  using file = await Deno.open(path);
  const buf = new Uint8Array(MAX_CONFIG_BYTES + 1);
  let filled = 0;
  while (filled < buf.length) {
    const n = await file.read(buf.subarray(filled));
    if (n === null) break;
    filled += n;
  }
  if (filled > MAX_CONFIG_BYTES) {
    throw new ConfigError(
      `Cannot read ${path}: it is over ${MAX_CONFIG_BYTES / 1024} KiB; a config file is a few KiB.`,
    );
  }
  return new TextDecoder().decode(buf.subarray(0, filled));
}

/** Values echoed in errors are cut short: a huge wrong value must not flood the terminal. */
export function clip(value: string, max = 80): string {
  return value.length <= max ? value : `${value.slice(0, max)}… (${value.length} characters)`;
}

/**
 * The file's keys and lines; null when no file was named and the default is absent.
 * A parse kept from an earlier run of the same text is used as it is (config_cache.ts);
 * a fresh one comes with `keep`, called once the whole config has passed.
 */
async function readConfigFile(
  path: string,
  namedBy: string | null,
  cache: string | null,
): Promise<(Parsed & { keep?: () => Promise<void> }) | null> {
  let text: string;
  try {
    text = await readCapped(path);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    if (error instanceof Deno.errors.NotFound && namedBy === null) return null;
    const why = error instanceof Deno.errors.NotFound
      ? `no such file (${namedBy}); \`creator --config ${path} init\` writes one`
      : error instanceof Deno.errors.PermissionDenied
      ? "permission denied; give your user read access to it"
      : error instanceof Deno.errors.IsADirectory
      ? `it is a folder; name the file in it (${namedBy ?? "--config"})`
      : (error as Error).message;
    throw new ConfigError(`Cannot read config file ${path}: ${why}.`);
  }
  const kept = await cachedParse(cache, path, text);
  if (kept) return kept;
  const { parseYaml } = await lazy<typeof import("./config_file.ts")>("./config_file.ts");
  const parsed = parseYaml(text, path);
  // A copy: the environment's values are laid over the parse's own objects.
  const snapshot = structuredClone(parsed);
  return { ...parsed, keep: () => keepParse(cache, path, text, snapshot) };
}

async function readDotEnv(path: string): Promise<Record<string, string>> {
  let text: string;
  try {
    text = await readCapped(path);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    return {};
  }
  const quick = quickDotEnv(text);
  if (quick) return quick;
  const { parse } = await lazyImport<typeof import("dotenv")>("dotenv");
  return parse(text);
}

export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split(".");
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== "object" || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys.at(-1)!] = value;
}

/** The effective config for display: every secret masked, and every credential in a URL. */
export function maskedConfig(config: Config): Record<string, unknown> {
  const secrets = Object.fromEntries(
    Object.entries(config.secrets).map(([k, v]) => [k, v ? "**** (set)" : "(not set)"]),
  );
  const baseUrls = Object.fromEntries(
    Object.entries(config.baseUrls).map(([k, v]) => [k, v === undefined ? v : maskUrl(v)]),
  );
  return {
    ...config,
    db: maskUrl(config.db),
    news: { ...config.news, feeds: config.news.feeds.map(maskUrl) },
    baseUrls,
    secrets,
  };
}

export { maskUrl };

/** One of this folder's modules, loaded when first needed (see lazy.ts). */
function lazy<T>(path: string): Promise<T> {
  return lazyImport<T>(path, import.meta.url);
}
