/**
 * CommunityModerator on Discord end to end: the real discord.js client
 * against the fake gateway, the rules, the store on both backends, and the
 * REST calls the fake records.
 */
import assert from "node:assert/strict";
import { DEFAULT_MODERATION, type ModerationSettings } from "../core/config_moderation.ts";
import { silentLogger } from "../core/log.ts";
import { compileEngine } from "../agents/monetization/moderation/engine.ts";
import { bundledLists, mergeLists } from "../agents/monetization/moderation/lists.ts";
import { createModerator } from "../agents/monetization/moderation/moderator.ts";
import { undoAction } from "../agents/monetization/moderation/undo.ts";
import { createDiscordCommunity } from "../integrations/discord/community.ts";
import { testBackends } from "../storage/test_backends.ts";
import {
  CHANNELS,
  GATEWAY_TOKEN,
  GUILD_ID,
  messagePayload,
  MOD_LOG_CHANNEL,
  ROLES,
  startGatewayFake,
  userPayload,
} from "./fakes/discord_gateway.ts";

const DISCORD_EPOCH = 1_420_070_400_000n;
let counter = 0n;
/** A snowflake id made at `ms`: discord.js reads message times and account ages from ids. */
const snowflake = (ms: number) => String(((BigInt(ms) - DISCORD_EPOCH) << 22n) + counter++);
const OLD = Date.parse("2021-01-01T00:00:00Z");
const member = userPayload(snowflake(OLD), "bob");
const staff = userPayload(snowflake(OLD), "Alice");

async function until(what: string, ok: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

testBackends(
  "discord: scams are removed once, staff are immune, impostors are kicked, a flood survives a reconnect, raids switch on and off, undo lifts a timeout",
  async (t) => {
    const fake = startGatewayFake();
    const store = await t.open();
    const settings: ModerationSettings = {
      ...DEFAULT_MODERATION,
      raid: { ...DEFAULT_MODERATION.raid, joins: 5, seconds: 30, calmSeconds: 60 },
    };
    const engine = compileEngine(settings, mergeLists(settings, await bundledLists()));
    const community = createDiscordCommunity({
      botToken: GATEWAY_TOKEN,
      guildId: GUILD_ID,
      modLogChannelId: MOD_LOG_CHANNEL,
      baseUrl: fake.url,
    });
    const moderator = createModerator({
      engine,
      store,
      community,
      settings,
      log: silentLogger,
      instance: "test:1",
    });
    const stop = new AbortController();
    const connected = fake.connected();
    const running = community.run((e) => moderator.handle(e), stop.signal);
    const calls = (prefix: string) => fake.calls.filter((c) => c.call.startsWith(prefix));
    try {
      await connected;
      const say = (text: string, user = member, roles: string[] = [], channel = CHANNELS[0]) => {
        const id = snowflake(Date.now());
        fake.dispatch("MESSAGE_CREATE", messagePayload({ id, channel, user, text, roles }));
        return id;
      };
      say("gm everyone, BTC holding 90k");
      say("validate your wallet here: https://app.free-azuki.com", staff, [ROLES.moderator]);
      const scam = say("Claim your free airdrop now");
      await until("the scam's delete", () => calls("DELETE /channels/").length === 1);
      assert.equal(
        calls("DELETE /channels/")[0].call,
        `DELETE /channels/${CHANNELS[0]}/messages/${scam}`,
      );
      await until(
        "the mod-log line",
        () => calls(`POST /channels/${MOD_LOG_CHANNEL}`).length === 1,
      );

      // An edit and a redelivery of the same message are not acted on again.
      fake.dispatch("MESSAGE_UPDATE", {
        ...messagePayload({
          id: scam,
          channel: CHANNELS[0],
          user: member,
          text: "claim your free airdrop!!",
        }),
        edited_timestamp: new Date().toISOString(),
      });
      say("https://discord.gg/otherserver join us");
      await until("the invite's delete", () => calls("DELETE /channels/").length === 2);

      // A flood with a dropped connection in the middle: discord.js resumes, the fake replays.
      const flooder = userPayload(snowflake(OLD), "flooder");
      for (let i = 0; i < 3; i++) say(`buy buy buy ${i}`, flooder);
      await until("the first messages", () => fake.calls.length > 0);
      const resumed = fake.connected();
      fake.drop();
      for (let i = 3; i < 8; i++) say(`buy buy buy ${i}`, flooder);
      await resumed;
      await until("the flood's timeout", () => calls("PATCH /guilds/").length >= 1);
      const flooded = async () =>
        (await store.moderation.recent()).filter((a) => a.rule === "flood" && a.status === "done");
      const end = Date.now() + 5000;
      while ((await flooded()).length < 3 && Date.now() < end) {
        await new Promise((r) => setTimeout(r, 20));
      }
      assert.equal(fake.resumes, 1);
      assert.equal(fake.identifies, 1);
      const floodActions = (await store.moderation.recent()).filter((a) => a.rule === "flood");
      // Messages 6, 7 and 8 are each over the limit; each is acted on exactly once.
      assert.equal(floodActions.length, 3);
      assert.equal(new Set(floodActions.map((a) => a.messageId)).size, 3);

      // A newcomer calling itself support is kicked on arrival.
      const impostor = userPayload(snowflake(OLD), "Support Team");
      fake.dispatch("GUILD_MEMBER_ADD", {
        guild_id: GUILD_ID,
        user: impostor,
        roles: [],
        joined_at: new Date().toISOString(),
        deaf: false,
        mute: false,
      });
      const kick = `DELETE /guilds/${GUILD_ID}/members/${impostor.id}`;
      await until("the impostor's kick", () => fake.calls.some((c) => c.call === kick));

      // Raid: five joins within 30 s switch slowmode on; a calm minute switches it off.
      const now = Date.now();
      for (let i = 0; i < 5; i++) {
        fake.dispatch("GUILD_MEMBER_ADD", {
          guild_id: GUILD_ID,
          user: userPayload(snowflake(now), `raider${i}`),
          roles: [],
          joined_at: new Date(now + i).toISOString(),
          deaf: false,
          mute: false,
        });
      }
      await until("slowmode", () => calls("PATCH /channels/").length === CHANNELS.length);
      assert.deepEqual(calls("PATCH /channels/")[0].body, { rate_limit_per_user: 30 });
      const modLog = () =>
        calls(`POST /channels/${MOD_LOG_CHANNEL}`).map((c) => JSON.stringify(c.body));
      await until(
        "raid mode on the mod-log",
        () => modLog().some((l) => l.includes("raid mode on")),
      );
      await moderator.tick(now + 61_000);
      const patches = calls("PATCH /channels/");
      assert.equal(patches.length, CHANNELS.length * 2);
      assert.deepEqual(patches.at(-1)!.body, { rate_limit_per_user: 0 });
      assert.ok(modLog().some((l) => l.includes("raid mode off")));

      // Undo lifts the flood timeout and is refused the second time.
      const timeout = floodActions[0];
      assert.match(await undoAction(community, timeout), /lifted the timeout/);
      assert.equal(await store.moderation.markUndone(timeout.id, Date.now()), true);
      assert.deepEqual(calls("PATCH /guilds/").at(-1)!.body, {
        communication_disabled_until: null,
      });
      await assert.rejects(
        async () => undoAction(community, (await store.moderation.get(timeout.id))!),
        /status is undone/,
      );
    } finally {
      stop.abort();
      await running;
      await community.close();
      await store.close();
      await fake.close();
    }
  },
);
