/**
 * The reading connection (pg_reader.ts) against real Postgres: it reads what
 * the driver reads, value for value, fails as the driver fails, never writes,
 * and leaves to the driver every URL or store it cannot take.
 */
import assert from "node:assert/strict";
import { agentLogs } from "./agent_logs.ts";
import type { Db } from "./db.ts";
import { openForReading } from "./open.ts";
import { openReader, readerTarget, startScram } from "./pg_reader.ts";
import { posts } from "./posts.ts";
import { TABLES, tableSizes } from "./sizes.ts";
import { TEST_PG_URL, testPostgres } from "./test_backends.ts";

const NOW = 1_750_000_000_000;

async function reading(url: string): Promise<Db> {
  const db = await openReader(url, "test");
  assert.ok(db, `declined ${url}`);
  return db;
}

testPostgres("the reading connection reads what the driver reads", async (t) => {
  const store = await t.open();
  const reader = await reading(`${TEST_PG_URL}?search_path=${t.schema}`);
  try {
    const logs = agentLogs(store.db);
    for (let i = 0; i < 40; i++) {
      await logs.append({
        runId: `r${i}`,
        agent: i % 3 ? "analysis" : "publishing",
        level: (["debug", "info", "warn", "error"] as const)[i % 4],
        event: (["start", "end", "log"] as const)[i % 3],
        message: `line ${i} — “quoted” ü`,
        status: i % 3 === 1 ? "ok" : undefined,
        durationMs: i * 10,
        error: i % 7 ? undefined : "it's broken",
        data: i % 5 ? undefined : { n: i, nested: { ok: true } },
        at: NOW + i * 1000,
      });
    }
    const both = async (read: (db: Db) => Promise<unknown>) =>
      assert.deepEqual(await read(reader), await read(store.db));
    await both((db) => agentLogs(db).lastRuns(["analysis", "publishing", "feedback-loop"]));
    await both((db) => agentLogs(db).query({ limit: 100 }));
    await both((db) => agentLogs(db).query({ agent: "analysis", level: "warn", limit: 5 }));
    await both((db) => agentLogs(db).query({ since: NOW + 20_000, limit: 100 }));
    await both((db) => tableSizes(db, TABLES));
    await both((db) => tableSizes(db, ["agent_logs"], 10));
    await both((db) => posts(db).countByStatus());
    await both((db) =>
      db.all(
        `SELECT 1::int2 AS a, 2::int4 AS b, 9007199254740991::int8 AS c, 1.5::float4 AS d,
           2.5::float8 AS e, 3.25::numeric AS f, true AS g, false AS h, 'x'::text AS i,
           '{"a": [1, 2]}'::jsonb AS j, '{"b": null}'::json AS k, NULL AS l, ? AS m,
           ?::bigint + 1 AS n, 'it''s ?' AS o`,
        ["‘?’ 'quoted' ü\n", 41],
      )
    );
    await both((db) => db.all("SELECT * FROM agent_logs WHERE false"));
  } finally {
    await reader.close();
    await store.close();
  }
});

testPostgres("the reading connection fails as the driver fails and never writes", async (t) => {
  const store = await t.open();
  const reader = await reading(`${TEST_PG_URL}?search_path=${t.schema}`);
  try {
    const failure = (db: Db) => db.all("SELECT nope FROM nowhere").then(() => "", (e) => e.message);
    const message = await failure(reader);
    assert.match(message, /relation "nowhere" does not exist \(42P01\)/);
    assert.equal(message, await failure(store.db));
    // The connection is still usable after an error.
    assert.deepEqual(await reader.all("SELECT 1 AS one"), [{ one: 1 }]);
    for (
      const write of [
        () => reader.run("DELETE FROM agent_logs"),
        () => reader.exec("DROP TABLE agent_logs"),
        () => reader.insertMany("agent_logs", ["agent"], [["x"]]),
        () => reader.transaction(() => Promise.resolve()),
      ]
    ) await assert.rejects(write(), /only reads/);
  } finally {
    await reader.close();
    await store.close();
  }
});

testPostgres(
  "a store with migrations pending is opened with the driver, which migrates it",
  async (t) => {
    const bare = await t.open({ migrate: false });
    await bare.close();
    const db = await openForReading(`${TEST_PG_URL}?search_path=${t.schema}`);
    try {
      const [row] = await db.all<{ n: number }>("SELECT COUNT(*) AS n FROM schema_migrations");
      assert.ok(Number(row.n) > 0);
      assert.equal(await db.run("SELECT 1"), 1, "the driver, which writes");
    } finally {
      await db.close();
    }
  },
);

Deno.test("URLs the driver must take: TLS, socket folders, no user, nothing listening", async () => {
  const none = () => undefined;
  assert.deepEqual(readerTarget("postgres://u:p%40ss@db.example:6543/app?search_path=s", none), {
    host: "db.example",
    port: 6543,
    user: "u",
    password: "p@ss",
    params: { application_name: "creator", database: "app", search_path: "s" },
  });
  // What the URL leaves out, the driver takes from the environment: so must this, or decline.
  const env = (vars: Record<string, string>) => (name: string) => vars[name];
  assert.equal(readerTarget("postgres://u@h/db", env({ PGPORT: "6543" })), null);
  assert.equal(readerTarget("postgres://u@h:5432/", env({ PGDATABASE: "other" })), null);
  assert.equal(readerTarget("postgres://u@h:5432/db", env({ PGSSL: "require" })), null);
  assert.ok(readerTarget("postgres://u@h:5432/db", env({ PGPORT: "6543", PGDATABASE: "x" })));
  for (
    const url of [
      "postgres://u@h/db?sslmode=require",
      "postgres://u@h/db?ssl=true",
      "postgres://u@/db?host=/var/run/postgresql",
      "postgres://h/db",
      "postgres://u@h1,h2/db",
      "postgres://u@h/db?connect_timeout=5",
      "mysql://u@h/db",
      "not a url",
    ]
  ) assert.equal(readerTarget(url), null, url);
  // A port nobody listens on: null, and the driver words the error.
  const free = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (free.addr as Deno.NetAddr).port;
  free.close();
  assert.equal(await openReader(`postgres://u@127.0.0.1:${port}/db`, "x"), null);
});

Deno.test("SCRAM-SHA-256 answers RFC 7677's example exchange", async () => {
  const scram = startScram("pencil", "user", "rOprNGfwEbeRWgbNEkqO");
  assert.equal(scram.clientFirst, "n,,n=user,r=rOprNGfwEbeRWgbNEkqO");
  const final = await scram.clientFinal(
    "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
  );
  assert.equal(
    final,
    "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0," +
      "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=",
  );
  assert.ok(await scram.verify("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="));
  assert.ok(!await scram.verify("v=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="));
  // A server nonce that does not extend ours is refused.
  await assert.rejects(startScram("pencil", "user", "abc").clientFinal("r=xyz,s=AA==,i=1"));
});

Deno.test("a server that takes the connection and never answers is left to the driver", async () => {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const held: Deno.Conn[] = [];
  const accepting = (async () => {
    for await (const conn of listener) held.push(conn);
  })();
  const started = Date.now();
  const port = (listener.addr as Deno.NetAddr).port;
  assert.equal(await openReader(`postgres://u@127.0.0.1:${port}/db`, "x"), null);
  assert.ok(Date.now() - started < 4_000, "waited past the login deadline");
  listener.close();
  await accepting;
  for (const conn of held) conn.close();
});
