/**
 * CommunityModerator as the daemon-less `creator moderate` runs it: two
 * instances on one database, one moderating and one standing by; lists
 * refreshed in the database are picked up while running; when the holder
 * stops, the other takes over without repeating what was done.
 */
import assert from "node:assert/strict";
import { communityModerator } from "../agents/monetization/community_moderator.ts";
import { ConfigSchema } from "../core/config_schema.ts";
import { createContext } from "../core/context.ts";
import { createIntegrations } from "../core/integrations.ts";
import { testBackends } from "../storage/test_backends.ts";
import { GROUP_ID, GROUP_TOKEN, groupMessage, startGroupFake } from "./fakes/telegram_group.ts";

const BOB = { id: 5001, first_name: "Bob" };

async function until(what: string, ok: () => boolean | Promise<boolean>, ms = 8000) {
  const end = Date.now() + ms;
  while (!await ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

testBackends(
  "moderate: one instance at a time, lists refreshed while running, a clean handover",
  async (t) => {
    const fake = startGroupFake();
    const store = await t.open();
    const config = ConfigSchema.parse({
      moderation: { telegram: { groupId: String(GROUP_ID) }, leaseSeconds: 1 },
      baseUrls: { telegram: fake.url },
      secrets: { telegramBotToken: GROUP_TOKEN },
    });
    const start = (instance: string) => {
      const stop = new AbortController();
      const ctx = createContext({
        config,
        store,
        instance,
        signal: stop.signal,
        integrations: createIntegrations(config),
      });
      return { stop, done: communityModerator.run(ctx) };
    };
    const calls = (method: string) => fake.calls.filter((c) => c.method === method);
    const a = start("a");
    let b: ReturnType<typeof start> | undefined;
    try {
      await until("a to poll", () => fake.getUpdatesCalls > 0);
      b = start("b");
      fake.push({ message: groupMessage(30, BOB, "my new site https://fresh-drainer.example") });
      fake.push({ message: groupMessage(31, BOB, "DM me for signals") });
      await until("the first delete", () => calls("deleteMessage").length === 1);
      assert.deepEqual(calls("deleteMessage")[0].body.message_id, 31, "the unlisted link passed");

      // `moderation update-lists` writes here; the running instance picks it up.
      await store.moderation.replaceDomains("https://lists.example/a", {
        blocked: ["fresh-drainer.example"],
        allowed: [],
        protect: [],
      }, Date.now());
      await new Promise((r) => setTimeout(r, 1200));
      fake.push({ message: groupMessage(32, BOB, "again: https://fresh-drainer.example/claim") });
      await until("the ban", () => calls("banChatMember").length === 1);
      await until(
        "the ban recorded",
        async () =>
          (await store.moderation.recent()).filter((x) => x.status === "done").length === 2,
      );

      // The holder stops: the standby takes over and acts only on what is new.
      a.stop.abort();
      const resultA = await a.done;
      assert.equal(resultA.written, 2);
      fake.push({ message: groupMessage(33, BOB, "check your inbox, DM me") });
      await until("b's delete", () => calls("deleteMessage").length === 3);
      const actions = await store.moderation.recent();
      assert.deepEqual(actions.map((x) => [x.messageId, x.instance]), [
        ["33", "b"],
        ["32", "a"],
        ["31", "a"],
      ]);
    } finally {
      a.stop.abort();
      b?.stop.abort();
      await Promise.all([a.done, b?.done]);
      await store.close();
      await fake.close();
    }
  },
);
