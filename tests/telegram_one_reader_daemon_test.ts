/**
 * `creator daemon` with moderation, engagement and memberships on one bot token: the bot's
 * updates have one reader at a time (the fake refuses a second open getUpdates with 409, as
 * Telegram does), and every update reaches moderation, engagement and memberships once,
 * through a SIGKILL and a restart while updates keep coming.
 */
import { baseEnv } from "./cli.ts";
import assert from "node:assert/strict";
import { openStore, type Store } from "../storage/mod.ts";
import { freshSchema, reap, spawnCreator, waitFor, withoutPg } from "./_daemon_helpers.ts";
import { GROUP_ID, GROUP_TOKEN, groupMessage, startGroupFake } from "./fakes/telegram_group.ts";
import { PRIVATE_CHAT_ID } from "./fakes/telegram_members.ts";

const SCAMMER = { id: 5001, first_name: "Bob" };
const READER = { id: 5002, first_name: "Carol" };
const CHANNEL = { id: -1001234567890, title: "Creator Signals", type: "channel" };
const STOPPED = "Understood: no more offers from us.";

/** A comment on channel post `postId`: a reply to its automatic forward in the group. */
function comment(messageId: number, postId: number, text: string) {
  const date = Math.floor(Date.now() / 1000);
  return groupMessage(messageId, READER, text, {
    reply_to_message: {
      message_id: 1,
      sender_chat: CHANNEL,
      chat: { id: GROUP_ID, type: "supergroup" },
      date,
      is_automatic_forward: true,
      forward_origin: { type: "channel", chat: CHANNEL, message_id: postId, date },
      text: "our post",
    },
  });
}

function direct(userId: number, text: string) {
  const from = { id: userId, is_bot: false, first_name: `user${userId}` };
  return {
    message: {
      message_id: userId,
      from,
      chat: { id: userId, type: "private", first_name: from.first_name },
      date: Math.floor(Date.now() / 1000),
      text,
    },
  };
}

async function run(db: string, store: Store) {
  const fake = startGroupFake();
  const dir = await Deno.makeTempDir({ prefix: "creator-one-reader-" });
  const config = {
    // Engagement every second, beside moderation's long polls (leaseSeconds 3: 1 s polls).
    daemon: { schedules: { engagement: "* * * * * *" } },
    moderation: { telegram: { groupId: String(GROUP_ID) }, leaseSeconds: 3 },
    engagement: { platforms: ["telegram"] },
    membership: { telegramChatId: PRIVATE_CHAT_ID },
    baseUrls: { telegram: fake.url },
  };
  await Deno.writeTextFile(`${dir}/creator.yaml`, JSON.stringify(config));
  const env: Record<string, string> = { ...baseEnv(), TELEGRAM_BOT_TOKEN: GROUP_TOKEN };
  const calls = (method: string) => fake.calls.filter((c) => c.method === method);
  const deleted = () => calls("deleteMessage").map((c) => Number(c.body.message_id));
  const stopped = () =>
    calls("sendMessage").filter((c) => c.body.text === STOPPED).map((c) => Number(c.body.chat_id));
  const comments = async () =>
    (await store.db.all<{ external_id: string }>(
      "SELECT external_id FROM user_interactions WHERE platform = 'telegram' AND kind = 'comment'",
    )).map((r) => r.external_id).sort();
  const children = [spawnCreator(["--db", db, "daemon"], dir, env)];
  try {
    await waitFor("the first poll", () => (fake.getUpdatesCalls > 0) || undefined, 40_000);
    fake.push({ message: groupMessage(40, SCAMMER, "validate your wallet here") });
    fake.push({ message: comment(41, 77, "what is your take on ETH this week?") });
    fake.push(direct(6001, "stop"));
    await waitFor("the first wave", async () =>
      (deleted().length === 1 && stopped().length === 1 &&
        (await comments()).length === 1) || undefined, 40_000);

    // Engagement ran beside the moderator and left the reading to it.
    await waitFor("an engagement run", async () =>
      (await store.db.all(
          "SELECT 1 FROM agent_logs WHERE agent = 'engagement' AND message LIKE ?",
          ["telegram updates are read by the moderator%"],
        )).length > 0 || undefined, 30_000);

    // Killed mid-stream; updates keep coming while no daemon runs.
    children[0].kill("SIGKILL");
    await children[0].status;
    fake.push({ message: groupMessage(42, SCAMMER, "DM me for the airdrop") });
    fake.push({ message: comment(43, 77, "and BTC?") });
    fake.push(direct(6002, "stop"));
    children.push(spawnCreator(["--db", db, "daemon"], dir, env));
    await waitFor(
      "the second wave",
      async () =>
        (deleted().length === 2 && stopped().length === 2 &&
          (await comments()).length === 2) || undefined,
      60_000,
    );
    // Time for anything handled twice to show.
    await new Promise((r) => setTimeout(r, 2500));

    assert.deepEqual(deleted(), [40, 42]);
    assert.deepEqual(stopped(), [6001, 6002]);
    assert.deepEqual(await comments(), [`${GROUP_ID}:41`, `${GROUP_ID}:43`]);
    assert.equal(fake.conflicts, 0, "never two getUpdates open at once");
    // Each consumer's place is the last update stored.
    const last = String(await store.intake.lastUpdateSeq());
    for (const consumer of ["moderation", "engagement", "memberships"]) {
      assert.equal(await store.intake.cursor("telegram", `updates:${consumer}`), last, consumer);
    }
    assert.equal(await store.intake.cursor("telegram", "updates"), String(900_006));
    assert.equal((await store.moderation.recent()).length, 2);

    children[1].kill("SIGTERM");
    assert.equal((await children[1].status).code, 0, children[1].log());
  } finally {
    await reap(children);
    await fake.close();
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("daemon, SQLite: one reader of the bot's updates, nothing lost or handled twice", async () => {
  const dir = await Deno.makeTempDir({ prefix: "creator-one-reader-db-" });
  const db = `${dir}/creator.db`;
  // Migrated first, so the test can read it while the daemons run.
  const store = await openStore(db);
  try {
    await run(db, store);
  } finally {
    await store.close();
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test({
  name: "daemon, Postgres: one reader of the bot's updates, nothing lost or handled twice",
  ignore: withoutPg,
  async fn() {
    const pg = await freshSchema();
    try {
      await run(pg.url, pg.store);
    } finally {
      await pg.drop();
    }
  },
});
