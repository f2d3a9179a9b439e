/**
 * The content pipeline: set-up, the foundation agents one by one or by phase,
 * publishing and its previews, and the draft check.
 */
import { Option } from "@commander-js/extra-typings";
import { PHASES } from "../../core/agent.ts";
import { PLATFORMS } from "../../core/vocabulary.ts";
import {
  breakerStateOption,
  dryRunOption,
  load,
  parseCount,
  type Root,
  sourceOption,
} from "../_command_kit.ts";

export function addPipelineCommands(program: Root): void {
  program.command("init").description(
    "write creator.yaml and .env.example, then create and migrate the database",
  )
    .option("--force", "overwrite creator.yaml and .env.example if they exist")
    .action(async (opts, cmd) =>
      (await load<typeof import("../init.ts")>("init")).init(cmd.optsWithGlobals(), opts)
    );

  program.command("migrate").description(
    "apply pending database migrations, or show them with `migrate status`",
  )
    .argument("[action]", "`status` to list applied and pending migrations without applying them")
    .action(async (action, _opts, cmd) =>
      (await load<typeof import("../migrate.ts")>("migrate")).migrateCommand(
        cmd.optsWithGlobals(),
        action,
      )
    );

  program.command("agents").description(
    "list all agents with their phase, purpose and whether they are built",
  )
    .action(async (_opts, cmd) =>
      (await load<typeof import("../agents.ts")>("agents")).listAgents(cmd.optsWithGlobals())
    );

  program.command("run").description("run agents in the order given, or every agent of a phase")
    .argument("[agents...]", "agent names, as `creator agents` lists them")
    .addOption(new Option("--phase <phase>", "run every agent of this phase").choices(PHASES))
    .addOption(dryRunOption())
    .addOption(sourceOption())
    .option("--now", "publishing: send pending posts without waiting for their slot")
    .addOption(breakerStateOption())
    .action(async (agents, opts, cmd) =>
      (await load<typeof import("../run.ts")>("run")).runCommand(
        cmd.optsWithGlobals(),
        agents,
        opts,
      )
    );

  for (
    const [name, agent, description] of [
      ["scan", "market-scanner", "fetch prices, volume, news and sentiment (MarketScanner)"],
      ["analyze", "analysis", "find insights in the stored data (Analysis)"],
      [
        "plan",
        "content-strategist",
        "plan posts per platform and posting window (ContentStrategist)",
      ],
      ["create", "content-creation", "write and check drafts for planned posts (ContentCreation)"],
    ] as const
  ) {
    program.command(name).description(description)
      .addOption(sourceOption())
      .addOption(breakerStateOption())
      .action(async (opts, cmd) =>
        (await load<typeof import("../run.ts")>("run")).runCommand(
          cmd.optsWithGlobals(),
          [agent],
          opts,
        )
      );
  }

  program.command("publish").description(
    "bring insights, plans and drafts up to date, then publish due posts (or preview them with --dry-run)",
  )
    .addOption(dryRunOption())
    .option("--now", "send pending posts without waiting for their slot")
    .addOption(breakerStateOption())
    .action(async (opts, cmd) =>
      (await load<typeof import("../publish.ts")>("publish")).publishCommand(
        cmd.optsWithGlobals(),
        opts,
      )
    );

  program.command("preview").description(
    "write a self-contained HTML page of the pending drafts (opens nothing)",
  )
    .option("--out <file>", "where to write the page", "creator-preview.html")
    .action(async (opts, cmd) =>
      (await load<typeof import("../preview.ts")>("preview")).previewCommand(
        cmd.optsWithGlobals(),
        opts,
      )
    );

  program.command("demo").description(
    "the whole foundation phase offline: bundled market data, template writer, dry-run previews",
  )
    .option("--out <file>", "where to write the HTML preview", "creator-demo.html")
    .action(async (opts, cmd) =>
      (await load<typeof import("../demo.ts")>("demo")).demo(cmd.optsWithGlobals(), opts)
    );

  const draft = program.command("draft").description(
    "check a draft (your own post, too) against a stored insight's facts",
  );
  draft.command("check").description(
    "print each claim of the draft with the fact it matched; exit 0 pass, 1 fail, 2 bad input",
  )
    .argument(
      "[text...]",
      "the draft; several arguments are the parts of a thread (else stdin, " +
        'parts split by a line "---")',
    )
    .requiredOption("--insight <id>", "the insight the draft is about (its id)", parseCount)
    .addOption(
      new Option("--platform <platform>", "where it would be posted: sets the length limit")
        .choices(PLATFORMS).default("x" as const),
    )
    .action(async (texts, opts, cmd) =>
      (await load<typeof import("../draft.ts")>("draft")).draftCheck(
        cmd.optsWithGlobals(),
        texts,
        opts,
      )
    );
}
