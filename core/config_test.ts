import assert from "node:assert/strict";
import { inDir } from "./_test_utils.ts";
import { ConfigError, loadConfig, maskedConfig } from "./config.ts";

Deno.test("defaults need no file and no environment", async () => {
  await inDir({}, async (cwd) => {
    const { config, file } = await loadConfig({ cwd, env: {} });
    assert.equal(config.db, "creator.db");
    assert.equal(config.exchange.id, "binance");
    assert.deepEqual(config.planning.platforms, ["x", "telegram", "discord"]);
    assert.equal(file, null);
  });
});

Deno.test("the environment overrides the file and --db overrides both", async () => {
  await inDir({ "creator.yaml": "db: file.db\nexchange:\n  id: kraken\n" }, async (cwd) => {
    const env = {
      CREATOR_EXCHANGE: "okx",
      DATABASE_URL: "env.db",
      CREATOR_SYMBOLS: "BTC/USDT, ETH/USDT",
    };
    const a = await loadConfig({ cwd, env });
    assert.equal(a.config.exchange.id, "okx");
    assert.deepEqual(a.config.exchange.symbols, ["BTC/USDT", "ETH/USDT"]);
    assert.equal(a.config.db, "env.db");
    assert.equal(a.sources.db, "env DATABASE_URL");
    const b = await loadConfig({ cwd, env, db: "flag.db" });
    assert.equal(b.config.db, "flag.db");
  });
});

Deno.test("a typo in the config file names the key, its line and the likely fix", async () => {
  const yaml = "# settings\nexchange:\n  id: binance\n  symbolz: [BTC/USDT]\n";
  await inDir({ "creator.yaml": yaml }, async (cwd) => {
    await assert.rejects(loadConfig({ cwd, env: {} }), (e: Error) => {
      assert.ok(e instanceof ConfigError);
      assert.match(
        e.message,
        /unknown key "exchange.symbolz" \(from .*creator.yaml:4\); did you mean "symbols"\?/,
      );
      return true;
    });
  });
});

Deno.test("a bad value is reported with its key, value and source", async () => {
  await inDir({}, async (cwd) => {
    await assert.rejects(
      loadConfig({ cwd, env: { CREATOR_TIMEFRAMES: "1h,2x" } }),
      /exchange.timeframes.1 = "2x" \(from env CREATOR_TIMEFRAMES\)/,
    );
  });
  await inDir(
    { "creator.yaml": "planning:\n  windows:\n    x: ['25:00-26:00']\n" },
    async (cwd) => {
      await assert.rejects(
        loadConfig({ cwd, env: {} }),
        /planning.windows.x.0 .*creator.yaml:3.*13:00-21:00/,
      );
    },
  );
});

Deno.test("broken YAML and secrets in the file are refused", async () => {
  await inDir({ "creator.yaml": "exchange:\n  id: [unclosed\n" }, async (cwd) => {
    await assert.rejects(loadConfig({ cwd, env: {} }), /creator.yaml:\d+: invalid YAML/);
  });
  await inDir({ "creator.yaml": "secrets:\n  anthropicApiKey: sk-x\n" }, async (cwd) => {
    await assert.rejects(loadConfig({ cwd, env: {} }), /secrets do not belong in the config file/);
  });
});

Deno.test("secrets come from .env and are masked for display", async () => {
  await inDir({ ".env": "ANTHROPIC_API_KEY=sk-ant-secret\n" }, async (cwd) => {
    const { config } = await loadConfig({ cwd, env: { DATABASE_URL: "postgres://u:pw@h/db" } });
    assert.equal(config.secrets.anthropicApiKey, "sk-ant-secret");
    const shown = JSON.stringify(maskedConfig(config));
    assert.doesNotMatch(shown, /sk-ant-secret|:pw@/);
    assert.match(shown, /\*\*\*\* \(set\)/);
  });
});

Deno.test("the default schedules are valid, so a file repeating them is not checked again", async () => {
  const { scheduleProblems } = await import("./config_schedules.ts");
  const { DEFAULTS } = await import("./config_defaults.ts");
  assert.deepEqual(await scheduleProblems(DEFAULTS.daemon, {}), []);
  // A changed schedule is still checked, with its line.
  const yaml = "daemon:\n  schedules:\n    analysis: '61 * * * *'\n";
  await inDir({ "creator.yaml": yaml }, async (cwd) => {
    await assert.rejects(
      loadConfig({ cwd, env: {} }),
      /daemon\.schedules\.analysis = "61 \* \* \* \*" \(from .*creator\.yaml:3\): not a valid cron/,
    );
  });
});
