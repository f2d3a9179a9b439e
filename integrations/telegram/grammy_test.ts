import assert from "node:assert/strict";
import { IntegrationError, NetworkError } from "../../core/errors.ts";
import { startTelegramFake, type TelegramFake, TEST_TOKEN } from "../../tests/fakes/telegram.ts";
import type { OutgoingPost } from "../publish/mod.ts";
import { PartialPublishError } from "../publish/send_parts.ts";
import { createTelegramPublisher } from "./grammy.ts";

const CHAT_ID = "-1001234567890";

async function withFake(fn: (fake: TelegramFake) => Promise<void>): Promise<void> {
  const fake = startTelegramFake();
  try {
    await fn(fake);
  } finally {
    await fake.close();
  }
}

function publisherFor(fake: TelegramFake, token = TEST_TOKEN) {
  return createTelegramPublisher({ token, chatId: CHAT_ID, baseUrl: fake.url });
}

function post(...parts: string[]): OutgoingPost {
  return { key: "plan-1:telegram", platform: "telegram", parts };
}

const sends = (fake: TelegramFake) => fake.requests.filter((r) => r.path.endsWith("/sendMessage"));

Deno.test("publish() sends one message without a link preview and links to it", () =>
  withFake(async (fake) => {
    const ref = await publisherFor(fake).publish(post("ETH funding flipped negative."));

    assert.equal(fake.posts.length, 1);
    assert.equal(fake.posts[0].text, "ETH funding flipped negative.");
    assert.equal(ref.externalId, String(fake.posts[0].id));
    assert.equal(ref.url, `https://t.me/creator_signals/${fake.posts[0].id}`);
    const body = sends(fake)[0].body as Record<string, unknown>;
    assert.equal(body.chat_id, CHAT_ID);
    assert.deepEqual(body.link_preview_options, { is_disabled: true });
  }));

Deno.test("publish() sends a thread as messages that each reply to the one before", () =>
  withFake(async (fake) => {
    const ref = await publisherFor(fake).publish(post("one", "two", "three"));

    assert.deepEqual(fake.posts.map((p) => p.text), ["one", "two", "three"]);
    assert.equal(fake.posts[0].replyTo, undefined);
    assert.equal(fake.posts[1].replyTo, fake.posts[0].id);
    assert.equal(fake.posts[2].replyTo, fake.posts[1].id);
    assert.deepEqual(ref.partIds, fake.posts.map((p) => String(p.id)));
  }));

Deno.test("publish() waits out a 429's retry_after and sends the message exactly once", () =>
  withFake(async (fake) => {
    fake.failNext(1, 429, 1);
    const started = Date.now();
    await publisherFor(fake).publish(post("Patience."));

    assert.ok(Date.now() - started >= 1000, "waited for retry_after");
    assert.equal(sends(fake).length, 2);
    assert.equal(fake.posts.length, 1);
  }));

Deno.test("publish() hands a long retry_after back to the caller instead of waiting", () =>
  withFake(async (fake) => {
    fake.failNext(1, 429, 120);
    await assert.rejects(
      publisherFor(fake).publish(post("Later.")),
      (error) => error instanceof IntegrationError && error.retryAfterMs === 120_000,
    );
    assert.equal(sends(fake).length, 1);
  }));

Deno.test("publish() throws a 5xx at once, without a second attempt", () =>
  withFake(async (fake) => {
    fake.failNext(1, 500);
    await assert.rejects(
      publisherFor(fake).publish(post("Maybe sent?")),
      (error) => error instanceof IntegrationError && error.status === 500,
    );
    assert.equal(sends(fake).length, 1);
  }));

Deno.test("a thread that fails midway says which parts went out", () =>
  withFake(async (fake) => {
    const error = await publisherFor(fake).publish(post("head", "x".repeat(5000), "tail")).then(
      () => assert.fail("expected the over-long second part to be refused"),
      (error: unknown) => error,
    );

    assert.ok(error instanceof PartialPublishError);
    assert.deepEqual(error.partIds, [String(fake.posts[0].id)]);
    assert.ok(error.cause instanceof IntegrationError && error.cause.status === 400);
    assert.equal(fake.posts.length, 1);
  }));

Deno.test("a wrong token gives an IntegrationError that does not contain the token", () =>
  withFake(async (fake) => {
    const wrong = "5681419729:AAWrongTokenWrongTokenWrongToken";
    const error = await publisherFor(fake, wrong).publish(post("Hello")).then(
      () => assert.fail("expected a 401"),
      (error: unknown) => error,
    );

    assert.ok(error instanceof IntegrationError);
    assert.equal(error.status, 401);
    assert.ok(!error.message.includes(wrong));
    assert.ok(!error.message.includes("AAWrongToken"));
  }));

Deno.test("an unreachable API gives a NetworkError that does not contain the token", async () => {
  const fake = startTelegramFake();
  await fake.close();

  const error = await publisherFor(fake).publish(post("Hello")).then(
    () => assert.fail("expected a network failure"),
    (error: unknown) => error,
  );

  assert.ok(error instanceof NetworkError);
  assert.ok(!error.message.includes(TEST_TOKEN));
  assert.equal(error.cause, undefined, "the fetch error quotes the URL, token included");
});

Deno.test("lookup() cannot tell, because the Bot API cannot read channel history", () =>
  withFake(async (fake) => {
    assert.equal(await publisherFor(fake).lookup(post("anything")), undefined);
    assert.equal(fake.requests.length, 0);
  }));
