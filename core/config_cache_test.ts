import assert from "node:assert/strict";
import { inDir } from "./_test_utils.ts";
import { loadConfig } from "./config.ts";
import { cacheDir, cachedParse } from "./config_cache.ts";

const YAML = "# settings\ndb: kept.db\nexchange:\n  id: kraken\n  symbols: [BTC/USDT]\n" +
  "content:\n  persona: >-\n    calm,\n    precise\n";

Deno.test("a config file read again comes from the kept parse, values and lines alike", async () => {
  await inDir({ "creator.yaml": YAML }, async (cwd) => {
    const env = { CREATOR_CACHE_DIR: `${cwd}/cache` };
    const first = await loadConfig({ cwd, env });
    assert.ok(await cachedParse(`${cwd}/cache`, `${cwd}/creator.yaml`, YAML), "nothing kept");
    const again = await loadConfig({ cwd, env });
    assert.deepEqual(again, first);
    assert.equal(again.config.content.persona, "calm, precise");
    assert.equal(again.sources["exchange.id"], `${cwd}/creator.yaml:4`);
  });
});

Deno.test("an edited config file is parsed afresh, whatever was kept", async () => {
  await inDir({ "creator.yaml": YAML }, async (cwd) => {
    const env = { CREATOR_CACHE_DIR: `${cwd}/cache` };
    await loadConfig({ cwd, env });
    await Deno.writeTextFile(`${cwd}/creator.yaml`, YAML.replace("kraken", "okx"));
    assert.equal((await loadConfig({ cwd, env })).config.exchange.id, "okx");
    // A typo is still found, with its line, and never kept as a parse.
    await Deno.writeTextFile(`${cwd}/creator.yaml`, "exchange:\n  id: [unclosed\n");
    await assert.rejects(loadConfig({ cwd, env }), /creator\.yaml:\d+: invalid YAML/);
  });
});

Deno.test("a value JSON would change is not kept, and a cache that cannot be written is none", async () => {
  const yaml = "exchange:\n  concurrency: .inf\n";
  await inDir(
    { "creator.yaml": yaml, "cache": "a file where the folder should be" },
    async (cwd) => {
      // .inf is refused by the schema both times: never turned into null by a kept parse.
      for (const dir of [`${cwd}/fresh`, `${cwd}/cache`]) {
        const env = { CREATOR_CACHE_DIR: dir };
        for (let i = 0; i < 2; i++) await assert.rejects(loadConfig({ cwd, env }), /concurrency/);
        assert.equal(await cachedParse(dir, `${cwd}/creator.yaml`, yaml), null);
      }
    },
  );
});

Deno.test("the cache folder: CREATOR_CACHE_DIR, then XDG_CACHE_HOME, then the home folder", () => {
  assert.equal(cacheDir({ CREATOR_CACHE_DIR: "/c", XDG_CACHE_HOME: "/x", HOME: "/h" }), "/c");
  assert.equal(cacheDir({ XDG_CACHE_HOME: "/x", HOME: "/h" }), "/x/creator");
  assert.equal(cacheDir({ HOME: "/h" }), "/h/.cache/creator");
  assert.equal(cacheDir({}), null);
});

Deno.test("a refused config file is never kept: a secret in it, or a value the schema refuses", async () => {
  for (
    const yaml of ["secrets:\n  anthropicApiKey: sk-ant-not-kept\n", "exchange:\n  topN: -3\n"]
  ) {
    await inDir({ "creator.yaml": yaml }, async (cwd) => {
      const env = { CREATOR_CACHE_DIR: `${cwd}/cache` };
      await assert.rejects(loadConfig({ cwd, env }));
      assert.equal(await cachedParse(`${cwd}/cache`, `${cwd}/creator.yaml`, yaml), null, yaml);
    });
  }
});

Deno.test("what the environment overrides is not kept as the file's value", async () => {
  await inDir({ "creator.yaml": YAML }, async (cwd) => {
    const cache = `${cwd}/cache`;
    await loadConfig({ cwd, env: { CREATOR_CACHE_DIR: cache, CREATOR_EXCHANGE: "okx" } });
    const kept = await cachedParse(cache, `${cwd}/creator.yaml`, YAML);
    assert.equal((kept?.values.exchange as { id: string }).id, "kraken");
  });
});
