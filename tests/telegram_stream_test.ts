/**
 * The bot's update stream between the moderator and engagement: what engagement read while
 * no moderator ran (not even once before) is moderated once one runs, memberships get each update once
 * whoever read it, and engagement leaves getUpdates alone while the moderator reads.
 */
import assert from "node:assert/strict";
import { engagement } from "../agents/audience/engagement.ts";
import { claimReader } from "../agents/audience/telegram_stream.ts";
import { compileEngine } from "../agents/monetization/moderation/engine.ts";
import { mergeLists } from "../agents/monetization/moderation/lists.ts";
import { createModerator } from "../agents/monetization/moderation/moderator.ts";
import { feedTelegram } from "../agents/monetization/moderation/telegram_feed.ts";
import { ConfigSchema } from "../core/config_schema.ts";
import { createContext } from "../core/context.ts";
import { createIntegrations } from "../core/integrations.ts";
import { silentLogger } from "../core/log.ts";
import { createTelegramCommunity } from "../integrations/telegram/community.ts";
import { testBackends } from "../storage/test_backends.ts";
import { GROUP_ID, GROUP_TOKEN, groupMessage, startGroupFake } from "./fakes/telegram_group.ts";
import { PRIVATE_CHAT_ID } from "./fakes/telegram_members.ts";

const BOB = { id: 5001, first_name: "Bob" };
const STOPPED = "Understood: no more offers from us.";

function stop(userId: number) {
  const from = { id: userId, is_bot: false, first_name: "Dana" };
  return {
    message: {
      message_id: 1,
      from,
      chat: { id: userId, type: "private", first_name: "Dana" },
      date: Math.floor(Date.now() / 1000),
      text: "stop",
    },
  };
}

testBackends(
  "the bot's updates: one reader at a time, and every consumer gets each update once",
  async (t) => {
    const fake = startGroupFake();
    const store = await t.open();
    const config = ConfigSchema.parse({
      moderation: { telegram: { groupId: String(GROUP_ID) }, leaseSeconds: 1 },
      engagement: { platforms: ["telegram"] },
      membership: { telegramChatId: PRIVATE_CHAT_ID },
      baseUrls: { telegram: fake.url },
      secrets: { telegramBotToken: GROUP_TOKEN },
    });
    const ctx = createContext({ config, store, integrations: createIntegrations(config) });
    const community = createTelegramCommunity({
      token: GROUP_TOKEN,
      groupId: String(GROUP_ID),
      baseUrl: fake.url,
    });
    const moderator = createModerator({
      engine: compileEngine(config.moderation, mergeLists(config.moderation)),
      store,
      community,
      settings: config.moderation,
      log: silentLogger,
      instance: "test",
    });
    const calls = (method: string) => fake.calls.filter((c) => c.method === method);
    const deleted = () => calls("deleteMessage").map((c) => c.body.message_id);
    const stopped = () =>
      calls("sendMessage").filter((c) => c.body.text === STOPPED).map((c) => c.body.chat_id);
    const moderate = async (until: () => boolean | Promise<boolean>) => {
      const halt = new AbortController();
      const running = feedTelegram(ctx, community, moderator.handle, halt.signal, 1000);
      const end = Date.now() + 8000;
      while (!await until()) {
        if (Date.now() > end) throw new Error("timed out waiting for the moderator");
        await new Promise((r) => setTimeout(r, 20));
      }
      halt.abort();
      await running;
    };
    try {
      // No moderator has run yet: engagement reads, and memberships act at once.
      fake.push({ message: groupMessage(60, BOB, "validate your wallet here") });
      fake.push({ message: groupMessage(61, BOB, "DM me for the airdrop") });
      fake.push(stop(6001));
      const read = await engagement.run(ctx);
      assert.equal(read.read, 3);
      assert.deepEqual(stopped(), [6001]);
      assert.deepEqual(deleted(), []);

      // The moderator again: it acts on what engagement read, and hands nothing over twice.
      fake.push({ message: groupMessage(62, BOB, "seed phrase needed to sync your wallet") });
      const cursors = () =>
        Promise.all(
          ["moderation", "engagement", "memberships"].map((consumer) =>
            store.intake.cursor("telegram", `updates:${consumer}`)
          ),
        );
      await moderate(async () => {
        const last = String(await store.intake.lastUpdateSeq());
        return (await cursors()).every((c) => c === last) && deleted().length === 3;
      });
      assert.deepEqual(deleted(), [60, 61, 62]);
      assert.deepEqual(stopped(), [6001]);

      // While the moderator holds the reader lease, engagement leaves getUpdates alone.
      assert.ok(await claimReader(ctx, "elsewhere:moderator", 60_000));
      fake.push(stop(6002));
      const polls = fake.getUpdatesCalls;
      assert.equal((await engagement.run(ctx)).read, 0);
      assert.equal(fake.getUpdatesCalls, polls);
      assert.deepEqual(stopped(), [6001]);
      assert.equal(fake.conflicts, 0);
    } finally {
      await community.close();
      await store.close();
      await fake.close();
    }
  },
);
