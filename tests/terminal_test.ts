/**
 * What the terminal shows a person: every line within 80 columns (a failed
 * run's reason in `status`, the agents' descriptions, init's migrations), a
 * post waiting for its next try called so, and a blank number refused.
 */
import assert from "node:assert/strict";
import { MAX_ATTEMPTS } from "../storage/posts.ts";
import { openStore } from "../storage/mod.ts";
import { creator, withTempDir } from "./cli.ts";
import { seedDrafted } from "./_seed.ts";

function fits(text: string, what: string) {
  for (const line of text.split("\n")) assert.ok(line.length <= 80, `${what}: ${line}`);
}

Deno.test("agents, init and a failed run in status fit 80 columns and lose no word", async () => {
  await withTempDir(async (cwd) => {
    const agents = await creator(["agents"], { cwd });
    assert.equal(agents.code, 0, agents.stderr);
    fits(agents.stdout, "agents");
    assert.match(agents.stdout, /^learning +feedback-loop +Runs performance, experiments, tuning/m);
    assert.match(agents.stdout.replace(/\n +/g, " "), /tuning and lessons in order; audits every/);

    const init = await creator(["init"], { cwd });
    assert.equal(init.code, 0, init.stderr);
    fits(init.stdout, "init");
    assert.match(init.stdout, /applied 0001_init,/);

    const offline = {
      CREATOR_EXCHANGE_BASE_URL: "http://exchange.invalid",
      CREATOR_FEEDS: "http://news.invalid/rss",
      CREATOR_FEAR_GREED_BASE_URL: "http://fng.invalid",
    };
    assert.equal((await creator(["scan"], { cwd, env: offline })).code, 1);
    const status = await creator(["status"], { cwd });
    assert.equal(status.code, 0, status.stderr);
    fits(status.stdout, "status");
    assert.match(
      status.stdout,
      /^ {2}market-scanner +failed +\S+ +[\d.]+s\n {6}Cannot reach binance/m,
    );
    assert.match(
      status.stdout.replace(/\n {6}/g, " "),
      /skipped: 1 of 1 news feeds, fear & greed\)/,
    );
  });
});

Deno.test("a post with attempts left is listed as waiting; one out of attempts as failed", async () => {
  await withTempDir(async (cwd) => {
    const store = await openStore(`${cwd}/creator.db`);
    try {
      const [deferred, refused] = await seedDrafted(store, [
        { platform: "telegram", parts: ["BTC for the channel."] },
        { platform: "discord", parts: ["BTC for the server."] },
      ]);
      const pending = (planId: number) =>
        store.posts.pending().then((all) => all.find((p) => p.planId === planId)!);
      const id = await store.posts.reserve(await pending(deferred), "host:1:a", Date.now());
      await store.posts.defer(id!, "Cannot reach telegram: the host name did not resolve (DNS)");
      for (let i = 0; i < MAX_ATTEMPTS; i++) {
        const again = await store.posts.reserve(await pending(refused), "host:1:a", Date.now());
        await store.posts.markFailed(again!, "discord answered 400: Invalid Form Body");
      }
    } finally {
      await store.close();
    }
    const list = await creator(["posts"], { cwd });
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /^#1 +telegram +waiting +.*\(0 attempts\)$/m);
    assert.match(
      list.stdout,
      new RegExp(`^#2 +discord +failed +.*\\(${MAX_ATTEMPTS} attempts\\)$`, "m"),
    );
    const json = JSON.parse((await creator(["--json", "posts"], { cwd })).stdout);
    assert.deepEqual(
      json.posts.map((
        p: { id: number; status: string; waiting: boolean },
      ) => [p.id, p.status, p.waiting]),
      [[2, "failed", false], [1, "failed", true]],
    );
  });
});

Deno.test("a blank number in the environment is refused, not read as 0", async () => {
  await withTempDir(async (cwd) => {
    const r = await creator(["config"], { cwd, env: { CREATOR_TOP_N: "  " } });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /CREATOR_TOP_N = " {2}": expected a number/);
  });
});
