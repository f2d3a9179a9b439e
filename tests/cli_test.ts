import assert from "node:assert/strict";
import { DatabaseSync } from "node:sqlite";
import { creator, withTempDir } from "./cli.ts";

const COMMANDS = [
  "init",
  "migrate",
  "agents",
  "run",
  "scan",
  "analyze",
  "plan",
  "create",
  "publish",
  "preview",
  "demo",
  "daemon",
  "draft",
  "posts",
  "doctor",
  "prune",
  "status",
  "logs",
  "config",
];

Deno.test("--help lists every command and every command explains its options", async () => {
  await withTempDir(async (cwd) => {
    const top = await creator(["--help"], { cwd });
    assert.equal(top.code, 0);
    for (const c of COMMANDS) assert.match(top.stdout, new RegExp(`\\n  ${c}\\b`));
    for (const flag of ["--db <url>", "--json", "--verbose", "--quiet", "--config <file>"]) {
      assert.ok(top.stdout.includes(flag), flag);
    }
    const flat = (s: string) => s.replace(/\s+/g, " "); // help wraps at the terminal width
    const run = await creator(["run", "--help"], { cwd });
    assert.equal(run.code, 0);
    assert.match(
      flat(run.stdout),
      /--phase <phase> run every agent of this phase \(choices: "foundation", "audience"/,
    );
    assert.match(flat(run.stdout), /--dry-run render what would be posted/);
    const logs = await creator(["logs", "--help"], { cwd });
    assert.match(flat(logs.stdout), /--since <when> a duration back from now/);
  });
});

Deno.test("bad input exits 2 with a message that names the problem", async () => {
  await withTempDir(async (cwd) => {
    const cases: [string[], RegExp][] = [
      [["scna"], /unknown command 'scna'.*Did you mean scan\?/s],
      [["status", "--colour"], /unknown option '--colour'/],
      [["run", "--phase", "growth"], /'growth' is invalid.*foundation, audience/s],
      [["run", "market-scaner"], /Unknown agent "market-scaner". Did you mean "market-scanner"\?/],
      [["run"], /Name an agent/],
      [["logs", "--limit", "0"], /expected a whole number of at least 1/],
      [["logs", "--since", "yesterday-ish"], /expected a duration like "30m"/],
      [["migrate", "sideways"], /Unknown migrate action "sideways"/],
      [["--db", "mysql://x/y", "status"], /scheme "mysql:" is not supported/],
    ];
    for (const [args, message] of cases) {
      const r = await creator(args, { cwd });
      assert.equal(r.code, 2, `${args.join(" ")}: ${r.stderr}`);
      assert.match(r.stderr, message, args.join(" "));
    }
    assert.deepEqual([...Deno.readDirSync(cwd)], [], "bad input creates no database");
  });
});

Deno.test("init writes the commented config and .env.example, then migrates; a rerun keeps them", async () => {
  await withTempDir(async (cwd) => {
    const first = await creator(["init"], { cwd });
    assert.equal(first.code, 0, first.stderr);
    assert.match(
      first.stdout,
      /wrote creator.yaml\nwrote .env.example\ndatabase sqlite:creator.db: applied 0001_init/,
    );
    assert.match(await Deno.readTextFile(`${cwd}/creator.yaml`), /^# creator configuration/);
    assert.match(await Deno.readTextFile(`${cwd}/.env.example`), /ANTHROPIC_API_KEY=/);
    await Deno.writeTextFile(`${cwd}/creator.yaml`, "logLevel: warn\n");
    const second = await creator(["init"], { cwd });
    assert.match(second.stdout, /kept creator.yaml \(exists; --force overwrites it\)/);
    assert.equal(await Deno.readTextFile(`${cwd}/creator.yaml`), "logLevel: warn\n");
    const status = await creator(["migrate", "status"], { cwd });
    assert.match(status.stdout, /applied\s+0001_init/);
  });
});

Deno.test("run --phase foundation on an empty database reports each agent's real outcome", async () => {
  await withTempDir(async (cwd) => {
    const r = await creator([
      "--json",
      "run",
      "--phase",
      "foundation",
      "--source",
      "sample",
      "--dry-run",
    ], { cwd });
    assert.equal(r.code, 0, r.stderr);
    const { outcomes } = JSON.parse(r.stdout);
    assert.deepEqual(outcomes.map((o: { agent: string }) => o.agent), [
      "market-scanner",
      "analysis",
      "content-strategist",
      "content-creation",
      "publishing",
    ]);
    for (const o of outcomes) assert.equal(o.status, "ok", `${o.agent}: ${o.error}`);
    assert.ok(outcomes[0].written > 0, "candles were stored");
    assert.ok(outcomes[1].written > 0, "insights were found");

    // Live mode with the exchange unreachable: the scanner fails for real, the rest still run.
    const live = await creator(["--json", "run", "--phase", "foundation"], {
      cwd,
      env: {
        CREATOR_EXCHANGE_BASE_URL: "http://127.0.0.1:9",
        CREATOR_FEEDS: "http://127.0.0.1:9/rss",
      },
    });
    assert.equal(live.code, 1);
    const failed = JSON.parse(live.stdout).outcomes;
    assert.equal(failed[0].status, "failed");
    assert.equal(failed.length, 5);

    const status = await creator(["status"], { cwd });
    assert.match(status.stdout, /market-scanner\s+failed/);
    assert.match(status.stdout, /analysis\s+ok/);
    assert.match(status.stdout, /engagement\s+never run/);
    assert.match(status.stdout, /market_data\s+\d{2,}/);
  });
});

Deno.test("run takes agents in the order given and keeps circuit states in --breaker-state", async () => {
  await withTempDir(async (cwd) => {
    const down = {
      CREATOR_EXCHANGE_BASE_URL: "http://127.0.0.1:9",
      CREATOR_FEEDS: "http://127.0.0.1:9/rss",
    };
    const state = `${cwd}/circuits.json`;
    const args = ["--json", "run", "market-scanner", "analysis", "--breaker-state", state];
    const exchangeFailures = async () => {
      const saved = JSON.parse(await Deno.readTextFile(state)) as Array<
        { service: string; failures: number; state: string; lastError: string | null }
      >;
      return saved.find((b) => b.service === "exchange")!;
    };

    const first = await creator(args, { cwd, env: down });
    assert.equal(first.code, 1);
    const outcomes = JSON.parse(first.stdout).outcomes as Array<{ agent: string; status: string }>;
    assert.deepEqual(outcomes.map((o) => [o.agent, o.status]), [
      ["market-scanner", "failed"],
      ["analysis", "ok"],
    ]);
    const after = await exchangeFailures();
    assert.deepEqual([after.state, after.failures], ["closed", 1]);
    assert.match(after.lastError ?? "", /reach|refused/i);
    // A second process picks up the count where the first left it.
    await creator(args, { cwd, env: down });
    assert.equal((await exchangeFailures()).failures, 2);

    await Deno.writeTextFile(state, "{ not json");
    const damaged = await creator(args, { cwd, env: down });
    assert.equal(damaged.code, 2);
    assert.match(damaged.stderr, /--breaker-state .*circuits\.json: not a list of circuit states/);
    assert.equal(await Deno.readTextFile(state), "{ not json", "a damaged file is left alone");
  });
});

Deno.test("agents lists all 17 agents, each built, with phase and purpose", async () => {
  await withTempDir(async (cwd) => {
    const agents = await creator(["agents"], { cwd });
    assert.match(agents.stdout, /foundation\s+market-scanner\s+Scans/);
    assert.match(agents.stdout, /audience\s+engagement\s+Answers/);
    assert.match(agents.stdout, /learning\s+feedback-loop\s+Runs/);
    assert.doesNotMatch(agents.stdout, /not built yet/);
    // One line an agent, and its description's continuation lines indented under it.
    assert.equal(agents.stdout.trim().split("\n").filter((l) => !l.startsWith(" ")).length, 17);
  });
});

Deno.test("a corrupt database file gets one clear error, exit 1, and is left as it was", async () => {
  await withTempDir(async (cwd) => {
    const bytes = new TextEncoder().encode("these are my notes, not a database\n");
    await Deno.writeFile(`${cwd}/creator.db`, bytes);
    const r = await creator(["status"], { cwd });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^creator: creator.db is not a SQLite database. It was left untouched/);
    assert.equal(r.stderr.trim().split("\n").length, 1);
    assert.deepEqual(await Deno.readFile(`${cwd}/creator.db`), bytes);
  });
});

Deno.test("damage deep in a table is found by doctor and migrate, not paid for by every command", async () => {
  await withTempDir(async (cwd) => {
    assert.equal((await creator(["init"], { cwd })).code, 0);
    const path = `${cwd}/creator.db`;
    const db = new DatabaseSync(path);
    db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
      INSERT INTO news_articles (url, title, summary, source, published_at, sentiment, fetched_at)
      SELECT 'https://example.com/' || i, 'MARKERMARKER', '', 'x', i, 0, i FROM n`);
    db.close();
    const bytes = await Deno.readFile(path);
    const at = new TextDecoder("latin1").decode(bytes).lastIndexOf("MARKERMARKER");
    const page = Math.floor(at / 4096) * 4096;
    bytes.fill(0xee, page, page + 4096);
    await Deno.writeFile(path, bytes);

    const logs = await creator(["logs"], { cwd });
    assert.equal(logs.code, 0, logs.stderr);
    for (const args of [["doctor"], ["migrate"]]) {
      const r = await creator(args, { cwd });
      assert.equal(r.code, 1, args[0]);
      assert.match(r.stdout + r.stderr, /DAMAGED|is damaged/, args[0]);
    }
    assert.deepEqual(await Deno.readFile(path), bytes);
  });
});

Deno.test("doctor reports a sound, migrated database; prune --dry-run deletes nothing", async () => {
  await withTempDir(async (cwd) => {
    assert.equal((await creator(["migrate"], { cwd })).code, 0);
    const doctor = await creator(["doctor"], { cwd });
    assert.equal(doctor.code, 0, doctor.stderr);
    assert.match(doctor.stdout, /integrity: ok/);
    assert.match(doctor.stdout, /migrations: up to date/);
    const dry = await creator(["prune", "--dry-run", "--json"], { cwd });
    assert.equal(dry.code, 0, dry.stderr);
    const result = JSON.parse(dry.stdout);
    assert.equal(result.dryRun, true);
    assert.deepEqual(result.deleted, {
      agent_logs: 0,
      job_runs: 0,
      market_tickers: 0,
      post_metrics: 0,
    });
  });
});

Deno.test("a config typo and an unreachable Postgres each get one clear message", async () => {
  await withTempDir(async (cwd) => {
    await Deno.writeTextFile(`${cwd}/creator.yaml`, "planning:\n  dailyCap: {x: 3}\n");
    const typo = await creator(["status"], { cwd });
    assert.equal(typo.code, 2);
    assert.match(
      typo.stderr,
      /unknown key "planning.dailyCap" \(from .*creator.yaml:2\); did you mean "dailyCaps"\?/,
    );
    await Deno.remove(`${cwd}/creator.yaml`);
    const pg = await creator(["status"], {
      cwd,
      env: { DATABASE_URL: "postgres://u:hunter22@127.0.0.1:9/db" },
    });
    assert.equal(pg.code, 1);
    assert.match(pg.stderr, /Cannot reach Postgres at postgres:\/\/u:\*\*\*\*@127.0.0.1:9\/db/);
    assert.doesNotMatch(pg.stderr, /hunter22/);
  });
});

Deno.test("config shows effective values with sources and masks every secret", async () => {
  await withTempDir(async (cwd) => {
    await Deno.writeTextFile(`${cwd}/.env`, "X_API_KEY=very-secret-key\n");
    const r = await creator(["config"], { cwd, env: { CREATOR_EXCHANGE: "kraken" } });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /# exchange.id: from env CREATOR_EXCHANGE/);
    assert.match(r.stdout, /id: kraken/);
    assert.match(r.stdout, /xApiKey: "?\*\*\*\* \(set\)"?/);
    assert.doesNotMatch(r.stdout, /very-secret-key/);
  });
});

Deno.test("demo runs the whole phase offline and writes the HTML preview", async () => {
  await withTempDir(async (cwd) => {
    const r = await creator(["demo"], { cwd, env: { ANTHROPIC_API_KEY: "sk-should-not-be-used" } });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /ok\s+publishing\s+.*dry run: \d+ posts previewed, nothing sent/);
    assert.match(r.stdout, /writer: template/);
    // Posts are planned on the recorded day, not on today's date.
    assert.match(r.stdout, /^Replayed: Monday 27 January 2025: the BTC\/USDT sell-off/m);
    assert.match(r.stdout, /^Times are the replay's: as if it were 27 Jan 2025 11:00 UTC\.$/m);
    const due = [...r.stdout.matchAll(/· due (.+?) UTC \(in /g)].map((m) => m[1]);
    assert.ok(due.length > 0, "the previews say when each post is due");
    for (const when of due) assert.match(when, /^27 Jan 2025 1\d:\d\d$/);
    for (const line of r.stdout.split("\n")) assert.ok(line.length <= 80, line);
    // Every price says its quote currency, and volume its base asset, charts' alt text included.
    const flat = r.stdout.replace(/\s*\n[\s│▌]*/g, " ");
    assert.match(flat, /• Close: 101,728\.00 USDT /);
    assert.match(flat, /alt text: .* 2\.4K BTC vs 424\.8 BTC\. Source: sample/);
    assert.deepEqual(flat.match(/\d,\d{3}\.\d{2}(?! USDT)/g), null, "no price without its unit");
    const path = /HTML preview: (.+)/.exec(r.stdout)![1];
    const html = await Deno.readTextFile(path);
    assert.match(html, /<!doctype html>/);
    assert.match(html, /Nothing here has been sent/);
    assert.doesNotMatch(html, /<script|https?:\/\/(?!x\.com)/);
  });
});
