/**
 * Discord offers, end to end through the Discord fake: the bot reads server
 * channels, not its DMs, so a mention of the bot or a reply to one of its
 * messages is what counts as having talked to us first. The offer tells a
 * Discord user to send /stop, the one opt-out the bot can read there.
 */
import assert from "node:assert/strict";
import { engagement } from "../agents/audience/engagement.ts";
import { conversion } from "../agents/monetization/conversion.ts";
import { answerDiscordCommand } from "../agents/monetization/discord_commands.ts";
import { testBackends } from "../storage/test_backends.ts";
import { TEST_CHANNEL_ID } from "./fakes/discord.ts";
import { movableClock, startMembershipFakes } from "./_memberships.ts";

const DAY = 86_400_000;
const mentioner = { id: "810000000000000001", username: "keen" };
const replier = { id: "810000000000000002", username: "curious" };
const bystander = { id: "810000000000000003", username: "chatty" };

testBackends(
  "a Discord mention or reply to the bot earns an offer, and /stop ends them",
  async (t) => {
    const fakes = startMembershipFakes({}, { discordChannelId: TEST_CHANNEL_ID });
    const store = await t.open();
    const clock = movableClock(Date.now());
    const ctx = fakes.context(store, clock, {
      ...fakes.config,
      conversion: { ...fakes.config.conversion, minScore: 4 },
    });
    try {
      const say = fakes.discord.audience.say;
      say(mentioner, "gm, love the charts", { mentionBot: true });
      say(mentioner, "what do you make of ETH today?", { mentionBot: true });
      const theirs = say(bystander, "anyone here trading BTC?");
      say(bystander, "the market is wild", { replyTo: theirs });
      say(bystander, "good morning everyone");
      // The bot answers the mentioner's question; the replier answers the bot.
      await engagement.run(ctx);
      const ours = fakes.discord.posts.find((p) => p.replyTo);
      assert.ok(ours, "the bot replied in the channel");
      say(replier, "thanks, very clear", { replyTo: ours.id });
      say(replier, "what timeframe was that on?", { replyTo: ours.id });
      await engagement.run(ctx);

      const reply = await store.interactions.get(
        "discord",
        fakes.discord.audience.messages.at(-1)!.id as string,
      );
      assert.equal(reply?.kind, "reply");
      const aside = await store.interactions.get(
        "discord",
        fakes.discord.audience.messages[3].id as string,
      );
      assert.equal(aside?.kind, "comment", "a reply to someone else is not said to us");

      const offered = await conversion.run(ctx);
      assert.equal(offered.written, 2, offered.summary);
      const dms = fakes.discord.members.dms;
      assert.deepEqual(dms.map((d) => d.userId).sort(), [mentioner.id, replier.id]);
      for (const dm of dms) {
        assert.match(dm.content, /checkout\.stripe\.com/);
        assert.match(dm.content, /Send \/stop/);
        assert.doesNotMatch(dm.content, /Reply "stop"/);
      }

      assert.match(await answerDiscordCommand(ctx, "stop", mentioner.id), /no more offers/);
      // Past the once-per-person wait, only the one who did not say stop is a candidate.
      const later = await store.conversions.candidates({
        since: clock.now() - 30 * DAY,
        quietSince: clock.now() + 1,
        minScore: 4,
        limit: 10,
      });
      assert.deepEqual(later.map((c) => c.userId), [replier.id]);
    } finally {
      await store.close();
      await fakes.close();
    }
  },
);
