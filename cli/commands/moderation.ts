/** Community moderation: the live moderator and its tools. */
import { dryRunOption, load, parseCount, type Root } from "../_command_kit.ts";

export function addModerationCommands(program: Root): void {
  program.command("moderate").description(
    "CommunityModerator: watch the Discord server and Telegram group until stopped",
  )
    .addOption(dryRunOption())
    .action(async (opts, cmd) =>
      (await load<typeof import("../run.ts")>("run")).runCommand(
        cmd.optsWithGlobals(),
        ["community-moderator"],
        opts,
      )
    );

  const moderation = program.command("moderation").description(
    "tune, review and reverse moderation (check, list, undo, update-lists)",
  );
  const mod = () => load<typeof import("../moderation.ts")>("moderation");
  moderation.command("check").description(
    'read messages as JSON lines on stdin ({"text": ..., "author": {...}, "channel": ...}) ' +
      "and print one verdict line for each; sends nothing",
  )
    .action(async (_opts, cmd) => (await mod()).checkCommand(cmd.optsWithGlobals()));
  moderation.command("list").description("the latest moderation actions, newest first")
    .option("--limit <n>", "at most this many", parseCount, 20)
    .action(async (opts, cmd) => (await mod()).listCommand(cmd.optsWithGlobals(), opts));
  moderation.command("undo").description(
    "reverse an action: lift a timeout or ban, end raid mode (deleted messages stay deleted)",
  )
    .argument("<id>", "the action's number, as `moderation list` shows it")
    .action(async (id, _opts, cmd) => (await mod()).undoCommand(cmd.optsWithGlobals(), id));
  moderation.command("update-lists").description(
    "download the phishing lists of moderation.listUrls into the database",
  )
    .action(async (_opts, cmd) => (await mod()).updateListsCommand(cmd.optsWithGlobals()));
}
