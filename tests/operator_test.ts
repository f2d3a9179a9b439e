/**
 * What a user meets in the first hour, run through the real CLI: read-only
 * commands on a missing store, --db mistakes, config errors per key, posts a
 * person settles by hand, ports in use, the install line.
 */
import assert from "node:assert/strict";
import { openStore } from "../storage/mod.ts";
import { creator, withTempDir } from "./cli.ts";
import { installInto } from "./_install.ts";
import { seedDrafted } from "./_seed.ts";

Deno.test("read-only commands on a missing store say so, exit 2 and create nothing", async () => {
  await withTempDir(async (cwd) => {
    for (const args of [["status"], ["logs"], ["posts"], ["migrate", "status"]]) {
      const r = await creator(args, { cwd });
      assert.equal(r.code, 2, args.join(" "));
      assert.match(r.stderr, /No database at creator\.db\. Run `creator init`/);
    }
    const typo = await creator(["--db", "crator.db", "status"], { cwd });
    assert.match(typo.stderr, /No database at crator\.db \(from --db\)/);
    const config = await creator(["config"], { cwd });
    assert.equal(config.code, 0, config.stderr);
    assert.match(config.stdout, /# database creator\.db does not exist yet: `creator init`/);
    assert.deepEqual([...Deno.readDirSync(cwd)], [], "nothing was created");
  });
});

Deno.test("--db naming a folder and --out into a missing folder are bad input (exit 2)", async () => {
  await withTempDir(async (cwd) => {
    const folder = await creator(["--db", cwd, "status"], { cwd });
    assert.equal(folder.code, 2);
    assert.match(folder.stderr, /is a folder; name a file in it/);
    assert.equal((await creator(["init"], { cwd })).code, 0);
    const out = await creator(["preview", "--out", "no/such/dir/p.html"], { cwd });
    assert.equal(out.code, 2);
    assert.match(
      out.stderr,
      /Cannot write the preview to no\/such\/dir\/p\.html: the folder no\/such/,
    );
  });
});

Deno.test("init --db records that database", async () => {
  await withTempDir(async (cwd) => {
    const missing = await creator(["--db", "store/main.db", "init"], { cwd });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /the folder store does not exist/);
    assert.deepEqual([...Deno.readDirSync(cwd)], [], "a failed init leaves no files");
    await Deno.mkdir(`${cwd}/store`);
    const ok = await creator(["--db", "store/main.db", "init"], { cwd });
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(await Deno.readTextFile(`${cwd}/creator.yaml`), /^db: "store\/main\.db"$/m);
    const status = await creator(["status"], { cwd });
    assert.equal(status.code, 0, status.stderr);
    assert.match(status.stdout, /database: .*store\/main\.db/);
  });
});

Deno.test("config errors name the key, its source and the fix, per key", async () => {
  await withTempDir(async (cwd) => {
    const env = (e: Record<string, string>) => creator(["config"], { cwd, env: e });
    const nan = await env({ CREATOR_TOP_N: "abc" });
    assert.equal(nan.code, 2);
    assert.match(nan.stderr, /CREATOR_TOP_N = "abc": expected a number/);
    const empty = await env({ CREATOR_SYMBOLS: ",,," });
    assert.equal(empty.code, 2);
    assert.match(empty.stderr, /CREATOR_SYMBOLS = ",,,": no values/);

    await Deno.writeTextFile(
      `${cwd}/creator.yaml`,
      'exchange:\n  symbols: [ETH/USDT]\ndaemon:\n  schedules:\n    publisher: "* * * * *"\n' +
        '    market-scanner: "61 * * * *"\n',
    );
    const bad = await creator(["status"], { cwd });
    assert.equal(bad.code, 2);
    assert.match(
      bad.stderr,
      /daemon\.schedules\.publisher \(from .*creator\.yaml:5\): unknown agent "publisher"; did you mean "publishing"\?/,
    );
    assert.match(
      bad.stderr,
      /daemon\.schedules\.market-scanner = "61 \* \* \* \*" \(from .*creator\.yaml:6\): not a valid cron expression/,
    );

    await Deno.writeTextFile(`${cwd}/creator.yaml`, "exchange:\n  symbols: [ETH/USDT]\n");
    const shown = await env({ CREATOR_SYMBOLS: "BTC/USDT" });
    assert.equal(shown.code, 0, shown.stderr);
    assert.match(shown.stdout, /# exchange\.symbols: from env CREATOR_SYMBOLS/);
    assert.doesNotMatch(shown.stdout, /# exchange(\.symbols)?: from .*creator\.yaml/);
    assert.match(shown.stdout, /# news\.feeds: from the built-in list/);
    assert.doesNotMatch(shown.stdout, /feeds: \[\]/);
  });
});

Deno.test("posts lists unknown posts; retry queues one again and mark-sent records one, audited", async () => {
  await withTempDir(async (cwd) => {
    const store = await openStore(`${cwd}/creator.db`);
    try {
      const [a, b, c] = await seedDrafted(store, [
        { platform: "telegram", parts: ["BTC for the channel."] },
        { platform: "discord", parts: ["BTC for the server."] },
        { platform: "x", parts: ["BTC for X."] },
      ]);
      for (const planId of [a, b, c]) {
        const [post] = (await store.posts.pending()).filter((p) => p.planId === planId);
        const id = await store.posts.reserve(post, "host:1:gone", Date.now());
        if (planId !== c) await store.posts.markUnknown(id!, "the send was cut off");
        else {await store.posts.markPublished(id!, {
            platform: "x",
            externalId: "9",
            partIds: ["9"],
          }, 1);}
      }
    } finally {
      await store.close();
    }
    const list = await creator(["posts", "--status", "unknown"], { cwd });
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /#1 +telegram +unknown/);
    assert.match(list.stdout, /#2 +discord +unknown/);
    assert.doesNotMatch(list.stdout, /#3/);
    for (const line of list.stdout.split("\n")) assert.ok(line.length <= 80, line);

    const retry = await creator(["posts", "retry", "1"], { cwd });
    assert.equal(retry.code, 0, retry.stderr);
    const sent = await creator(["posts", "mark-sent", "2", "--url", "https://discord.com/x"], {
      cwd,
    });
    assert.equal(sent.code, 0, sent.stderr);
    const again = await creator(["posts", "retry", "3"], { cwd });
    assert.equal(again.code, 2);
    assert.match(again.stderr, /Cannot retry post 3: it is already published/);
    assert.equal((await creator(["posts", "retry", "99"], { cwd })).code, 2);

    const json = JSON.parse((await creator(["--json", "posts"], { cwd })).stdout);
    const byId = Object.fromEntries(json.posts.map((p: { id: number }) => [p.id, p]));
    assert.deepEqual([byId[1].status, byId[1].attempts], ["failed", 0]);
    assert.deepEqual([byId[2].status, byId[2].url], ["published", "https://discord.com/x"]);
    const audit = await creator(["logs", "--agent", "publishing"], { cwd });
    assert.match(audit.stdout, /post 1 \(plan 1, telegram\) re-queued by hand \(was unknown/);
    assert.match(audit.stdout, /post 2 \(plan 2, discord\) marked published by hand at https/);
  });
});

Deno.test("a daemon port in use is named with the fix, exit 2", async () => {
  await withTempDir(async (cwd) => {
    const taken = Deno.listen({ hostname: "127.0.0.1", port: 0 });
    try {
      const port = String((taken.addr as Deno.NetAddr).port);
      const r = await creator(["daemon", "--once", "--source", "sample", "--port", port], { cwd });
      assert.equal(r.code, 2, r.stderr);
      assert.match(
        r.stderr,
        new RegExp(`Cannot listen on 127\\.0\\.0\\.1:${port}: the port is in use`),
      );
    } finally {
      taken.close();
    }
  });
});

Deno.test("a failing agent in daemon --once prints why on stderr and exits 1", async () => {
  await withTempDir(async (cwd) => {
    const nowhere = Deno.listen({ hostname: "127.0.0.1", port: 0 });
    const url = `http://127.0.0.1:${(nowhere.addr as Deno.NetAddr).port}`;
    nowhere.close();
    await Deno.writeTextFile(
      `${cwd}/creator.yaml`,
      'daemon:\n  schedules:\n    market-scanner: "* * * * *"\n  isolate: []\n',
    );
    const r = await creator(["daemon", "--once"], {
      cwd,
      env: { CREATOR_EXCHANGE_BASE_URL: url, CREATOR_FEEDS: `${url}/feed` },
    });
    assert.equal(r.code, 1);
    assert.match(
      r.stderr,
      /error +\[market-scanner\] market-scanner failed: Cannot reach binance at http:\/\/127\.0\.0\.1:\d+: the connection was refused; check the network and CREATOR_EXCHANGE_BASE_URL; offline, `--source sample`/,
    );
  });
});

Deno.test("the README's install line puts a creator on the PATH that works from any folder", async () => {
  await withTempDir(async (home) => {
    const installed = await installInto(home);
    const elsewhere = await Deno.makeTempDir({ dir: home });
    const help = await new Deno.Command(installed, {
      args: ["--help"],
      cwd: elsewhere,
      env: { HOME: home, PATH: "/usr/bin:/bin" },
      clearEnv: true,
    }).output();
    const out = new TextDecoder().decode(help.stdout);
    assert.equal(help.code, 0, new TextDecoder().decode(help.stderr));
    assert.match(out, /^Usage: creator \[options\] \[command\]/);
    assert.equal(new TextDecoder().decode(help.stderr), "", "no download or set-up noise");
  });
});
