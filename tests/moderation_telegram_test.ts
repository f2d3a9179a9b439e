/**
 * CommunityModerator in the Telegram group through grammY: updates fed one
 * at a time, and the moderator's read of the bot's update stream through a
 * failing poll.
 */
import assert from "node:assert/strict";
import { DEFAULT_MODERATION, type ModerationSettings } from "../core/config_moderation.ts";
import { silentLogger } from "../core/log.ts";
import { compileEngine } from "../agents/monetization/moderation/engine.ts";
import { mergeLists } from "../agents/monetization/moderation/lists.ts";
import { createModerator } from "../agents/monetization/moderation/moderator.ts";
import { undoAction } from "../agents/monetization/moderation/undo.ts";
import { feedTelegram } from "../agents/monetization/moderation/telegram_feed.ts";
import { ConfigSchema } from "../core/config_schema.ts";
import { createContext } from "../core/context.ts";
import { createIntegrations } from "../core/integrations.ts";
import { createTelegramCommunity } from "../integrations/telegram/community.ts";
import { testBackends } from "../storage/test_backends.ts";
import {
  ADMIN,
  GROUP_ID,
  GROUP_TOKEN,
  groupMessage,
  MOD_LOG_CHAT,
  startGroupFake,
} from "./fakes/telegram_group.ts";

const BOB = { id: 5001, first_name: "Bob" };

function setup(store: Parameters<typeof createModerator>[0]["store"]) {
  const fake = startGroupFake();
  const settings: ModerationSettings = {
    ...DEFAULT_MODERATION,
    raid: { ...DEFAULT_MODERATION.raid, joins: 3, seconds: 10, calmSeconds: 30 },
  };
  const engine = compileEngine(settings, mergeLists(settings, { blocked: ["drainer.example"] }));
  const community = createTelegramCommunity({
    token: GROUP_TOKEN,
    groupId: String(GROUP_ID),
    modLogChatId: String(MOD_LOG_CHAT),
    baseUrl: fake.url,
  });
  const moderator = createModerator({
    engine,
    store,
    community,
    settings,
    log: silentLogger,
    instance: "test:tg",
  });
  return { fake, community, moderator };
}

testBackends(
  "telegram: one update at a time: scams deleted once, admins immune, hidden links read, raid locks and unlocks, undo unbans",
  async (t) => {
    const store = await t.open();
    const { fake, community, moderator } = setup(store);
    const feed = (update: Record<string, unknown>) =>
      community.handleUpdate(fake.push(update) as never, moderator.handle);
    const methods = () => fake.calls.map((c) => c.method);
    try {
      await feed({ message: groupMessage(10, BOB, "gm, ETH looks strong today") });
      await feed({
        message: groupMessage(11, ADMIN, "send me your seed phrase (a test by an admin)"),
      });
      assert.deepEqual(methods(), []);

      await feed({ message: groupMessage(12, BOB, "please validate your wallet") });
      await feed({ edited_message: groupMessage(12, BOB, "please validate your wallet now") });
      assert.deepEqual(methods(), ["deleteMessage", "sendMessage"]);
      assert.deepEqual(fake.calls[0].body, { chat_id: String(GROUP_ID), message_id: 12 });

      // A link hidden behind plain words is still a link to a phishing domain: ban.
      await feed({
        message: groupMessage(13, BOB, "official site", {
          entities: [{ type: "text_link", offset: 0, length: 8, url: "https://drainer.example/x" }],
        }),
      });
      assert.deepEqual(methods().slice(2), ["deleteMessage", "banChatMember", "sendMessage"]);
      const ban = (await store.moderation.recent()).find((a) => a.action === "ban")!;
      assert.equal(ban.rule, "phishing-domain");

      // Raid: three joins within ten seconds lock the group; a calm spell unlocks it.
      const now = Date.now();
      const joiners = [1, 2, 3].map((i) => ({
        id: 6000 + i,
        is_bot: false,
        first_name: `new${i}`,
      }));
      await feed({
        message: groupMessage(14, joiners[0], "", { new_chat_members: joiners, text: undefined }),
      });
      assert.equal(fake.calls.at(-2)!.method, "setChatPermissions");
      assert.equal(
        fake.calls.at(-2)!.body.permissions &&
          (fake.calls.at(-2)!.body.permissions as Record<string, boolean>).can_send_messages,
        false,
      );
      await moderator.tick(now + 31_000);
      const unlock = fake.calls.filter((c) => c.method === "setChatPermissions").at(-1)!;
      assert.deepEqual(unlock.body.permissions, { can_send_messages: true, can_send_polls: true });

      // Undo lifts the ban.
      assert.match(await undoAction(community, ban), /unbanned Bob/);
      assert.deepEqual(fake.calls.at(-1), {
        method: "unbanChatMember",
        body: { chat_id: String(GROUP_ID), user_id: BOB.id, only_if_banned: true },
      });
    } finally {
      await community.close();
      await store.close();
      await fake.close();
    }
  },
);

testBackends(
  "telegram: the moderator's update loop rides out failing polls and acts on each message once",
  async (t) => {
    const store = await t.open();
    const { fake, community, moderator } = setup(store);
    const stop = new AbortController();
    const config = ConfigSchema.parse({
      moderation: { telegram: { groupId: String(GROUP_ID) } },
      engagement: { platforms: [] },
      baseUrls: { telegram: fake.url },
      secrets: { telegramBotToken: GROUP_TOKEN },
    });
    const ctx = createContext({
      config,
      store,
      signal: stop.signal,
      integrations: createIntegrations(config),
    });
    const deleted = () =>
      fake.calls.filter((c) => c.method === "deleteMessage").map((c) => c.body.message_id);
    try {
      fake.failPolls(1);
      for (let i = 0; i < 3; i++) {
        fake.push({ message: groupMessage(20 + i, BOB, `DM me for signals ${i}`) });
      }
      // leaseMs 3000: one-second long polls.
      const running = feedTelegram(ctx, community, moderator.handle, stop.signal, 3000);
      const end = Date.now() + 10_000;
      while (deleted().length < 3) {
        if (Date.now() > end) throw new Error("timed out waiting for three deletes");
        await new Promise((r) => setTimeout(r, 20));
      }
      stop.abort();
      await running;
      assert.ok(fake.getUpdatesCalls >= 2);
      assert.deepEqual(deleted(), [20, 21, 22]);
      assert.equal(
        await store.intake.cursor("telegram", "updates:moderation"),
        String(await store.intake.lastUpdateSeq()),
      );
    } finally {
      stop.abort();
      await community.close();
      await store.close();
      await fake.close();
    }
  },
);

testBackends(
  "telegram: a dry run calls nothing and reserves nothing, so a real run still acts",
  async (t) => {
    const store = await t.open();
    const { fake, community } = setup(store);
    const settings = DEFAULT_MODERATION;
    const engine = compileEngine(settings, mergeLists(settings));
    const moderator = (dryRun: boolean) =>
      createModerator({
        engine,
        store,
        community,
        settings,
        log: silentLogger,
        instance: "t",
        dryRun,
      });
    try {
      const update = fake.push({ message: groupMessage(50, BOB, "validate your wallet") });
      await community.handleUpdate(update as never, moderator(true).handle);
      assert.equal(fake.calls.length, 0);
      assert.equal((await store.moderation.recent()).length, 0);
      await community.handleUpdate(update as never, moderator(false).handle);
      assert.deepEqual(fake.calls.map((c) => c.method), ["deleteMessage", "sendMessage"]);
    } finally {
      await community.close();
      await store.close();
      await fake.close();
    }
  },
);
