/**
 * `creator daemon` as a user runs it: `--once` from cron beside a running
 * daemon, its exit code, and a daemon that outlives a database outage.
 */
import assert from "node:assert/strict";
import { TEST_PG_URL } from "../storage/test_backends.ts";
import { openStore, type Store } from "../storage/mod.ts";
import { creates } from "./_seed.ts";
import {
  type Child,
  daemonSetup,
  freshSchema,
  pidOf,
  reap,
  schemaUrl,
  seedMany,
  sentTexts,
  spawnCreator,
  statuses,
  waitFor,
  withoutPg,
} from "./_daemon_helpers.ts";
import { startTcpProxy } from "./_daemon_proxy.ts";
import { type Harness, startHarness } from "./harness.ts";

const EVERY_SECOND = { publishing: "* * * * * *" };

/** A harness, a temp dir with creator.yaml, and a SQLite store in it; all closed afterwards. */
async function withSqliteDaemon(
  fn: (h: Harness, dir: string, env: Record<string, string>, store: Store) => Promise<void>,
  latencyMs = 0,
): Promise<void> {
  const h = await startHarness({ platformLatencyMs: latencyMs });
  const dir = await Deno.makeTempDir({ prefix: "creator-daemon-" });
  const store = await openStore(`${dir}/creator.db`);
  try {
    const env = await daemonSetup(dir, h.config, { schedules: EVERY_SECOND });
    await fn(h, dir, env, store);
  } finally {
    await store.close();
    await h.close();
    await Deno.remove(dir, { recursive: true });
  }
}

/** `--once` claims the current second's slot; waiting for the next one gives each run its own. */
function nextSecond(): Promise<void> {
  return new Promise((done) => setTimeout(done, 1000 - (Date.now() % 1000) + 20));
}

Deno.test("daemon --once exits 1 when an agent failed and 0 when all went well", async () => {
  await withSqliteDaemon(async (h, dir, env, store) => {
    await seedMany(store, 1, ["x"]);
    h.x.failNext(1, 403);
    const once = async () => {
      await nextSecond();
      const c = spawnCreator(["--db", `${dir}/creator.db`, "daemon", "--once"], dir, env);
      return { code: (await c.status).code, log: c.log() };
    };

    const refused = await once();
    assert.equal(refused.code, 1, refused.log);
    assert.match(refused.log, /x refused plan \d+/);
    assert.deepEqual(await statuses(store), { failed: 1 });

    const retried = await once();
    assert.equal(retried.code, 0, retried.log);
    assert.match(retried.log, /published plan \d+ to x/);

    const idle = await once();
    assert.equal(idle.code, 0, idle.log);
    assert.deepEqual(await statuses(store), { published: 1 });
    assert.equal(h.x.posts.length, 1);
  });
});

Deno.test("daemon --once from a cron loop beside a running daemon on one SQLite file never posts twice", async () => {
  await withSqliteDaemon(async (h, dir, env, store) => {
    await seedMany(store, 90);
    const db = ["--db", `${dir}/creator.db`];
    const children: Child[] = [];
    try {
      const daemon = spawnCreator([...db, "daemon"], dir, env);
      children.push(daemon);
      const onceCodes: number[] = [];
      const cron = (async () => {
        // A cron entry every second, as fast as `--once` can start, until the queue is empty.
        while ((await statuses(store)).published !== 90 && onceCodes.length < 15) {
          const run = spawnCreator([...db, "daemon", "--once"], dir, env);
          children.push(run);
          onceCodes.push((await run.status).code);
        }
      })();
      await waitFor(
        "90 published",
        async () => (await statuses(store)).published === 90 || undefined,
        30_000,
        200,
      );
      await cron;
      daemon.kill("SIGTERM");
      assert.equal((await daemon.status).code, 0, daemon.log());
      assert.ok(onceCodes.length > 0 && onceCodes.every((c) => c === 0), `${onceCodes}`);

      assert.deepEqual(creates(h), { x: 30, telegram: 30, discord: 30 });
      assert.equal(new Set(sentTexts(h)).size, 90);
      const owners = await store.db.all<{ reserved_by: string; attempts: number }>(
        "SELECT reserved_by, attempts FROM published_content",
      );
      assert.ok(owners.every((r) => Number(r.attempts) === 1));
      const byOnce = owners.filter((r) => pidOf(r.reserved_by) !== daemon.pid).length;
      assert.ok(byOnce > 0 && byOnce < 90, `--once runs sent ${byOnce} of 90 beside the daemon`);
    } finally {
      await reap(children);
    }
  }, 60);
});

Deno.test({
  name: "the daemon waits out a database outage, reports it on /healthz, and resumes",
  ignore: withoutPg,
  async fn() {
    const h = await startHarness();
    const pg = await freshSchema();
    const target = new URL(TEST_PG_URL);
    const proxy = startTcpProxy({ hostname: target.hostname, port: Number(target.port || 5432) });
    const dir = await Deno.makeTempDir({ prefix: "creator-daemon-" });
    const children: Child[] = [];
    try {
      const url = new URL(schemaUrl(pg.schema));
      url.port = String(proxy.port);
      const env = await daemonSetup(dir, h.config, { schedules: EVERY_SECOND });
      const daemon = spawnCreator(["--db", url.toString(), "daemon", "--port", "0"], dir, env);
      children.push(daemon);
      const port = await waitFor(
        "the health server",
        () => /health on http:\/\/127\.0\.0\.1:(\d+)/.exec(daemon.log())?.[1],
        20_000,
      );
      const healthz = async () => {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`);
        return { status: res.status, body: await res.json() };
      };
      // Healthy once a cycle has ended with the database reachable.
      const healthy = () =>
        waitFor("/healthz 200", async () => (await healthz()).status === 200 || undefined, 10_000);
      await seedMany(pg.store, 3);
      await waitFor(
        "all 3 published",
        async () => (await statuses(pg.store)).published === 3 || undefined,
        20_000,
      );
      await healthy();

      await proxy.stop();
      await waitFor(
        "a failed cycle",
        () => /daemon cycle failed/.test(daemon.log()) || undefined,
        10_000,
      );
      const down = await healthz();
      assert.equal(down.status, 503);
      assert.equal(down.body.database.ok, false);
      await seedMany(pg.store, 3, undefined, "Outage note"); // due while the daemon cannot see them
      await new Promise((done) => setTimeout(done, 1500));
      proxy.start();

      await waitFor(
        "the posts seeded during the outage published",
        async () => (await statuses(pg.store)).published === 6 || undefined,
        20_000,
        200,
      );
      await healthy();
      daemon.kill("SIGTERM");
      assert.equal((await daemon.status).code, 0, daemon.log());
      assert.equal(new Set(sentTexts(h)).size, 6);
      assert.deepEqual(creates(h), { x: 2, telegram: 2, discord: 2 });
      assert.match(daemon.log(), /published plan \d+ to discord id=\d+\n/, "no url=undefined");
    } finally {
      await reap(children);
      await proxy.close();
      await pg.drop();
      await h.close();
      await Deno.remove(dir, { recursive: true });
    }
  },
});
