/**
 * The light commands load only what they use: no agent code, no SDK, no
 * twitter-text. Checked on the modules Deno really loads for the command (its
 * debug log names each one), not on the import statements.
 */
import assert from "node:assert/strict";
import { testPostgres } from "../storage/test_backends.ts";
import { withTempDir } from "./cli.ts";

const MAIN = new URL("../main.ts", import.meta.url).pathname;
const HEAVY = [
  /\/agents\/(foundation|audience|monetization|learning)\//,
  /\/agents\/mod\.ts$/,
  /\/integrations\//,
  /node_modules\/\.deno\/(twitter-text|twitter-api-v2|ccxt|@anthropic-ai|grammy|discord\.js|trading-signals|sentiment|@extractus|postgres)@/,
];

async function loadedModules(args: string[], cwd: string): Promise<string[]> {
  const { code, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "--log-level=debug", MAIN, ...args],
    cwd,
    env: { NO_COLOR: "1" },
    stdout: "null",
    stdin: "null",
  }).output();
  const log = new TextDecoder().decode(stderr);
  assert.equal(code, 0, log.split("\n").filter((l) => !l.startsWith("DEBUG")).join("\n"));
  return [...log.matchAll(/ES module: (\S+?),/g)].map((m) => m[1]);
}

Deno.test("status, agents, logs and config load no agent code, no SDK and no twitter-text", async () => {
  await withTempDir(async (cwd) => {
    // status and logs read a store; they never create one.
    await loadedModules(["init"], cwd);
    for (const command of ["status", "agents", "logs", "config"]) {
      const modules = await loadedModules([command], cwd);
      assert.ok(
        modules.some((m) => m.endsWith(`/cli/${command}.ts`)),
        `${command}: the debug log no longer names loaded modules`,
      );
      const heavy = modules.filter((m) => HEAVY.some((re) => re.test(m)));
      assert.deepEqual(heavy, [], `${command} loads more than it uses`);
    }
  });
});

Deno.test("status, agents and logs start without commander", async () => {
  await withTempDir(async (cwd) => {
    await loadedModules(["init"], cwd);
    for (const args of [["status"], ["agents"], ["logs", "--limit", "5"], ["--json", "status"]]) {
      const modules = await loadedModules(args, cwd);
      const commander = modules.filter((m) => /node_modules\/\.deno\/commander@/.test(m));
      assert.deepEqual(commander, [], args.join(" "));
    }
    // Any other command line, help included, is commander's.
    const help = await loadedModules(["status", "--help"], cwd);
    assert.ok(help.some((m) => /node_modules\/\.deno\/commander@/.test(m)));
  });
});

Deno.test("agents and config open no database and load no storage code", async () => {
  await withTempDir(async (cwd) => {
    for (const command of ["agents", "config"]) {
      const modules = await loadedModules([command], cwd);
      // storage/url.ts only parses --db (config says whether the SQLite file exists): no driver.
      const storage = modules.filter((m) =>
        /\/storage\//.test(m) && !m.endsWith("/storage/url.ts")
      );
      assert.deepEqual(storage, [], command);
    }
    assert.deepEqual([...Deno.readDirSync(cwd)], []);
  });
});

Deno.test("status and logs on a valid config load no zod and build no repository they do not read", async () => {
  await withTempDir(async (cwd) => {
    // init writes the full creator.yaml: every key set, as a user's file has them.
    await loadedModules(["init"], cwd);
    for (const command of ["status", "logs"]) {
      const modules = await loadedModules([command], cwd);
      assert.deepEqual(modules.filter((m) => /node_modules\/\.deno\/zod@/.test(m)), [], command);
      assert.deepEqual(modules.filter((m) => m.endsWith("/storage/mod.ts")), [], command);
    }
  });
});

testPostgres("status and logs on Postgres read without the driver", async (t) => {
  await (await t.open()).close();
  await withTempDir(async (cwd) => {
    for (const command of ["status", "logs"]) {
      const modules = await loadedModules(
        ["--db", `${t.url}?search_path=${t.schema}`, command],
        cwd,
      );
      assert.ok(modules.some((m) => m.endsWith("/storage/pg_reader.ts")), command);
      assert.deepEqual(modules.filter((m) => /node_modules\/\.deno\/postgres@/.test(m)), []);
    }
  });
});
