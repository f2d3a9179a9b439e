/**
 * Benchmark 10, Engagement and Analytics, on SQLite:
 * - intake of 10,000 X mentions from the fake (100 pages over HTTP through twitter-api-v2,
 *   parsed, members and messages stored; the fake serves them from a worker thread, as X
 *   serves them from its own machines) against a raw bulk insert of the same rows through
 *   node:sqlite: each member once, multi-row statements prepared once, one transaction;
 * - analytics over 5,000 published X posts spread unevenly over the five age buckets: tweets
 *   lookups made against the floor of ceil(n/100) calls per bucket.
 */
import { DatabaseSync, type SQLOutputValue } from "node:sqlite";
import { analytics } from "../agents/audience/analytics.ts";
import { intakeAll } from "../agents/audience/_intake.ts";
import { fixedClock } from "../core/clock.ts";
import { type Config, ConfigSchema } from "../core/config_schema.ts";
import { createContext } from "../core/context.ts";
import { createIntegrations } from "../core/integrations.ts";
import type { IncomingMessage } from "../core/vocabulary.ts";
import { openStore, type Store } from "../storage/mod.ts";
import { type FakeMention } from "../tests/fakes/x_audience.ts";
import { startXFake, TEST_CREDENTIALS, type XFake } from "../tests/fakes/x.ts";
import { sqliteRows } from "./_raw_insert.ts";
import { type BenchResult, median, ms, progress, rate, ratio, verdict } from "./_table.ts";

const MENTIONS = 10_000;
const USERS = 2_000;
const RUNS = 5;
const NOW = Date.UTC(2025, 1, 1, 12);
/** Posts per age bucket (1h, 6h, 24h, 72h, 7d): uneven, 5,000 in all. */
const BUCKET_POSTS = [1234, 987, 1111, 868, 800];
const BUCKET_AGES_H = [1, 6, 24, 72, 168];

export async function benchAudience(): Promise<BenchResult> {
  const served = await serveMentions();
  const ours: number[] = [];
  const stored: number[] = [];
  const raw: number[] = [];
  try {
    progress(`10. intake of ${MENTIONS} mentions, ${RUNS} runs each side`);
    for (let run = 0; run < RUNS; run++) {
      ours.push(await timedIntake(xConfig(served.url)));
      stored.push(await timedRecord(served.mentions));
      raw.push(await timedRaw(served.mentions));
    }
  } finally {
    await served.close();
  }
  // Analytics counts the lookups the fake saw, so that fake runs here.
  const x = startXFake();
  try {
    progress("10. analytics over 5,000 posts");
    const metrics = await analyticsCalls(x, xConfig(x.url));
    return report({ ours: median(ours), stored: median(stored), raw: median(raw) }, metrics);
  } finally {
    await x.close();
  }
}

/** The X fake in a worker thread, holding the mentions to take in. */
async function serveMentions() {
  const worker = new Worker(new URL("./_x_fake_worker.ts", import.meta.url), { type: "module" });
  const reply = <T>() => new Promise<T>((resolve) => worker.onmessage = (e) => resolve(e.data));
  const ready = reply<{ url: string; mentions: FakeMention[] }>();
  worker.postMessage({ mentions: MENTIONS, users: USERS });
  const { url, mentions } = await ready;
  return {
    url,
    mentions,
    async close() {
      const closed = reply<string>();
      worker.postMessage("close");
      await closed;
      worker.terminate();
    },
  };
}

function xConfig(url: string): Config {
  return ConfigSchema.parse({
    baseUrls: { x: url },
    secrets: {
      xApiKey: TEST_CREDENTIALS.appKey,
      xApiSecret: TEST_CREDENTIALS.appSecret,
      xAccessToken: TEST_CREDENTIALS.accessToken,
      xAccessSecret: TEST_CREDENTIALS.accessSecret,
    },
    engagement: { platforms: ["x"], x: { dailyBudgetUsd: 1000 } },
  });
}

async function withTempStore<T>(fn: (store: Store, path: string) => Promise<T>): Promise<T> {
  const dir = await Deno.makeTempDir({ prefix: "creator-bench-" });
  const store = await openStore(`${dir}/creator.db`);
  try {
    return await fn(store, `${dir}/creator.db`);
  } finally {
    await store.close();
    await Deno.remove(dir, { recursive: true });
  }
}

/** ms to take every mention in, from a cursor before the first (so every page is read). */
function timedIntake(config: Config): Promise<number> {
  return withTempStore(async (store) => {
    const integrations = createIntegrations(config);
    const ctx = createContext({ config, store, integrations, clock: fixedClock(NOW) });
    await store.intake.advance("x", "mentions", "1", NOW);
    const audience = await integrations.audience("x");
    if ("missing" in audience) throw new Error(audience.missing);
    const started = performance.now();
    const counts = await intakeAll(ctx, [audience]);
    const elapsed = performance.now() - started;
    if (counts.stored !== MENTIONS) throw new Error(`stored ${counts.stored} of ${MENTIONS}`);
    return elapsed;
  });
}

/** The storing half alone: the same messages, already parsed, through the store. */
function timedRecord(mentions: FakeMention[]): Promise<number> {
  const messages: IncomingMessage[] = mentions.map((m) => ({
    platform: "x",
    externalId: m.id,
    kind: "mention",
    author: {
      platform: "x",
      externalId: m.authorId,
      handle: m.username,
      displayName: m.username,
      isBot: false,
    },
    text: m.text,
    sentAt: NOW,
    inReplyToPostId: null,
    conversationId: m.id,
  }));
  return withTempStore(async (store) => {
    const started = performance.now();
    await store.interactions.record(messages, NOW);
    return performance.now() - started;
  });
}

/**
 * The same members and messages, straight through node:sqlite: each member once (its last
 * mention's names, as the store keeps them), their ids as the upserts return them, then the
 * messages, all in multi-row statements.
 */
function timedRaw(mentions: FakeMention[]): Promise<number> {
  return withTempStore(async (store, path) => {
    await store.close();
    const db = new DatabaseSync(path);
    db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
    try {
      const started = performance.now();
      const members = new Map<string, FakeMention>();
      for (const m of mentions) members.set(m.authorId, m);
      db.exec("BEGIN IMMEDIATE");
      const ids = new Map<SQLOutputValue, SQLOutputValue>();
      for (
        const r of sqliteRows(
          db,
          `INSERT INTO community_users (platform, external_id, handle, display_name, is_bot,
             first_seen_at, last_seen_at) VALUES`,
          "('x', ?, ?, ?, 0, ?, ?)",
          `ON CONFLICT (platform, external_id) DO UPDATE SET handle = excluded.handle,
             display_name = excluded.display_name, last_seen_at = excluded.last_seen_at
           RETURNING id, external_id`,
          [...members.values()].map((m) => [m.authorId, m.username, m.username, NOW, NOW]),
        )
      ) ids.set(r.external_id, r.id);
      sqliteRows(
        db,
        `INSERT INTO user_interactions (platform, external_id, user_id, kind, conversation_id,
           text, received_at) VALUES`,
        "('x', ?, ?, 'mention', ?, ?, ?)",
        "ON CONFLICT (platform, external_id) DO NOTHING",
        mentions.map((m) => [m.id, ids.get(m.authorId) ?? null, m.id, m.text, NOW]),
      );
      db.exec("COMMIT");
      return performance.now() - started;
    } finally {
      db.close();
    }
  });
}

async function analyticsCalls(x: XFake, config: Config) {
  return await withTempStore(async (store) => {
    const ids = await seedPosts(store);
    for (const id of ids) x.audience.setMetrics(id, { like_count: 3, impression_count: 50 });
    const before = x.requests.filter((r) => r.path.startsWith("/2/tweets?")).length;
    const integrations = createIntegrations(config);
    const ctx = createContext({ config, store, integrations, clock: fixedClock(NOW) });
    const started = performance.now();
    const result = await analytics.run(ctx);
    const elapsed = performance.now() - started;
    const calls = x.requests.filter((r) => r.path.startsWith("/2/tweets?")).length - before;
    if (result.written !== ids.length) throw new Error(`stored ${result.written} snapshots`);
    const floor = BUCKET_POSTS.reduce((sum, n) => sum + Math.ceil(n / 100), 0);
    return { calls, floor, elapsed, posts: ids.length };
  });
}

/** 5,000 published X posts, each at the start of its bucket; returns their tweet ids. */
async function seedPosts(store: Store): Promise<string[]> {
  const ages = BUCKET_POSTS.flatMap((n, b) => Array(n).fill(BUCKET_AGES_H[b]) as number[]);
  const rows = ages.map((_, i) => i + 1);
  await store.db.insertMany(
    "insights",
    ["id", "dedup_key", "type", "headline", "importance", "facts", "source_ref", "created_at"],
    rows.map((i) => [i, `bench-${i}`, "price_move", `post ${i}`, 0.5, "{}", "bench", NOW]),
  );
  await store.db.insertMany(
    "content_plans",
    ["id", "insight_id", "platform", "format", "scheduled_at", "priority", "status", "created_at"],
    rows.map((i) => [i, i, "x", "single", NOW, 0.5, "drafted", NOW]),
  );
  await store.db.insertMany(
    "drafts",
    ["id", "plan_id", "attempt", "writer", "parts", "status", "created_at"],
    rows.map((i) => [i, i, 1, "template", "[]", "accepted", NOW]),
  );
  const ids = rows.map((i) => String(1_900_000_000_000_000_000n + BigInt(i)));
  await store.db.insertMany(
    "published_content",
    ["plan_id", "platform", "draft_id", "status", "external_id", "published_at"],
    rows.map((i) => [i, "x", i, "published", ids[i - 1], NOW - ages[i - 1] * 3_600_000 - 60_000]),
  );
  return ids;
}

function report(
  t: { ours: number; stored: number; raw: number },
  m: { calls: number; floor: number; elapsed: number; posts: number },
): BenchResult {
  const oursRate = MENTIONS / (t.ours / 1000);
  const storedRate = MENTIONS / (t.stored / 1000);
  const rawRate = MENTIONS / (t.raw / 1000);
  return {
    rows: [
      {
        benchmark: `10. intake of ${MENTIONS.toLocaleString("en")} X mentions (SQLite)`,
        measured: rate(oursRate, "rows"),
        baseline: `${rate(rawRate, "rows")} (raw insert)`,
        ratio: ratio(oursRate / rawRate),
        target: ">= 0.50x",
        verdict: verdict(oursRate / rawRate >= 0.5),
      },
      {
        benchmark: "10. of which storing the parsed rows",
        measured: rate(storedRate, "rows"),
        baseline: `${rate(rawRate, "rows")} (raw insert)`,
        ratio: ratio(storedRate / rawRate),
        target: "-",
        verdict: "-",
      },
      {
        benchmark: `10. analytics, ${m.posts.toLocaleString("en")} X posts`,
        measured: `${m.calls} calls`,
        baseline: `${m.floor} calls (ceil(n/100) per bucket)`,
        ratio: ratio(m.calls / m.floor),
        target: "<= 1.00x",
        verdict: verdict(m.calls <= m.floor),
      },
    ],
    notes: [
      `10. bench/audience.ts: intake = ${MENTIONS} mentions from ${USERS} members read from the ` +
      `X fake on 127.0.0.1 (100 pages through twitter-api-v2, OAuth-signed) and stored through ` +
      `the store, median of ${RUNS} runs: ${ms(t.ours)}, of which storing the parsed rows ` +
      `alone takes ${ms(t.stored)}; baseline = the same members (each once) and messages ` +
      `through node:sqlite, multi-row statements in one transaction, nothing fetched: ` +
      `${ms(t.raw)}. The rest is ` +
      `100 sequential HTTP round trips (X pages are chained by pagination_token), with the fake ` +
      `serving them from a worker thread of the same process. ` +
      `Analytics: ${m.posts} posts in buckets of ${BUCKET_POSTS.join("/")} due at once; every ` +
      `due post is looked up 100 ids per call whatever its bucket, so the calls can fall below ` +
      `the per-bucket floor; the run took ${ms(m.elapsed)}.`,
    ],
  };
}
