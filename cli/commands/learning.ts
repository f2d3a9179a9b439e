/** Self-learning: experiments, what the loop changed, and the report. */
import { Option } from "@commander-js/extra-typings";
import { PLATFORMS } from "../../core/vocabulary.ts";
import { load, parseCount, parseRatio, parseSince, type Root } from "../_command_kit.ts";

export function addLearningCommands(program: Root): void {
  const ab = program.command("ab").description(
    "A/B experiments on posts: list, show, start, stop, and a statistics calculator",
  );
  ab.command("list").description("every experiment with its status and variants")
    .action(async (_opts, cmd) =>
      (await load<typeof import("../ab.ts")>("ab")).abList(cmd.optsWithGlobals())
    );
  ab.command("show").description("one experiment: assignments, rates, chance to win, p-values")
    .argument("<name>", "the experiment's name")
    .action(async (name, _opts, cmd) =>
      (await load<typeof import("../ab.ts")>("ab")).abShow(cmd.optsWithGlobals(), name)
    );
  ab.command("start").description(
    "start an experiment; the ab-testing agent assigns each new plan a variant",
  )
    .argument("<name>", "a name of your choice, unique")
    .addOption(
      new Option("--dimension <what>", "what varies between the variants")
        .choices(["opening", "format", "emoji", "length", "chart", "link", "hour"] as const)
        .makeOptionMandatory(),
    )
    .requiredOption(
      "--variants <list>",
      "comma-separated, the first is the control: formats (single,thread), UTC hours " +
        "(13,18), opening (headline,question), emoji (some,none), length (long,short), " +
        "chart (with,without), link (none,https://...)",
      (v: string) => v.split(",").map((x) => x.trim()).filter(Boolean),
    )
    .addOption(
      new Option("--platform <platform>", "only plans of this platform").choices(PLATFORMS),
    )
    .addOption(
      new Option("--metric <metric>", "engagement rate on impressions, or engagements per post")
        .choices(["engagement_rate_24h", "engagements_24h"] as const)
        .default("engagement_rate_24h" as const),
    )
    .option(
      "--min-sample <n>",
      "impressions (or posts) per variant before a decision (default learning.abMinSample or abMinPosts)",
      parseCount,
    )
    .action(async (name, opts, cmd) =>
      (await load<typeof import("../ab.ts")>("ab")).abStart(cmd.optsWithGlobals(), name, opts)
    );
  ab.command("stop").description("end a running experiment by hand, without a winner")
    .argument("<name>", "the experiment's name")
    .action(async (name, _opts, cmd) =>
      (await load<typeof import("../ab.ts")>("ab")).abStop(cmd.optsWithGlobals(), name)
    );
  ab.command("stats").description(
    "compare two rates by hand: z-test p-value, lift, chance to win, expected loss, 95% CI",
  )
    .requiredOption("--control <s/n>", "the control's successes/trials, e.g. 120/1000", parseRatio)
    .requiredOption("--variant <s/n>", "the variant's successes/trials, e.g. 150/1000", parseRatio)
    .action(async (opts, cmd) =>
      (await load<typeof import("../ab.ts")>("ab")).abStats(cmd.optsWithGlobals(), opts)
    );

  program.command("learn").description(
    "what the feedback loop changed and why (--explain), or stop and resume changes",
  )
    .option("--explain", "list the changes with before, after and evidence (the default)")
    .option("--freeze", "stop every learned change until --unfreeze")
    .option("--unfreeze", "let the loop change weights and lessons again")
    .option("--reason <text>", "why, kept in the audit trail with --freeze/--unfreeze")
    .option(
      "--since <when>",
      "changes since a duration (7d) or an ISO date (default 30d)",
      parseSince,
    )
    .action(async (opts, cmd) =>
      (await load<typeof import("../learn.ts")>("learn")).learn(cmd.optsWithGlobals(), opts)
    );

  program.command("report").description(
    "performance per platform and day: posts, reach, engagement, agent health",
  )
    .option("--since <when>", "from a duration back (7d) or an ISO date (default 30d)", parseSince)
    .option("--html <file>", "also write a self-contained HTML page with charts")
    .action(async (opts, cmd) =>
      (await load<typeof import("../report.ts")>("report")).report(cmd.optsWithGlobals(), opts)
    );
}
