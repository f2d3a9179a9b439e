/**
 * No premium draft can ever reach a public channel, whatever the config: the
 * members' place set to the public channel, to a public @username, to a chat
 * or channel the platform says is public, or everything right. In every case
 * ExclusiveContent and then the public Publishing agent run, and the public
 * channels are checked for premium text.
 */
import assert from "node:assert/strict";
import { publishing } from "../agents/foundation/publishing.ts";
import { exclusiveContent } from "../agents/monetization/exclusive_content.ts";
import { testBackends } from "../storage/test_backends.ts";
import { TEST_CHANNEL_ID } from "./fakes/discord.ts";
import { MEMBERS_CHANNEL_ID } from "./fakes/discord_members.ts";
import { PRIVATE_CHAT_ID } from "./fakes/telegram_members.ts";
import { movableClock, startMembershipFakes } from "./_memberships.ts";
import { btcInsight, PREMIUM_NOW } from "./_premium.ts";

const NOW = PREMIUM_NOW;
const PUBLIC_TELEGRAM = "-1001234567890";

interface Case {
  name: string;
  membership: Record<string, string>;
  telegramSaysPublic?: boolean;
  discordChannelOpen?: boolean;
  /** Where premium posts may rightly go in this case. */
  delivered: { telegram: boolean; discord: boolean };
}

const CASES: Case[] = [
  {
    name: "both members' places private",
    membership: { telegramChatId: PRIVATE_CHAT_ID, discordChannelId: MEMBERS_CHANNEL_ID },
    delivered: { telegram: true, discord: true },
  },
  {
    name: "members' places set to the public channels",
    membership: { telegramChatId: PUBLIC_TELEGRAM, discordChannelId: TEST_CHANNEL_ID },
    delivered: { telegram: false, discord: false },
  },
  {
    name: "a public @username",
    membership: { telegramChatId: "@creator_signals" },
    delivered: { telegram: false, discord: false },
  },
  {
    name: "places the platforms report as public",
    membership: { telegramChatId: PRIVATE_CHAT_ID, discordChannelId: MEMBERS_CHANNEL_ID },
    telegramSaysPublic: true,
    discordChannelOpen: true,
    delivered: { telegram: false, discord: false },
  },
];

for (const c of CASES) {
  testBackends(`no premium post reaches a public channel: ${c.name}`, async (t) => {
    const fakes = startMembershipFakes(c.membership, {
      telegramChannelId: PUBLIC_TELEGRAM,
      discordChannelId: TEST_CHANNEL_ID,
    });
    if (c.telegramSaysPublic) fakes.telegram.members.publicChats.add(PRIVATE_CHAT_ID);
    fakes.discord.members.membersChannelOpen = !!c.discordChannelOpen;
    const store = await t.open();
    const ctx = fakes.context(store, movableClock(NOW));
    try {
      await store.insights.add([
        btcInsight("rsi_extreme", "1h", "BTC/USDT RSI(14) at 78 on 1h"),
        btcInsight("ma_cross", "4h", "BTC/USDT 50/200 MA golden cross on 4h"),
        btcInsight("volume_spike", "1d", "BTC/USDT volume 3.1x its 20-day mean"),
      ], NOW - 60_000);
      const outcome = await exclusiveContent.run(ctx);
      await publishing.run({ ...ctx, options: { ignoreSchedule: true } }).catch(() => {});

      const premium = await store.premium.all();
      assert.ok(premium.length > 0, "premium posts were planned");
      const publicText = [
        ...fakes.telegram.posts.map((p) => p.text),
        ...fakes.discord.posts.map((p) => p.content),
        ...fakes.telegram.requests.filter((r) =>
          /"chat_id":"?(-1001234567890|@)/.test(JSON.stringify(r.body))
        )
          .map((r) => JSON.stringify(r.body)),
      ];
      assert.ok(publicText.every((text) => !text.includes("deep dive")), outcome.summary);
      assert.equal(fakes.telegram.members.privatePosts.length > 0, c.delivered.telegram);
      assert.equal(fakes.discord.members.memberPosts.length > 0, c.delivered.discord);
      if (c.delivered.telegram) {
        assert.match(fakes.telegram.members.privatePosts[0], /1h, 4h, 1d/);
      }
    } finally {
      await store.close();
      await fakes.close();
    }
  });
}
