/** The CLI facing hostile config and data: masked URLs, alias bombs, escapes kept off the terminal. */
import assert from "node:assert/strict";
import { openStore } from "../storage/mod.ts";
import { creator, withTempDir } from "./cli.ts";
import { daemonSetup } from "./_daemon_helpers.ts";
import { seedDrafted } from "./_seed.ts";
import { FEED_PATHS } from "./fakes/news.ts";
import { startHarness } from "./harness.ts";

Deno.test("config masks the password in every URL: one holding @, ?password= and user:pass@", async () => {
  await withTempDir(async (cwd) => {
    await Deno.writeTextFile(
      `${cwd}/creator.yaml`,
      'news:\n  feeds: ["https://reader:feedpass@feeds.example/rss?token=feedtoken"]\n',
    );
    const r = await creator(["config", "--json"], {
      cwd,
      env: {
        DATABASE_URL: "postgres://app:p@ss@word@db.example/creator?sslmode=require&password=qpass",
        CREATOR_EXCHANGE_BASE_URL: "https://proxyuser:proxypass@proxy.example/binance",
      },
    });
    assert.equal(r.code, 0, r.stderr);
    for (const secret of ["p@ss@word", "ss@word", "qpass", "proxypass", "feedpass", "feedtoken"]) {
      assert.ok(!r.stdout.includes(secret), `"${secret}" shown`);
    }
    const { config } = JSON.parse(r.stdout);
    assert.equal(
      config.db,
      "postgres://app:****@db.example/creator?sslmode=require&password=****",
    );
    assert.equal(config.baseUrls.exchange, "https://proxyuser:****@proxy.example/binance");
    assert.deepEqual(config.news.feeds, ["https://reader:****@feeds.example/rss?token=****"]);
  });
});

Deno.test("a password holding an unencoded # or ? is masked by config and in status's error", async () => {
  await withTempDir(async (cwd) => {
    for (const password of ["hash#secret7", "query?secret7"]) {
      const env = { DATABASE_URL: `postgres://app:${password}@127.0.0.1:9/creator` };
      const shown = await creator(["config", "--json"], { cwd, env });
      assert.equal(shown.code, 0, shown.stderr);
      assert.equal(JSON.parse(shown.stdout).config.db, "postgres://app:****@127.0.0.1:9/creator");
      const status = await creator(["status"], { cwd, env });
      assert.equal(status.code, 1);
      assert.match(status.stderr, /^creator: Cannot use database URL postgres:\/\/app:\*{4}@/);
      for (const r of [shown, status]) {
        assert.doesNotMatch(r.stdout + r.stderr, /secret7/, `${password}: ${r.stdout}${r.stderr}`);
      }
    }
  });
});

Deno.test("an alias bomb in the config file exits 2 with the file and line", async () => {
  await withTempDir(async (cwd) => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (const [name, prev] of [["b", "a"], ["c", "b"], ["d", "c"], ["e", "d"]]) {
      bomb.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(", ")}]`);
    }
    await Deno.writeTextFile(`${cwd}/creator.yaml`, bomb.join("\n") + "\n");
    const r = await creator(["status"], { cwd });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /^creator: .*creator\.yaml:2: invalid YAML: /);
  });
});

Deno.test("canary secrets never reach any output or the logs, whatever fails", async () => {
  await withTempDir(async (cwd) => {
    const canary = (name: string) => `canary-${name}-7f3e9a`;
    const env: Record<string, string> = {
      X_API_KEY: canary("xkey"),
      X_API_SECRET: canary("xsecret"),
      X_ACCESS_TOKEN: canary("xtoken"),
      X_ACCESS_SECRET: canary("xaccess"),
      TELEGRAM_BOT_TOKEN: "123456:" + canary("telegram"),
      TELEGRAM_CHANNEL_ID: "@channel",
      DISCORD_BOT_TOKEN: canary("discord"),
      DISCORD_CHANNEL_ID: "123",
      NEWSAPI_KEY: canary("newsapi"),
      ANTHROPIC_API_KEY: canary("anthropic"),
      // Every service unreachable, each URL carrying a credential of its own.
      CREATOR_EXCHANGE_BASE_URL: `http://user:${canary("exchange")}@127.0.0.1:9`,
      CREATOR_FEEDS: `http://127.0.0.1:9/rss?token=${canary("feed")}`,
      CREATOR_NEWSAPI_BASE_URL: "http://127.0.0.1:9",
      CREATOR_FEAR_GREED_BASE_URL: "http://127.0.0.1:9",
    };
    const runs = [
      await creator(["config"], { cwd, env }),
      await creator(["--verbose", "run", "market-scanner"], { cwd, env }),
      await creator(["logs"], { cwd, env }),
      await creator([
        "status",
        "--db",
        `postgres://u:${canary("db")}@127.0.0.1:9/x?password=${canary("dbq")}`,
      ], { cwd, env }),
    ];
    assert.equal(runs[1].code, 1, "the scan fails: nothing is reachable");
    assert.equal(runs[3].code, 1, "the database is unreachable");
    for (const [i, r] of runs.entries()) {
      assert.doesNotMatch(
        r.stdout + r.stderr,
        /canary-/,
        `run ${i} leaked: ${r.stdout}${r.stderr}`,
      );
    }
    const db = await Deno.readFile(`${cwd}/creator.db`);
    assert.ok(
      !new TextDecoder("latin1").decode(db).includes("canary-"),
      "nothing stored quotes a secret",
    );
  });
});

// What a terminal may act on: C0 and C1 controls (ESC, CSI, OSC...) and bidi overrides.
// deno-lint-ignore no-control-regex -- finding control characters is the point
const TERMINAL_CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;
// A link hidden behind other text, a screen clear, a title change, text read backwards.
const ESCAPES =
  "\x1b]8;;https://evil.example\x07claim\x1b]8;;\x07 \x1b[2J\x1b]0;owned\x07 \u202eesrever";

Deno.test("escapes in a hostile feed and in stored rows never reach the terminal with NO_COLOR", async () => {
  const h = await startHarness();
  try {
    await withTempDir(async (cwd) => {
      h.news.serve(
        FEED_PATHS.blockWire,
        `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire ${ESCAPES}</title>` +
          `<item><title>BTC ${ESCAPES}</title><link>https://wire.example/a</link>` +
          `<description>${ESCAPES}</description><pubDate>Tue, 04 Mar 2025 14:00:00 GMT</pubDate>` +
          `</item><item><title>${
            "BUY ".repeat(40_000)
          }</title><link>https://wire.example/b</link>` +
          `<pubDate>Tue, 04 Mar 2025 14:00:00 GMT</pubDate></item></channel></rss>`,
        "application/rss+xml",
      );
      const db = `${cwd}/creator.db`;
      // As an earlier version, or a path the intake missed, might have stored them.
      const store = await openStore(db);
      await seedDrafted(store, [{ platform: "telegram", parts: [`ETH ${ESCAPES}`] }]);
      await store.logs.append({
        runId: "planted",
        agent: "content-creation",
        level: "error",
        event: "end",
        status: "failed",
        message: `failed: ${ESCAPES}`,
        error: ESCAPES,
        data: { title: ESCAPES },
        at: Date.now(),
      });
      await store.close();
      // NO_COLOR=1, as every run here: nothing we print may carry an escape.
      const env = await daemonSetup(cwd, h.config, { schedules: h.config.daemon.schedules });
      const runs: Record<string, Awaited<ReturnType<typeof creator>>> = {};
      for (
        const args of [
          ["run", "market-scanner"],
          ["logs", "--limit", "500"],
          ["logs", "--level", "warn", "--json"],
          ["status"],
          ["publish", "--dry-run"],
          ["preview", "--out", `${cwd}/preview.html`],
        ]
      ) {
        const r = await creator(["--db", db, ...args], { cwd, env });
        assert.equal(r.code, 0, `${args.join(" ")}: ${r.stderr}`);
        assert.doesNotMatch(
          r.stdout + r.stderr,
          TERMINAL_CONTROLS,
          `${args.join(" ")}: ${r.stdout}`,
        );
        runs[args[0] + (args[1] === "--level" ? " json" : "")] = r;
      }
      const logs = runs["logs"].stdout;
      assert.match(logs, /failed: claim\s+esrever/, "the planted text is shown, cleaned");
      assert.match(logs, /blockwire\.xml: skipped 1 item/, "the oversized title is told");
      assert.match(logs, /a title of 159999 characters/);
      assert.match(runs["publish"].stdout, /ETH claim/);
      const stored = await openStore(db);
      try {
        const [article] = await stored.db.all<{ title: string; source: string }>(
          "SELECT title, source FROM news_articles WHERE url = 'https://wire.example/a'",
        );
        assert.deepEqual(article, { title: "BTC claim esrever", source: "Wire claim esrever" });
      } finally {
        await stored.close();
      }
    });
  } finally {
    await h.close();
  }
});
