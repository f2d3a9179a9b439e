/**
 * Fuzz-style runs of what the platforms send us, served through their fakes
 * and read by the real SDKs: Telegram updates (readUpdate), Discord channel
 * messages and X mention pages, each randomly mutated from a fixed seed, then
 * cleaned (cleanMessage) and stored as engagement stores them. No error but
 * the service's own escapes, memory stays bounded, and what is stored is sane.
 */
import assert from "node:assert/strict";
import { cleanMessage } from "../agents/audience/_clean_message.ts";
import { FUTURE_SKEW_MS } from "../core/clock.ts";
import { IntegrationError } from "../core/errors.ts";
import type { IncomingMessage } from "../core/vocabulary.ts";
import { createDiscordAudience } from "../integrations/discord/audience.ts";
import { createTelegramAudience } from "../integrations/telegram/audience.ts";
import { createXAudience } from "../integrations/x/x_audience.ts";
import type { Inbox } from "../integrations/audience/mod.ts";
import type { Store } from "../storage/mod.ts";
import { testBackends } from "../storage/test_backends.ts";
import { startRewritingFront } from "./_rewriting_front.ts";
import { CONTROLS, mutateJson, random, SEED } from "./_fuzz.ts";
import { startDiscordFake, TEST_BOT_TOKEN, TEST_CHANNEL_ID } from "./fakes/discord.ts";
import { startTelegramFake, TEST_TOKEN } from "./fakes/telegram.ts";
import { startXFake, TEST_CREDENTIALS } from "./fakes/x.ts";

type Json = Record<string, unknown>;

const ROUNDS = 60;

async function fixture(path: string): Promise<Json> {
  return JSON.parse(await Deno.readTextFile(new URL(`./fixtures/${path}`, import.meta.url)));
}

/** What the product does with a read message: cleaned, then stored once. */
async function keep(store: Store, messages: IncomingMessage[]): Promise<void> {
  await store.interactions.record(messages.map(cleanMessage), Date.now());
}

/** Only the service's own refusal (or an answer read as one) may come out of a read. */
function refusedOnly(error: unknown, what: string): void {
  assert.ok(error instanceof IntegrationError, `${what}: ${(error as Error)?.stack ?? error}`);
  assert.ok(error.message.length < 1000 && !CONTROLS.test(error.message), error.message);
}

/**
 * ROUNDS first reads (no cursor: one page each) from a fresh inbox, each page's messages kept:
 * only the service's refusal may come out, what is stored stays sane and memory bounded.
 */
async function readRounds(store: Store, inboxOf: () => Inbox): Promise<void> {
  const before = Deno.memoryUsage().rss;
  for (let round = 0; round < ROUNDS; round++) {
    try {
      const page = await inboxOf().read(null);
      skippedSane(page.skipped);
      if (page.cursor !== null) assert.match(page.cursor, /^\d{1,20}$/);
      await keep(store, page.messages);
    } catch (error) {
      refusedOnly(error, `round ${round}`);
    }
  }
  assert.ok(await assertStoredSane(store) > 3, "enough were stored for the checks to mean much");
  withinMemory(before);
}

function skippedSane(skipped: string[]): void {
  for (const why of skipped) assert.ok(why.length < 200 && !CONTROLS.test(why), why);
}

/** Every stored message and author is plain, bounded text with sane ids and times. */
async function assertStoredSane(store: Store): Promise<number> {
  const rows = await store.db.all<Json>(
    `SELECT i.platform, i.external_id, i.kind, i.conversation_id, i.text, i.received_at,
            u.external_id AS author, u.handle, u.display_name
       FROM user_interactions i JOIN community_users u ON u.id = i.user_id`,
  );
  const latest = Date.now() + FUTURE_SKEW_MS;
  for (const r of rows) {
    const shown = JSON.stringify(r).slice(0, 300);
    for (const id of [r.external_id, r.author, r.conversation_id]) {
      if (id === null) continue;
      assert.match(String(id), /^-?\d{1,20}(:\d{1,20})?$/, shown);
    }
    assert.ok(["mention", "reply", "comment", "direct_message"].includes(String(r.kind)), shown);
    const text = String(r.text);
    assert.ok(text.length <= 32_768 && !CONTROLS.test(text), shown);
    for (const name of [r.handle, r.display_name]) {
      if (name !== null) assert.ok(String(name).length <= 100 && !CONTROLS.test(String(name)));
    }
    const at = Number(r.received_at);
    assert.ok(Number.isInteger(at) && at > Date.UTC(2006, 0) && at <= latest, shown);
  }
  return rows.length;
}

function withinMemory(before: number): void {
  const grown = (Deno.memoryUsage().rss - before) / 1e6;
  assert.ok(grown < 300, `memory grew by ${grown.toFixed(0)} MB`);
}

testBackends(
  "telegram: random updates are read, cleaned and stored sanely or skipped",
  async ({ open }) => {
    const r = random(SEED + 10);
    const { update_id: _, ...post } = await fixture("telegram/update_channel_post.json");
    const message = post.channel_post as Json;
    // The fixture as sent, and its post as a direct message and as a comment on our post.
    const shapes: Json[] = [
      post,
      { message: { ...message, chat: { ...(message.chat as Json), type: "private" } } },
      {
        message: {
          ...message,
          chat: { id: -1001234567890, type: "supergroup", title: "Discussion" },
          reply_to_message: {
            message_id: 7,
            chat: { id: -1001234567890, type: "supergroup" },
            date: 1684984600,
            is_automatic_forward: true,
            forward_origin: {
              type: "channel",
              chat: { id: -100987, type: "channel" },
              message_id: 3,
            },
          },
        },
      },
    ];
    const telegram = startTelegramFake();
    const store = await open();
    const before = Deno.memoryUsage().rss;
    try {
      const { updates } = createTelegramAudience({ token: TEST_TOKEN, baseUrl: telegram.url });
      let offset: number | null = null;
      for (let round = 0; round < 3; round++) {
        for (let i = 0; i < 100; i++) {
          // A message id of its own, so that each message read is stored, not taken for another.
          const shape = structuredClone(r.pick(shapes));
          const inner = (shape.message ?? shape.channel_post) as Json;
          inner.message_id = round * 100 + i + 1;
          telegram.audience.raw(mutateJson(shape, r) as Json);
        }
        const read = await updates!.fetch(offset);
        assert.equal(read.length, 100);
        offset = Math.max(...read.map((u) => u.updateId)) + 1;
        for (const u of read) if (u.problem) skippedSane([u.problem]);
        await keep(store, read.flatMap((u) => u.message ? [u.message] : []));
      }
      assert.ok(
        await assertStoredSane(store) > 10,
        "enough were stored for the checks to mean much",
      );
      withinMemory(before);
    } finally {
      await store.close();
      await telegram.close();
    }
  },
);

testBackends(
  "discord: random channel pages are read, cleaned and stored sanely or refused",
  async ({ open }) => {
    const r = random(SEED + 11);
    const discord = startDiscordFake();
    const example = await fixture("discord/example_message.json");
    discord.audience.raw({ ...example, channel_id: TEST_CHANNEL_ID });
    for (let i = 0; i < 4; i++) {
      discord.audience.say({ id: `8000000000000000${i}`, username: `member${i}` }, `hello ${i}`);
    }
    const listing = `/api/v10/channels/${TEST_CHANNEL_ID}/messages`;
    const front = startRewritingFront(
      discord.url,
      (path, _params, body) => path === listing ? mutateJson(body, r) : body,
    );
    const store = await open();
    try {
      // A fresh client each round: the first read of a channel (no cursor) is one page.
      await readRounds(store, () =>
        createDiscordAudience({
          botToken: TEST_BOT_TOKEN,
          channels: [TEST_CHANNEL_ID],
          baseUrl: front.url,
        }).inboxes[0]);
    } finally {
      await store.close();
      await front.close();
      await discord.close();
    }
  },
);

testBackends(
  "x: random mention pages are read, cleaned and stored sanely or refused",
  async ({ open }) => {
    const r = random(SEED + 12);
    const x = startXFake();
    for (let i = 0; i < 5; i++) {
      x.audience.mention({
        text: `@creator take ${i} &amp; more`,
        authorId: `77${i}`,
        username: `u${i}`,
      });
    }
    const front = startRewritingFront(
      x.url,
      (path, _params, body) => path.endsWith("/mentions") ? mutateJson(body, r) : body,
    );
    const store = await open();
    try {
      await readRounds(
        store,
        () => createXAudience({ ...TEST_CREDENTIALS, baseUrl: front.url }).inbox,
      );
    } finally {
      await store.close();
      await front.close();
      await x.close();
    }
  },
);
