/**
 * Premium posts carry a chart where one can be drawn: the chart ImageGeneration
 * made for one of their insights, else one drawn for them from the stored
 * candles. The recorded sell-off (sample mode) gives the insights and candles.
 */
import assert from "node:assert/strict";
import { findAgent } from "../agents/mod.ts";
import { exclusiveContent } from "../agents/monetization/exclusive_content.ts";
import { fixedClock } from "../core/clock.ts";
import { ConfigSchema } from "../core/config_schema.ts";
import { createContext } from "../core/context.ts";
import { runAgents } from "../core/runner.ts";
import type { Store } from "../storage/mod.ts";
import { testBackends } from "../storage/test_backends.ts";
import { TEST_CHANNEL_ID } from "./fakes/discord.ts";
import { MEMBERS_CHANNEL_ID } from "./fakes/discord_members.ts";
import { PRIVATE_CHAT_ID } from "./fakes/telegram_members.ts";
import { movableClock, startMembershipFakes } from "./_memberships.ts";

const AT = "2025-01-27T01:05:00Z";

async function runSample(store: Store, names: string[]) {
  const ctx = createContext({
    config: ConfigSchema.parse({}),
    store,
    source: "sample",
    clock: fixedClock(AT),
  });
  const outcomes = await runAgents(names.map((n) => findAgent(n)!), ctx);
  assert.ok(outcomes.every((o) => o.status === "ok"), JSON.stringify(outcomes));
}

async function images(store: Store): Promise<number> {
  const [row] = await store.db.all<{ n: number }>("SELECT COUNT(*) AS n FROM images");
  return Number(row.n);
}

/** Runs ExclusiveContent against the fakes; returns them for what they were sent. */
async function premiumRun(store: Store) {
  const fakes = startMembershipFakes(
    { telegramChatId: PRIVATE_CHAT_ID, discordChannelId: MEMBERS_CHANNEL_ID },
    { telegramChannelId: "-1001234567890", discordChannelId: TEST_CHANNEL_ID },
  );
  try {
    const ctx = fakes.context(store, movableClock(Date.parse(AT)));
    const outcome = await exclusiveContent.run(ctx);
    return {
      outcome,
      photos: fakes.telegram.members.privatePhotos,
      discord: fakes.discord.members.memberMessages,
    };
  } finally {
    await fakes.close();
  }
}

testBackends("a premium post goes out with the chart drawn for its insight", async (t) => {
  const store = await t.open();
  try {
    await runSample(store, [
      "market-scanner",
      "analysis",
      "content-strategist",
      "content-creation",
      "image-generation",
    ]);
    const drawn = await images(store);
    assert.ok(drawn > 0);
    const sent = await premiumRun(store);
    assert.match(sent.outcome.summary, /sent/);
    assert.equal(await images(store), drawn, "the public posts' chart is reused, not redrawn");
    const posts = await store.premium.all();
    assert.ok(posts.length >= 2, sent.outcome.summary);
    assert.ok(posts.every((p) => p.image !== null && p.status === "sent"));
    const charted = await store.db.all(
      "SELECT 1 FROM plan_images WHERE image_id = ?",
      [posts[0].image!.imageId],
    );
    assert.ok(charted.length > 0, "the chart is one drawn for a public post");
    assert.equal(sent.photos.length, posts.length / 2, "each Telegram post is a photo");
    assert.match(sent.photos[0].caption, /deep dive/);
    assert.ok(sent.photos[0].bytes > 1000);
    assert.ok(sent.discord.every((m) => m.files === 1), "each Discord post carries the chart");
  } finally {
    await store.close();
  }
});

testBackends("a premium post whose insights have no chart yet gets one drawn", async (t) => {
  const store = await t.open();
  try {
    await runSample(store, ["market-scanner", "analysis"]);
    assert.equal(await images(store), 0);
    const sent = await premiumRun(store);
    const posts = await store.premium.all();
    assert.ok(posts.length >= 2, sent.outcome.summary);
    assert.ok(posts.every((p) => p.image !== null), "every deep dive got a chart");
    assert.ok(await images(store) > 0);
    assert.match(posts[0].image!.alt, /^Candlestick chart of /);
    assert.equal(sent.photos.length, posts.length / 2);
    assert.ok(sent.discord.every((m) => m.files === 1));
  } finally {
    await store.close();
  }
});
