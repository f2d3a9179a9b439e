/** Running it: the daemon, posts a person settles, upkeep, and what is stored and logged. */
import { Option } from "@commander-js/extra-typings";
import { LOG_LEVELS, PLATFORMS } from "../../core/vocabulary.ts";
import {
  load,
  parseCount,
  parseId,
  parsePort,
  parseSince,
  type Root,
  sourceOption,
} from "../_command_kit.ts";
import { LOG_LIMIT } from "../_values.ts";

export function addOperationsCommands(program: Root): void {
  program.command("daemon").description(
    "run every scheduled agent in a loop (several instances may share one Postgres)",
  )
    .option(
      "--once",
      "run whatever is due, then exit (for cron and CI schedules); exit 1 if an agent failed",
    )
    .option("--port <port>", "serve /healthz and Prometheus /metrics on this port", parsePort)
    .option("--host <host>", "address for --port", "127.0.0.1")
    .addOption(sourceOption())
    .action(async (opts, cmd) =>
      (await load<typeof import("../daemon.ts")>("daemon")).daemon(cmd.optsWithGlobals(), opts)
    );

  const posts = program.command("posts").description(
    "list posts by state (published, failed, unknown, sending); retry or settle one by hand",
  )
    .addOption(
      new Option("--status <status>", "only posts in this state (sent = published)").choices(
        ["sending", "published", "sent", "failed", "unknown"] as const,
      ),
    )
    .addOption(new Option("--platform <platform>", "only this platform").choices(PLATFORMS))
    .option("--limit <n>", "at most this many, newest first", parseCount, 50)
    .action(async (opts, cmd) =>
      (await load<typeof import("../posts.ts")>("posts")).listPosts(cmd.optsWithGlobals(), opts)
    );
  posts.command("retry").description(
    "queue an unknown or failed post again, once you checked it is not on the platform",
  )
    .argument("<id>", "the post's id, as `creator posts` shows it", parseId)
    .action(async (id, _opts, cmd) =>
      (await load<typeof import("../posts.ts")>("posts")).retryPost(cmd.optsWithGlobals(), id)
    );
  posts.command("mark-sent").description(
    "record an unknown or failed post as published, once you found it on the platform",
  )
    .argument("<id>", "the post's id, as `creator posts` shows it", parseId)
    .option("--url <url>", "where the post is on the platform")
    .option("--external-id <id>", "the platform's own id of the post")
    .action(async (id, opts, cmd) =>
      (await load<typeof import("../posts.ts")>("posts")).markSent(cmd.optsWithGlobals(), id, opts)
    );

  program.command("doctor").description(
    "check the whole database for damage and list pending migrations (exit 1 if damaged)",
  )
    .action(async (_opts, cmd) =>
      (await load<typeof import("../doctor.ts")>("doctor")).doctor(cmd.optsWithGlobals())
    );

  program.command("prune").description(
    "delete candles, logs, job runs and metric snapshots past their retention (config retention.*)",
  )
    .option("--dry-run", "count what would be deleted; delete nothing")
    .option(
      "--vacuum",
      "afterwards give the freed space back to the system (SQLite rewrites the whole file and " +
        "locks it meanwhile; the daemon's scheduled prune never does this)",
    )
    .action(async (opts, cmd) =>
      (await load<typeof import("../prune.ts")>("prune")).pruneCommand(cmd.optsWithGlobals(), opts)
    );

  program.command("status").description(
    "last run of each agent with its outcome and duration, and row counts",
  )
    .action(async (_opts, cmd) =>
      (await load<typeof import("../status.ts")>("status")).status(cmd.optsWithGlobals())
    );

  program.command("logs").description("show agent logs, oldest first")
    .option("--agent <name>", "only this agent")
    .addOption(
      new Option("--level <level>", "this level and above").choices(LOG_LEVELS),
    )
    .option("--since <when>", "a duration back from now (30m, 6h, 2d) or an ISO date", parseSince)
    .option("--limit <n>", "at most this many lines", parseCount, LOG_LIMIT)
    .action(async (opts, cmd) =>
      (await load<typeof import("../logs.ts")>("logs")).logs(cmd.optsWithGlobals(), opts)
    );

  program.command("config").description(
    "show the effective configuration with where each value came from (secrets masked)",
  )
    .action(async (_opts, cmd) =>
      (await load<typeof import("../config.ts")>("config")).showConfig(cmd.optsWithGlobals())
    );
}
