/** Checks `daemon.schedules` and `daemon.isolate` against the agents' names and cron syntax. */
import type { Config } from "./config_schema.ts";
import { closest } from "./closest.ts";
import { AGENT_NAMES } from "./vocabulary.ts";

export async function scheduleProblems(
  daemon: Config["daemon"],
  sources: Record<string, string>,
): Promise<string[]> {
  const { Cron } = await import("croner");
  const names: readonly string[] = AGENT_NAMES;
  const problems: string[] = [];
  const from = (key: string) => {
    const src = sources[key] ?? sources["daemon.schedules"] ?? sources.daemon;
    return src ? ` (from ${src})` : "";
  };
  const unknown = (key: string, name: string) => {
    const near = closest(name, [...names]);
    problems.push(
      `${key}${from(key)}: unknown agent "${name}"` +
        (near ? `; did you mean "${near}"?` : "; `creator agents` lists the 17 names."),
    );
  };
  for (const [name, spec] of Object.entries(daemon.schedules)) {
    const key = `daemon.schedules.${name}`;
    if (!names.includes(name)) unknown(key, name);
    if (spec.startsWith("after:")) {
      const after = spec.slice("after:".length);
      if (!names.includes(after)) unknown(key, after);
      continue;
    }
    try {
      new Cron(spec, { paused: true, timezone: "UTC" }).stop();
    } catch (error) {
      problems.push(
        `${key} = ${JSON.stringify(spec)}${from(key)}: not a valid cron expression ` +
          `(${(error as Error).message.replace(/^CronPattern: /, "")})`,
      );
    }
  }
  daemon.isolate.forEach((name, i) => {
    if (!names.includes(name)) unknown(`daemon.isolate.${i}`, name);
  });
  return problems;
}
