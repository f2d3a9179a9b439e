import { Command, InvalidArgumentError, Option } from "@commander-js/extra-typings";
import { PHASES } from "../core/agent.ts";
import { PLATFORMS } from "../core/vocabulary.ts";

/** Options every command accepts; read with `cmd.optsWithGlobals()`. */
export interface Globals {
  db?: string;
  config?: string;
  json?: boolean;
  verbose?: boolean;
  quiet?: boolean;
}

const sourceOption = () =>
  new Option(
    "--source <source>",
    "where market data comes from: live services, or the bundled recorded sample",
  )
    .choices(["live", "sample"] as const).default("live" as const);
const breakerStateOption = () =>
  new Option(
    "--breaker-state <file>",
    "keep circuit-breaker state in this JSON file: read before the run, written after, so " +
      "separate runs (cron) skip a service that is down instead of each retrying it",
  );
const dryRunOption = () =>
  new Option("--dry-run", "render what would be posted; send nothing and mark nothing published");

/**
 * Loads a command's module when its action runs. The path is built at run
 * time on purpose: Deno pulls a literal `import("./x.ts")` into the start-up
 * module graph even if it never runs, which would make `--help` load every
 * command, agent and SDK adapter.
 */
function load<T>(name: string): Promise<T> {
  return import(new URL(`./${name}.ts`, import.meta.url).href);
}

/** The command table; each action loads its command module only when it runs. */
export function buildProgram() {
  const program = new Command()
    .name("creator")
    .description(
      "Turns crypto market data and news into posts for X, Telegram and Discord.\n" +
        "Default database: ./creator.db (SQLite). Shared mode: --db postgres://...",
    )
    .version("0.1.0", "-V, --version", "print the version")
    .option(
      "--db <url>",
      "database: a SQLite path, sqlite:<path> or postgres://... (else CREATOR_DB, DATABASE_URL, ./creator.db)",
    )
    .option(
      "--config <file>",
      "config file (else CREATOR_CONFIG, else ./creator.yaml when present)",
    )
    .option("--json", "machine-readable result on stdout; logs as JSON lines on stderr")
    .option("-v, --verbose", "debug logs, and stack traces on errors")
    .option("-q, --quiet", "warnings and errors only")
    .exitOverride()
    .showHelpAfterError("(run with --help for usage)")
    .configureHelp({ sortSubcommands: false, showGlobalOptions: true });

  program.command("init").description(
    "write creator.yaml and .env.example, then create and migrate the database",
  )
    .option("--force", "overwrite creator.yaml and .env.example if they exist")
    .action(async (opts, cmd) =>
      (await load<typeof import("./init.ts")>("init")).init(cmd.optsWithGlobals(), opts)
    );

  program.command("migrate").description(
    "apply pending database migrations, or show them with `migrate status`",
  )
    .argument("[action]", "`status` to list applied and pending migrations without applying them")
    .action(async (action, _opts, cmd) =>
      (await load<typeof import("./migrate.ts")>("migrate")).migrateCommand(
        cmd.optsWithGlobals(),
        action,
      )
    );

  program.command("agents").description(
    "list all agents with their phase, purpose and whether they are built",
  )
    .action(async (_opts, cmd) =>
      (await load<typeof import("./agents.ts")>("agents")).listAgents(cmd.optsWithGlobals())
    );

  program.command("run").description("run agents in the order given, or every agent of a phase")
    .argument("[agents...]", "agent names, as `creator agents` lists them")
    .addOption(new Option("--phase <phase>", "run every agent of this phase").choices(PHASES))
    .addOption(dryRunOption())
    .addOption(sourceOption())
    .option("--now", "publishing: send pending posts without waiting for their slot")
    .addOption(breakerStateOption())
    .action(async (agents, opts, cmd) =>
      (await load<typeof import("./run.ts")>("run")).runCommand(cmd.optsWithGlobals(), agents, opts)
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
        (await load<typeof import("./run.ts")>("run")).runCommand(
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
      (await load<typeof import("./publish.ts")>("publish")).publishCommand(
        cmd.optsWithGlobals(),
        opts,
      )
    );

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
      (await load<typeof import("./engage.ts")>("engage")).engageCommand(
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
      (await load<typeof import("./stats.ts")>("stats")).stats(cmd.optsWithGlobals(), opts)
    );

  program.command("preview").description(
    "write a self-contained HTML page of the pending drafts (opens nothing)",
  )
    .option("--out <file>", "where to write the page", "creator-preview.html")
    .action(async (opts, cmd) =>
      (await load<typeof import("./preview.ts")>("preview")).previewCommand(
        cmd.optsWithGlobals(),
        opts,
      )
    );

  program.command("demo").description(
    "the whole foundation phase offline: bundled market data, template writer, dry-run previews",
  )
    .option("--out <file>", "where to write the HTML preview", "creator-demo.html")
    .action(async (opts, cmd) =>
      (await load<typeof import("./demo.ts")>("demo")).demo(cmd.optsWithGlobals(), opts)
    );

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
      (await load<typeof import("./daemon.ts")>("daemon")).daemon(cmd.optsWithGlobals(), opts)
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
      (await load<typeof import("./draft.ts")>("draft")).draftCheck(
        cmd.optsWithGlobals(),
        texts,
        opts,
      )
    );

  program.command("serve").description(
    "accept Stripe webhooks (POST /webhooks/stripe) and grant or revoke member access as they come",
  )
    .requiredOption("--port <port>", "port to listen on (0 picks a free one)", parsePort)
    .option("--host <host>", "address to bind; keep 127.0.0.1 behind a reverse proxy", "127.0.0.1")
    .action(async (opts, cmd) =>
      (await load<typeof import("./serve.ts")>("serve")).serve(cmd.optsWithGlobals(), opts)
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
      (await load<typeof import("./offer.ts")>("offer")).offerLink(cmd.optsWithGlobals(), opts)
    );

  const members = program.command("members").description(
    "list members with their access state and subscription (`members sync` reconciles)",
  )
    .action(async (_opts, cmd) =>
      (await load<typeof import("./members.ts")>("members")).listMembers(cmd.optsWithGlobals())
    );
  members.command("sync").description(
    "reconcile access with Stripe, the source of truth: grant or revoke what differs",
  )
    .addOption(dryRunOption())
    .action(async (opts, cmd) =>
      (await load<typeof import("./members.ts")>("members")).syncMembers(
        cmd.optsWithGlobals(),
        opts,
      )
    );

  program.command("moderate").description(
    "CommunityModerator: watch the Discord server and Telegram group until stopped",
  )
    .addOption(dryRunOption())
    .action(async (opts, cmd) =>
      (await load<typeof import("./run.ts")>("run")).runCommand(
        cmd.optsWithGlobals(),
        ["community-moderator"],
        opts,
      )
    );

  const moderation = program.command("moderation").description(
    "tune, review and reverse moderation (check, list, undo, update-lists)",
  );
  const mod = () => load<typeof import("./moderation.ts")>("moderation");
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
      (await load<typeof import("./posts.ts")>("posts")).listPosts(cmd.optsWithGlobals(), opts)
    );
  posts.command("retry").description(
    "queue an unknown or failed post again, once you checked it is not on the platform",
  )
    .argument("<id>", "the post's id, as `creator posts` shows it", parseId)
    .action(async (id, _opts, cmd) =>
      (await load<typeof import("./posts.ts")>("posts")).retryPost(cmd.optsWithGlobals(), id)
    );
  posts.command("mark-sent").description(
    "record an unknown or failed post as published, once you found it on the platform",
  )
    .argument("<id>", "the post's id, as `creator posts` shows it", parseId)
    .option("--url <url>", "where the post is on the platform")
    .option("--external-id <id>", "the platform's own id of the post")
    .action(async (id, opts, cmd) =>
      (await load<typeof import("./posts.ts")>("posts")).markSent(cmd.optsWithGlobals(), id, opts)
    );

  program.command("doctor").description(
    "check the whole database for damage and list pending migrations (exit 1 if damaged)",
  )
    .action(async (_opts, cmd) =>
      (await load<typeof import("./doctor.ts")>("doctor")).doctor(cmd.optsWithGlobals())
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
      (await load<typeof import("./prune.ts")>("prune")).pruneCommand(cmd.optsWithGlobals(), opts)
    );

  const ab = program.command("ab").description(
    "A/B experiments on posts: list, show, start, stop, and a statistics calculator",
  );
  ab.command("list").description("every experiment with its status and variants")
    .action(async (_opts, cmd) =>
      (await load<typeof import("./ab.ts")>("ab")).abList(cmd.optsWithGlobals())
    );
  ab.command("show").description("one experiment: assignments, rates, chance to win, p-values")
    .argument("<name>", "the experiment's name")
    .action(async (name, _opts, cmd) =>
      (await load<typeof import("./ab.ts")>("ab")).abShow(cmd.optsWithGlobals(), name)
    );
  ab.command("start").description(
    "start an experiment; the ab-testing agent assigns each new plan a variant",
  )
    .argument("<name>", "a name of your choice, unique")
    .addOption(
      new Option("--dimension <what>", "what varies (applied today: format, hour)")
        .choices(["opening", "format", "emoji", "length", "chart", "link", "hour"] as const)
        .makeOptionMandatory(),
    )
    .requiredOption(
      "--variants <list>",
      "comma-separated, the first is the control: formats (single,thread) or UTC hours (13,18)",
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
      (await load<typeof import("./ab.ts")>("ab")).abStart(cmd.optsWithGlobals(), name, opts)
    );
  ab.command("stop").description("end a running experiment by hand, without a winner")
    .argument("<name>", "the experiment's name")
    .action(async (name, _opts, cmd) =>
      (await load<typeof import("./ab.ts")>("ab")).abStop(cmd.optsWithGlobals(), name)
    );
  ab.command("stats").description(
    "compare two rates by hand: z-test p-value, lift, chance to win, expected loss, 95% CI",
  )
    .requiredOption("--control <s/n>", "the control's successes/trials, e.g. 120/1000", parseRatio)
    .requiredOption("--variant <s/n>", "the variant's successes/trials, e.g. 150/1000", parseRatio)
    .action(async (opts, cmd) =>
      (await load<typeof import("./ab.ts")>("ab")).abStats(cmd.optsWithGlobals(), opts)
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
      (await load<typeof import("./learn.ts")>("learn")).learn(cmd.optsWithGlobals(), opts)
    );

  program.command("report").description(
    "performance per platform and day: posts, reach, engagement, agent health",
  )
    .option("--since <when>", "from a duration back (7d) or an ISO date (default 30d)", parseSince)
    .option("--html <file>", "also write a self-contained HTML page with charts")
    .action(async (opts, cmd) =>
      (await load<typeof import("./report.ts")>("report")).report(cmd.optsWithGlobals(), opts)
    );

  program.command("status").description(
    "last run of each agent with its outcome and duration, and row counts",
  )
    .action(async (_opts, cmd) =>
      (await load<typeof import("./status.ts")>("status")).status(cmd.optsWithGlobals())
    );

  program.command("logs").description("show agent logs, oldest first")
    .option("--agent <name>", "only this agent")
    .addOption(
      new Option("--level <level>", "this level and above").choices(
        ["debug", "info", "warn", "error"] as const,
      ),
    )
    .option("--since <when>", "a duration back from now (30m, 6h, 2d) or an ISO date", parseSince)
    .option("--limit <n>", "at most this many lines", parseCount, 100)
    .action(async (opts, cmd) =>
      (await load<typeof import("./logs.ts")>("logs")).logs(cmd.optsWithGlobals(), opts)
    );

  program.command("config").description(
    "show the effective configuration with where each value came from (secrets masked)",
  )
    .action(async (_opts, cmd) =>
      (await load<typeof import("./config.ts")>("config")).showConfig(cmd.optsWithGlobals())
    );

  return program;
}

export function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new InvalidArgumentError("expected a port from 0 to 65535.");
  }
  return n;
}

export function parseUserId(value: string): string {
  if (!/^\d{1,20}$/.test(value)) {
    throw new InvalidArgumentError("expected a numeric user id, like 123456789.");
  }
  return value;
}

export function parseId(value: string): number {
  const n = Number(value.replace(/^#/, ""));
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError("expected an id like 12.");
  return n;
}

export function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new InvalidArgumentError("expected a whole number of at least 1.");
  }
  return n;
}

/** "30m", "6h", "2d" back from now, or an ISO date; epoch ms. */
export function parseSince(value: string, now = Date.now()): number {
  const m = /^(\d+)\s*(m|h|d)$/.exec(value.trim());
  if (m) {
    return now - Number(m[1]) * { m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as "m" | "h" | "d"];
  }
  const t = Date.parse(value);
  if (Number.isNaN(t)) {
    throw new InvalidArgumentError('expected a duration like "30m", "6h", "2d" or an ISO date.');
  }
  return t;
}

/** "120/1000": successes out of trials, whole numbers. */
export function parseRatio(value: string): [number, number] {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  if (!m || Number(m[2]) === 0 || Number(m[1]) > Number(m[2])) {
    throw new InvalidArgumentError(
      'expected successes/trials as whole numbers with successes <= trials, e.g. "120/1000".',
    );
  }
  return [Number(m[1]), Number(m[2])];
}
