/** The audience: answering messages, and what the posts achieved. */
import { Option } from "@commander-js/extra-typings";
import { breakerStateOption, load, parseSince, type Root } from "../_command_kit.ts";

export function addAudienceCommands(program: Root): void {
  program.command("engage").description(
    "read mentions, comments and direct messages, and answer each once (Engagement)",
  )
    .addOption(
      new Option(
        "--dry-run",
        "read and classify, then show each reply with the message it answers; send nothing",
      ),
    )
    .addOption(breakerStateOption())
    .action(async (opts, cmd) =>
      (await load<typeof import("../engage.ts")>("engage")).engageCommand(
        cmd.optsWithGlobals(),
        opts,
      )
    );

  program.command("stats").description(
    "engagement by platform, format, hour and insight kind, the best and worst posts; " +
      "money: MRR, new, cancelled and churned members, the offer funnel",
  )
    .addOption(
      new Option(
        "--since <when>",
        "the window: a duration back from now (30m, 6h, 7d) or an ISO date",
      )
        .argParser(parseSince).default(parseSince("7d"), "7d"),
    )
    .action(async (opts, cmd) =>
      (await load<typeof import("../stats.ts")>("stats")).stats(cmd.optsWithGlobals(), opts)
    );
}
