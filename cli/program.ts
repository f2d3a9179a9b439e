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
