import assert from "node:assert/strict";
import { Command, Option } from "@commander-js/extra-typings";
import { parseSince } from "./_command_kit.ts";

Deno.test("--since with a default counts back from now, not from the default", () => {
  // Commander passes a parser the option's previous value (here its default) second.
  const command = new Command().exitOverride().addOption(
    new Option("--since <when>").argParser(parseSince).default(parseSince("7d"), "7d"),
  );
  const before = Date.now();
  command.parse(["--since", "2d"], { from: "user" });
  const since = command.opts().since;
  assert.ok(
    since >= before - 2 * 86_400_000 && since <= Date.now() - 2 * 86_400_000,
    `--since 2d read as ${new Date(since).toISOString()}`,
  );
});
