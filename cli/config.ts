import { stringify } from "yaml";
import { loadConfig, maskedConfig } from "../core/config.ts";
import type { Globals } from "./program.ts";
import { output } from "./output.ts";

/** `creator config`: the effective settings, secrets masked, and where non-defaults came from. */
export async function showConfig(g: Globals): Promise<void> {
  const { config, sources, file } = await loadConfig({ db: g.db, configPath: g.config });
  const shown = maskedConfig(config);
  output(g, { config: shown, sources, file }, () =>
    [
      `# config file: ${file ?? "(none; defaults and environment)"}`,
      ...Object.entries(sources).filter(([k]) => !k.includes(".") || !sources[k.split(".")[0]])
        .map(([k, v]) => `# ${k}: from ${v}`),
      stringify(shown).trimEnd(),
    ].join("\n"));
}
