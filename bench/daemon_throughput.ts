/**
 * Publishing throughput of `creator daemon` on one Postgres: how long one
 * instance, then several, take to send a batch of due posts to platform fakes
 * that answer after a fixed latency. Each instance sends one post at a time,
 * so several instances should divide the time by nearly their number.
 */
import {
  type Child,
  daemonSetup,
  freshSchema,
  reap,
  seedMany,
  spawnCreator,
  waitFor,
} from "../tests/_daemon_helpers.ts";
import { startHarness } from "../tests/harness.ts";

export interface ThroughputOptions {
  /** Posts in the timed batch, round-robin over X, Telegram and Discord. Default 200. */
  posts?: number;
  /** How long every platform fake takes to answer. Default 100 ms. */
  latencyMs?: number;
  /** Instances in the shared run. Default 4. */
  instances?: number;
}

export interface PublishThroughput {
  posts: number;
  latencyMs: number;
  instances: number;
  /** From the batch's commit to its last post published, one instance. */
  oneInstanceMs: number;
  /** The same with `instances` daemons on the same database. */
  sharedMs: number;
  /** oneInstanceMs / sharedMs (target >= 3 for 4 instances). */
  speedup: number;
  /**
   * When each shared instance sent its first post of the batch, ms after the
   * commit, earliest first: a slot goes to one instance, so they join a second apart.
   */
  joinedAfterMs: number[];
}

/**
 * Runs the batch once with one daemon and once with `instances` daemons, each
 * on a fresh schema and fresh fakes. Publishing is scheduled every second
 * ("* * * * * *") and runs on every instance at once, each post reserved
 * before it is sent. Before the timed batch, a warm-up batch (six posts
 * per instance) loads each process's platform clients.
 */
export async function benchPublishThroughput(
  options: ThroughputOptions = {},
): Promise<PublishThroughput> {
  const posts = options.posts ?? 200;
  const latencyMs = options.latencyMs ?? 100;
  const instances = options.instances ?? 4;
  const one = await timeBatch(1, posts, latencyMs);
  const shared = await timeBatch(instances, posts, latencyMs);
  return {
    posts,
    latencyMs,
    instances,
    oneInstanceMs: one.ms,
    sharedMs: shared.ms,
    speedup: one.ms / shared.ms,
    joinedAfterMs: shared.joinedAfterMs,
  };
}

async function timeBatch(
  instances: number,
  posts: number,
  latencyMs: number,
): Promise<{ ms: number; joinedAfterMs: number[] }> {
  const h = await startHarness({ platformLatencyMs: latencyMs });
  const pg = await freshSchema();
  const dir = await Deno.makeTempDir({ prefix: "creator-bench-" });
  const children: Child[] = [];
  try {
    const env = await daemonSetup(dir, h.config, {
      schedules: { publishing: "* * * * * *" },
      shutdownGraceSeconds: 5,
      logLevel: "warn",
    });
    for (let i = 0; i < instances; i++) {
      children.push(spawnCreator(["--db", pg.url, "daemon"], dir, env));
    }
    const published = async () => (await pg.store.posts.countByStatus()).published ?? 0;
    const warmUp = 6 * instances;
    await seedMany(pg.store, warmUp, undefined, "Warm-up note");
    await waitFor("the warm-up", async () => await published() === warmUp || undefined, 120_000);

    await seedMany(pg.store, posts, undefined, "Timed note");
    const committed = Date.now();
    const done = async () => await published() === warmUp + posts || undefined;
    await waitFor("the timed batch", done, 600_000, 50);
    // Plan ids follow the seeding order: the warm-up took the first ones.
    const rows = await pg.store.db.all<{ first: number; last: number }>(
      `SELECT MIN(reserved_at) AS first, MAX(published_at) AS last FROM published_content
       WHERE plan_id > ? GROUP BY reserved_by ORDER BY first`,
      [warmUp],
    );
    return {
      ms: Math.max(...rows.map((r) => Number(r.last))) - committed,
      joinedAfterMs: rows.map((r) => Number(r.first) - committed),
    };
  } finally {
    await reap(children);
    await pg.drop();
    await h.close();
    await Deno.remove(dir, { recursive: true });
  }
}
