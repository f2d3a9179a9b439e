/**
 * The `creator` entry point: argv to cli/, and the one place errors become
 * exit codes. Usage errors (unknown command, agent, option or bad value) exit
 * 2 with a hint; anything else prints one line and exits 1 (--verbose adds the stack).
 *
 * The reading commands a monitor polls (status, agents, logs) run without
 * commander when their command line is plain (cli/quick.ts); everything else,
 * help and every mistake included, goes through commander.
 */
import { exitCodeFor, reportError } from "./cli/errors.ts";
import { runQuick } from "./cli/quick.ts";
import { lazyImport } from "./core/lazy.ts";

if (import.meta.main) {
  let code = 0;
  try {
    if (!await runQuick(Deno.args)) {
      const { buildProgram } = await lazyImport<typeof import("./cli/program.ts")>(
        "./cli/program.ts",
        import.meta.url,
      );
      await buildProgram().parseAsync(Deno.args, { from: "user" });
    }
    code = Deno.exitCode;
  } catch (error) {
    code = exitCodeFor(error);
    if (code !== 0) reportError(error, Deno.args.includes("--verbose"));
  }
  Deno.exit(code);
}
