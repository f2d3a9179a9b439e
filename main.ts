/**
 * The `creator` entry point: argv to cli/, and the one place errors become
 * exit codes. Usage errors (unknown command, agent, option or bad value) exit
 * 2 with a hint; anything else prints one line and exits 1 (--verbose adds the stack).
 */
import { buildProgram } from "./cli/program.ts";
import { exitCodeFor, reportError } from "./cli/errors.ts";

if (import.meta.main) {
  const program = buildProgram();
  let code = 0;
  try {
    await program.parseAsync(Deno.args, { from: "user" });
    code = Deno.exitCode;
  } catch (error) {
    code = exitCodeFor(error);
    if (code !== 0) reportError(error, Deno.args.includes("--verbose"));
  }
  Deno.exit(code);
}
