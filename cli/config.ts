import { stringify } from "yaml";
import { loadConfig, maskedConfig } from "../core/config.ts";
import { DEFAULT_FEEDS } from "../core/default_feeds.ts";
import { parseDbUrl } from "../storage/url.ts";
import type { Globals } from "./program.ts";
import { output } from "./output.ts";

/** `creator config`: the effective settings, secrets masked, and where each non-default came from. */
export async function showConfig(g: Globals): Promise<void> {
  const loaded = await loadConfig({ db: g.db, configPath: g.config });
  const shown = maskedConfig(loaded.config);
  const sources = perKey(loaded.sources);
  if (loaded.config.news.feeds.length === 0) {
    // An empty list means the built-in outlets: show what is really fetched.
    shown.news = { ...loaded.config.news, feeds: DEFAULT_FEEDS };
    sources["news.feeds"] = "the built-in list (set news.feeds or CREATOR_FEEDS to replace it)";
  }
  const database = await describeDatabase(loaded.config.db);
  output(g, { config: shown, sources, file: loaded.file, database }, () =>
    [
      `# config file: ${loaded.file ?? "(none; defaults and environment)"}`,
      ...(database ? [`# ${database}`] : []),
      ...Object.entries(sources).map(([k, v]) => `# ${k}: from ${v}`),
      stringify(shown).trimEnd(),
    ].join("\n"));
}

/**
 * One line per key that was set, the most specific one: a section line
 * ("exchange", from the file) gives way to its keys, and list items to their list.
 */
function perKey(sources: Record<string, string>): Record<string, string> {
  const keys = Object.keys(sources).filter((k) => !/\.\d+$/.test(k) && !/\.\d+\./.test(k));
  const leaves = keys.filter((k) => !keys.some((other) => other.startsWith(`${k}.`)));
  return Object.fromEntries(leaves.sort().map((k) => [k, sources[k]]));
}

/** A note when the SQLite file is not there yet: read-only commands will say so too. */
async function describeDatabase(db: string): Promise<string | null> {
  const target = parseDbUrl(db);
  if (target.backend !== "sqlite") return null;
  try {
    await Deno.stat(target.path);
    return null;
  } catch {
    return `database ${target.path} does not exist yet: \`creator init\` creates it`;
  }
}
