/** Paid memberships: the webhook server, offers and members. */
import { Option } from "@commander-js/extra-typings";
import { dryRunOption, load, parsePort, parseUserId, type Root } from "../_command_kit.ts";

export function addMembershipsCommands(program: Root): void {
  program.command("serve").description(
    "accept Stripe webhooks (POST /webhooks/stripe) and grant or revoke member access as they come",
  )
    .requiredOption("--port <port>", "port to listen on (0 picks a free one)", parsePort)
    .option("--host <host>", "address to bind; keep 127.0.0.1 behind a reverse proxy", "127.0.0.1")
    .action(async (opts, cmd) =>
      (await load<typeof import("../serve.ts")>("serve")).serve(cmd.optsWithGlobals(), opts)
    );

  program.command("offer").description("membership offers")
    .command("link").description(
      "create a Stripe Checkout link (subscription) for one person and print it",
    )
    .addOption(
      new Option("--platform <platform>", "where the person gets access")
        .choices(["telegram", "discord"] as const).makeOptionMandatory(),
    )
    .requiredOption("--user <id>", "their numeric user id on that platform", parseUserId)
    .action(async (opts, cmd) =>
      (await load<typeof import("../offer.ts")>("offer")).offerLink(cmd.optsWithGlobals(), opts)
    );

  const members = program.command("members").description(
    "list members with their access state and subscription (`members sync` reconciles)",
  )
    .action(async (_opts, cmd) =>
      (await load<typeof import("../members.ts")>("members")).listMembers(cmd.optsWithGlobals())
    );
  members.command("sync").description(
    "reconcile access with Stripe, the source of truth: grant or revoke what differs",
  )
    .addOption(dryRunOption())
    .action(async (opts, cmd) =>
      (await load<typeof import("../members.ts")>("members")).syncMembers(
        cmd.optsWithGlobals(),
        opts,
      )
    );
}
