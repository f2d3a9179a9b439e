/**
 * `kill -9` between reserve and send: a real `creator engage` process is killed while its
 * reply is on the wire, and the next run neither sends it again nor forgets it.
 */
import assert from "node:assert/strict";
import { engagement } from "../agents/audience/engagement.ts";
import { fixedClock } from "../core/clock.ts";
import { ConfigSchema } from "../core/config_schema.ts";
import { createContext } from "../core/context.ts";
import { createIntegrations } from "../core/integrations.ts";
import { openStore } from "../storage/mod.ts";
import { withTempDir } from "./cli.ts";
import { startXFake, TEST_CREDENTIALS } from "./fakes/x.ts";

const MAIN = new URL("../main.ts", import.meta.url).pathname;

Deno.test("a sender killed with SIGKILL mid-reply leaves it 'unknown', never sent twice", async () => {
  // Slow answers hold the reply on the wire long enough to kill the sender there.
  const x = startXFake({ latencyMs: 400 });
  try {
    await withTempDir(async (dir) => {
      const db = `${dir}/creator.db`;
      const id = x.audience.mention({
        text: "@creator is it over?",
        authorId: "4",
        username: "pat",
      });
      const env = {
        NO_COLOR: "1",
        PATH: Deno.env.get("PATH") ?? "",
        HOME: Deno.env.get("HOME") ?? dir,
        ...(Deno.env.get("DENO_DIR") ? { DENO_DIR: Deno.env.get("DENO_DIR")! } : {}),
        CREATOR_X_BASE_URL: x.url,
        X_API_KEY: TEST_CREDENTIALS.appKey,
        X_API_SECRET: TEST_CREDENTIALS.appSecret,
        X_ACCESS_TOKEN: TEST_CREDENTIALS.accessToken,
        X_ACCESS_SECRET: TEST_CREDENTIALS.accessSecret,
      };
      const child = new Deno.Command(Deno.execPath(), {
        args: ["run", "-A", MAIN, "engage", "--db", db],
        cwd: dir,
        env,
        clearEnv: true,
        stdout: "null",
        stderr: "null",
      }).spawn();
      // Wait until the reply POST has reached the fake: reserved, and on the wire.
      const deadline = Date.now() + 30_000;
      while (!x.requests.some((r) => r.method === "POST" && r.path === "/2/tweets")) {
        if (Date.now() > deadline) throw new Error("the reply never reached the fake");
        await new Promise((done) => setTimeout(done, 20));
      }
      child.kill("SIGKILL");
      assert.equal((await child.status).signal, "SIGKILL");

      const store = await openStore(db);
      try {
        assert.equal((await store.interactions.get("x", id))?.replyState, "sending");
        const config = ConfigSchema.parse({
          baseUrls: { x: x.url },
          secrets: {
            xApiKey: TEST_CREDENTIALS.appKey,
            xApiSecret: TEST_CREDENTIALS.appSecret,
            xAccessToken: TEST_CREDENTIALS.accessToken,
            xAccessSecret: TEST_CREDENTIALS.accessSecret,
          },
        });
        const integrations = createIntegrations(config);
        // Past the send lease: the dead sender's reservation is settled, not retried.
        const later = fixedClock(Date.now() + (config.daemon.sendLeaseSeconds + 1) * 1000);
        await engagement.run(createContext({ config, store, integrations, clock: later }));
        await integrations.close();
        const row = await store.interactions.get("x", id);
        assert.equal(row?.replyState, "unknown");
        const posted = x.requests.filter((r) => r.method === "POST" && r.path === "/2/tweets");
        assert.equal(posted.length, 1, "the reply was attempted once, by the killed sender");
      } finally {
        await store.close();
      }
    });
  } finally {
    await x.close();
  }
});
