/** The CLI facing hostile config and data: masked URLs, alias bombs, escapes kept off the terminal. */
import assert from "node:assert/strict";
import { creator, withTempDir } from "./cli.ts";

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
