/**
 * Several `creator daemon` processes on one Postgres, against the platform
 * fakes: every due post goes out exactly once, whether the instances run side
 * by side, one of them is killed mid-send, or one is stopped with SIGTERM.
 */
import assert from "node:assert/strict";
import { creates } from "./_seed.ts";
import {
  daemonSetup,
  pidOf,
  seedMany,
  sentTexts,
  spawnCreator,
  statuses,
  waitFor,
  withoutPg,
  withPgDaemons,
} from "./_daemon_helpers.ts";

Deno.test({
  name: "four daemons on one Postgres publish 500 due posts, each exactly once",
  ignore: withoutPg,
  fn: () =>
    withPgDaemons({ platformLatencyMs: 5 }, async ({ h, pg, dir, children }) => {
      await seedMany(pg.store, 500);
      // A slot every second: instances claim different slots and meet on the posts.
      const env = await daemonSetup(dir, h.config, {
        schedules: { publishing: "* * * * * *" },
        leaseSeconds: 10,
        shutdownGraceSeconds: 5,
      });
      for (let i = 0; i < 4; i++) children.push(spawnCreator(["--db", pg.url, "daemon"], dir, env));
      await waitFor(
        "500 published rows",
        async () => (await statuses(pg.store)).published === 500 || undefined,
        60_000,
        250,
      );
      for (const c of children) c.kill("SIGTERM");
      const codes = await Promise.all(children.map((c) => c.status.then((s) => s.code)));
      assert.deepEqual(codes, [0, 0, 0, 0], children.map((c) => c.log()).join("\n"));

      const texts = sentTexts(h);
      assert.equal(texts.length, 500);
      assert.equal(new Set(texts).size, 500, "no text went out twice");
      const nonces = h.discord.posts.map((p) => p.nonce);
      assert.equal(new Set(nonces).size, 166, "each Discord post carried its own key");
      // Not one create request more than posts: nothing was even tried twice.
      assert.deepEqual(creates(h), { x: 167, telegram: 167, discord: 166 });
      assert.deepEqual(await statuses(pg.store), { published: 500 });
      const owners = await pg.store.db.all<{ reserved_by: string; attempts: number }>(
        "SELECT reserved_by, attempts FROM published_content",
      );
      assert.ok(owners.every((r) => Number(r.attempts) === 1));
      const pids = new Set(owners.map((r) => pidOf(r.reserved_by)));
      assert.ok(pids.size >= 2, `the work was shared: ${[...pids].join(", ")}`);
      assert.ok([...pids].every((pid) => children.some((c) => c.pid === pid)));
    }),
});

Deno.test({
  name:
    "a daemon killed with SIGKILL mid-send leaves its run and its post to another instance, and nothing goes out twice",
  ignore: withoutPg,
  fn: () =>
    // Slow platforms keep each send in flight long enough to be killed during one.
    withPgDaemons({ platformLatencyMs: 400 }, async ({ h, pg, dir, children }) => {
      // X and the Discord bot can be asked afterwards whether a post went out.
      await seedMany(pg.store, 6, ["x", "discord"]);
      // Publishing every second on both instances: each reserves posts one by one.
      const env = await daemonSetup(dir, h.config, {
        schedules: { publishing: "* * * * * *" },
        leaseSeconds: 10,
        sendLeaseSeconds: 10,
      });
      for (let i = 0; i < 2; i++) children.push(spawnCreator(["--db", pg.url, "daemon"], dir, env));
      const db = pg.store.db;
      // The moment a fake holds a create request (it answers 400 ms later), the send is in flight.
      const sends = () => creates(h).x + creates(h).discord;
      await waitFor("a post in flight", () => sends() > 0 || undefined, 20_000, 2);
      // Publishing runs on every instance (posts are reserved one by one): the victim is
      // whoever reserved the post whose request the fake holds. Both instances may have a
      // row in 'sending' at this moment, one of them not yet on the wire.
      const held = JSON.stringify([...h.x.requests, ...h.discord.requests].map((r) => r.body));
      const sending = await db.all<{ reserved_by: string; parts: string }>(
        `SELECT p.reserved_by, d.parts FROM published_content p
           JOIN drafts d ON d.id = p.draft_id WHERE p.status = 'sending'`,
      );
      const inFlight = sending.find((r) => held.includes((JSON.parse(r.parts) as string[])[0]));
      assert.ok(inFlight, "the request the fake holds belongs to a post in 'sending'");
      const victim = children.find((c) => c.pid === pidOf(inFlight.reserved_by))!;
      const survivor = children.find((c) => c !== victim)!;
      victim.kill("SIGKILL");
      assert.equal((await victim.status).signal, "SIGKILL");
      const runs = await db.all<{ owner: string }>(
        "SELECT owner FROM job_runs WHERE status = 'running'",
      );
      assert.ok(runs.some((r) => pidOf(r.owner) === victim.pid), "died holding its run");
      const left = await db.all<{ reserved_by: string }>(
        "SELECT reserved_by FROM published_content WHERE status = 'sending'",
      );
      assert.ok(left.some((r) => pidOf(r.reserved_by) === victim.pid), "died mid-send");

      await waitFor(
        "every post published by the survivor",
        async () => (await statuses(pg.store)).published === 6 || undefined,
        30_000,
        200,
      );
      // The fake had the request when the victim died, so the post is there to be found.
      assert.match(survivor.log(), /reconciled plan \d+ on (x|discord): it had gone out/);
      survivor.kill("SIGTERM");
      assert.equal((await survivor.status).code, 0);

      const texts = sentTexts(h);
      assert.equal(texts.length, 6);
      assert.equal(new Set(texts).size, 6, "no text went out twice");
      assert.deepEqual([h.x.posts.length, h.discord.posts.length], [3, 3]);
    }),
});

Deno.test({
  name:
    "SIGTERM during a send lets it finish, exits 0 within the grace period, and leaves the rest to the next instance",
  ignore: withoutPg,
  fn: () =>
    withPgDaemons({ platformLatencyMs: 1500 }, async ({ h, pg, dir, children }) => {
      await seedMany(pg.store, 3, ["x"]);
      const env = await daemonSetup(dir, h.config, {
        schedules: { publishing: "* * * * * *" },
        shutdownGraceSeconds: 5,
      });
      const first = spawnCreator(["--db", pg.url, "daemon"], dir, env);
      children.push(first);
      await waitFor("a send in flight", () => creates(h).x > 0 || undefined, 20_000, 2);
      const stopped = Date.now();
      first.kill("SIGTERM");
      assert.equal((await first.status).code, 0, first.log());
      const took = Date.now() - stopped;
      assert.ok(took < 5000, `exited ${took} ms after SIGTERM`);
      assert.match(first.log(), /interrupted: finishing what is in flight[\s\S]*daemon stopped/);
      // The send in flight completed and was recorded; nothing else was started.
      assert.equal(h.x.posts.length, 1);
      assert.deepEqual(await statuses(pg.store), { published: 1 });
      const [run] = await pg.store.db.all<{ status: string }>("SELECT status FROM job_runs");
      assert.equal(run.status, "ok");

      const next = spawnCreator(["--db", pg.url, "daemon"], dir, env);
      children.push(next);
      await waitFor(
        "the rest published by the next instance",
        async () => (await statuses(pg.store)).published === 3 || undefined,
        20_000,
        100,
      );
      next.kill("SIGTERM");
      assert.equal((await next.status).code, 0);
      assert.deepEqual(creates(h).x, 3);
      assert.equal(new Set(sentTexts(h)).size, 3);
    }),
});

Deno.test({
  name:
    "a send that outlasts the shutdown grace is left reserved for reconciliation and the daemon still exits 0",
  ignore: withoutPg,
  fn: () =>
    withPgDaemons({ platformLatencyMs: 5000 }, async ({ h, pg, dir, children }) => {
      await seedMany(pg.store, 2, ["x"]);
      const env = await daemonSetup(dir, h.config, {
        schedules: { publishing: "* * * * * *" },
        shutdownGraceSeconds: 1,
      });
      const daemon = spawnCreator(["--db", pg.url, "daemon"], dir, env);
      children.push(daemon);
      await waitFor("a send in flight", () => creates(h).x > 0 || undefined, 20_000, 2);
      const stopped = Date.now();
      daemon.kill("SIGTERM");
      assert.equal((await daemon.status).code, 0, daemon.log());
      const took = Date.now() - stopped;
      assert.ok(took >= 900 && took < 3500, `exited ${took} ms after SIGTERM`);
      assert.match(daemon.log(), /shutdown grace ran out/);
      // Still 'sending': the next publishing run asks X about it instead of sending it again.
      const rows = await pg.store.db.all<{ status: string }>(
        "SELECT status FROM published_content",
      );
      assert.deepEqual(rows.map((r) => r.status), ["sending"]);
      assert.equal(creates(h).x, 1);
    }),
});
