/**
 * creator.yaml as last parsed, kept between runs. The YAML library is
 * CommonJS: loading it loads Deno's Node layer, which costs more than the
 * rest of a `creator status` together, every time a command starts. The file
 * seldom changes, so its parse is kept in the user's cache folder, keyed by
 * the SHA-256 of its exact text and the parser's version; any other text is
 * parsed afresh. A cache that cannot be read or written is no cache: nothing
 * fails for it, and only a parse that JSON keeps exactly is kept.
 */

/** The parse kept: the file's values and the line of each key. */
export interface Parsed {
  values: Record<string, unknown>;
  lines: Record<string, number>;
}

/** Bump with the YAML library (deno.json) or with what config_file.ts returns. */
export const PARSER = "yaml@2.9.1/1";

/** CREATOR_CACHE_DIR, else $XDG_CACHE_HOME/creator, else ~/.cache/creator; null without any. */
export function cacheDir(env: Record<string, string | undefined>): string | null {
  if (env.CREATOR_CACHE_DIR) return env.CREATOR_CACHE_DIR;
  if (env.XDG_CACHE_HOME) return `${env.XDG_CACHE_HOME}/creator`;
  return env.HOME ? `${env.HOME}/.cache/creator` : null;
}

interface Entry extends Parsed {
  key: string;
}

/** The kept parse of `text`, or null when none matches it. */
export async function cachedParse(
  dir: string | null,
  path: string,
  text: string,
): Promise<Parsed | null> {
  const file = await entryFile(dir, path);
  if (!file) return null;
  try {
    const entry = JSON.parse(await Deno.readTextFile(file)) as Entry;
    if (entry?.key !== await keyOf(text)) return null;
    return { values: entry.values, lines: entry.lines };
  } catch {
    return null;
  }
}

/** Keeps `parsed` for `text`, one entry per config file, replacing the last. */
export async function keepParse(
  dir: string | null,
  path: string,
  text: string,
  parsed: Parsed,
): Promise<void> {
  const file = await entryFile(dir, path);
  if (!file) return;
  let json: string;
  try {
    json = JSON.stringify({ key: await keyOf(text), ...parsed }, exactly);
  } catch {
    return; // .inf, NaN: JSON would change the value, so this parse is not kept
  }
  try {
    await Deno.mkdir(file.slice(0, file.lastIndexOf("/")), { recursive: true });
    // Written beside and renamed: a reader never sees half a file.
    const temp = `${file}.${crypto.randomUUID().slice(0, 8)}.tmp`;
    await Deno.writeTextFile(temp, json);
    await Deno.rename(temp, file).catch(async (error) => {
      await Deno.remove(temp).catch(() => {});
      throw error;
    });
  } catch {
    // A read-only home or a full disk: the next run parses again.
  }
}

/** JSON.stringify's replacer that refuses what JSON would not give back as it was. */
function exactly(_key: string, value: unknown): unknown {
  if (typeof value === "number" && !Number.isFinite(value)) throw new RangeError("not finite");
  if (typeof value === "bigint" || typeof value === "function" || typeof value === "symbol") {
    throw new TypeError(typeof value);
  }
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) throw new TypeError("not a plain object");
  }
  return value;
}

async function entryFile(dir: string | null, path: string): Promise<string | null> {
  if (!dir) return null;
  let absolute = path;
  try {
    absolute = await Deno.realPath(path);
  } catch {
    // keyed by the path as given
  }
  return `${dir}/config-${(await sha256(absolute)).slice(0, 16)}.json`;
}

const keyOf = async (text: string) => `${PARSER}:${await sha256(text)}`;

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
