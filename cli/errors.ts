import { terminalSafe } from "../core/clean_text.ts";
import { maskUrlsIn } from "../core/mask_url.ts";
import { UsageError } from "../core/errors.ts";

/** 0 for help and version, 2 for bad input, 1 for everything that failed at run time. */
export function exitCodeFor(error: unknown): number {
  if (isCommanderError(error)) {
    return ["commander.helpDisplayed", "commander.version", "commander.help"].includes(error.code)
      ? 0
      : 2;
  }
  if (error instanceof UsageError || (error as Error)?.name === "ConfigError") return 2;
  return 1;
}

export function reportError(error: unknown, verbose: boolean): void {
  // Commander has already printed its own message and hint.
  if (isCommanderError(error)) return;
  const e = error instanceof Error ? error : new Error(String(error));
  // Last line of defence: a credential in any URL a message quotes is masked.
  console.error(`creator: ${terminalSafe(maskUrlsIn(e.message))}`);
  if (exitCodeFor(e) === 2 && e.name !== "ConfigError" && e.name !== "PathError") {
    console.error("Run `creator --help` (or `creator <command> --help`) for usage.");
  }
  const sql = (e as { sql?: string }).sql;
  if (verbose && sql) console.error(`while running: ${sql}`);
  if (verbose && e.stack) console.error(terminalSafe(maskUrlsIn(e.stack)));
}

/**
 * Commander's errors, known by their code ("commander.unknownOption"...) rather than by
 * class: importing commander here would load it for the quick commands too (cli/quick.ts).
 */
function isCommanderError(error: unknown): error is Error & { code: string } {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === "string" && code.startsWith("commander.");
}
