import assert from "node:assert/strict";
import { IntegrationError, NetworkError } from "../../core/errors.ts";
import {
  type DiscordFake,
  startDiscordFake,
  TEST_BOT_TOKEN,
  TEST_CHANNEL_ID,
  TEST_WEBHOOK,
} from "../../tests/fakes/discord.ts";
import type { OutgoingPost } from "../publish/mod.ts";
import { PartialPublishError } from "../publish/send_parts.ts";
import { createDiscordPublisher } from "./discordjs.ts";

async function withFake(fn: (fake: DiscordFake) => Promise<void>): Promise<void> {
  const fake = startDiscordFake();
  try {
    await fn(fake);
  } finally {
    await fake.close();
  }
}

function botFor(fake: DiscordFake, botToken = TEST_BOT_TOKEN) {
  return createDiscordPublisher({ botToken, channelId: TEST_CHANNEL_ID, baseUrl: fake.url });
}

function webhookFor(fake: DiscordFake, token = TEST_WEBHOOK.token) {
  const webhookUrl = `https://discord.com/api/webhooks/${TEST_WEBHOOK.id}/${token}`;
  return createDiscordPublisher({ webhookUrl, baseUrl: fake.url });
}

function post(...parts: string[]): OutgoingPost {
  return { key: "plan-1:discord", platform: "discord", parts };
}

const creates = (fake: DiscordFake) => fake.requests.filter((r) => r.method === "POST");

Deno.test("webhook mode sends with ?wait=true and gets the message id back", () =>
  withFake(async (fake) => {
    const ref = await webhookFor(fake).publish(post("SOL broke its 30-day high."));

    assert.equal(fake.posts.length, 1);
    assert.equal(fake.posts[0].via, "webhook");
    assert.equal(ref.externalId, fake.posts[0].id);
    assert.match(creates(fake)[0].path, /^\/api\/v10\/webhooks\/\d+\/[^/?]+\?wait=true$/);
    const body = creates(fake)[0].body as Record<string, unknown>;
    assert.deepEqual(body.allowed_mentions, { parse: [] });
  }));

Deno.test("bot mode sends a thread in order, each part replying to the last, with stable nonces", () =>
  withFake(async (fake) => {
    const ref = await botFor(fake).publish(post("one", "two", "three"));

    assert.deepEqual(fake.posts.map((p) => p.content), ["one", "two", "three"]);
    assert.equal(fake.posts[0].replyTo, undefined);
    assert.equal(fake.posts[1].replyTo, fake.posts[0].id);
    assert.equal(fake.posts[2].replyTo, fake.posts[1].id);
    assert.deepEqual(ref.partIds, fake.posts.map((p) => p.id));
    const nonces = fake.posts.map((p) => p.nonce ?? "");
    assert.equal(new Set(nonces).size, 3);
    assert.ok(nonces.every((nonce) => nonce.length > 0 && nonce.length <= 25));
    assert.ok(creates(fake).every((r) => (r.body as { enforce_nonce?: boolean }).enforce_nonce));
  }));

Deno.test("bot mode waits out a 429's retry_after and sends the message exactly once", () =>
  withFake(async (fake) => {
    fake.failNext(1, 429, 1);
    const started = Date.now();
    await botFor(fake).publish(post("Patience."));

    assert.ok(Date.now() - started >= 1000, "waited for Retry-After");
    assert.equal(creates(fake).length, 2);
    assert.equal(fake.posts.length, 1);
  }));

Deno.test("bot mode hands a long Retry-After back to the caller: discord.js does not wait it out", () =>
  withFake(async (fake) => {
    fake.failNext(1, 429, 120);
    await assert.rejects(
      botFor(fake).publish(post("Later.")),
      (error) => error instanceof IntegrationError && (error.retryAfterMs ?? 0) >= 120_000,
    );
    assert.equal(creates(fake).length, 1);
  }));

Deno.test("a 5xx is thrown at once: discord.js does not retry it", () =>
  withFake(async (fake) => {
    fake.failNext(1, 500);
    await assert.rejects(
      botFor(fake).publish(post("Maybe sent?")),
      (error) => error instanceof IntegrationError && error.status === 500,
    );
    assert.equal(creates(fake).length, 1);
  }));

Deno.test("after an ambiguous 5xx, lookup() finds the message and a resend is deduplicated", () =>
  withFake(async (fake) => {
    fake.failAfterStore(1, 502);
    const publisher = botFor(fake);
    await assert.rejects(publisher.publish(post("Went out anyway")), IntegrationError);

    const found = await publisher.lookup(post("Went out anyway"));
    const resent = await publisher.publish(post("Went out anyway"));

    assert.equal(found?.externalId, fake.posts[0].id);
    assert.equal(resent.externalId, fake.posts[0].id, "enforce_nonce returned the same message");
    assert.equal(fake.posts.length, 1);
    assert.equal(await publisher.lookup(post("Never sent")), null);
  }));

Deno.test("a thread that fails midway says which parts went out", () =>
  withFake(async (fake) => {
    const error = await botFor(fake).publish(post("head", "x".repeat(2001), "tail")).then(
      () => assert.fail("expected the over-long second part to be refused"),
      (error: unknown) => error,
    );

    assert.ok(error instanceof PartialPublishError);
    assert.deepEqual(error.partIds, [fake.posts[0].id]);
    assert.ok(error.cause instanceof IntegrationError && error.cause.status === 400);
    assert.equal(fake.posts.length, 1);
  }));

Deno.test("wrong credentials give an IntegrationError that does not contain them", () =>
  withFake(async (fake) => {
    const wrongBot = "MTA4OTk1NjE0NTk2NTQ1NzQwOA.Gwrong.wrong-bot-token";
    const wrongHook = "wrong-webhook-token";
    for (const publisher of [botFor(fake, wrongBot), webhookFor(fake, wrongHook)]) {
      const error = await publisher.publish(post("Hello")).then(
        () => assert.fail("expected a 401"),
        (error: unknown) => error,
      );
      assert.ok(error instanceof IntegrationError);
      assert.equal(error.status, 401);
      assert.ok(!error.message.includes(wrongBot) && !error.message.includes(wrongHook));
    }
    assert.equal(fake.posts.length, 0);
  }));

Deno.test("an unreachable API gives a NetworkError that does not contain the webhook token", async () => {
  const fake = startDiscordFake();
  await fake.close();

  const error = await webhookFor(fake).publish(post("Hello")).then(
    () => assert.fail("expected a network failure"),
    (error: unknown) => error,
  );

  assert.ok(error instanceof NetworkError);
  assert.ok(!error.message.includes(TEST_WEBHOOK.token));
  assert.equal(error.cause, undefined, "the fetch error quotes the URL, token included");
});

Deno.test("webhook mode's lookup() cannot tell, because a webhook cannot read the channel", () =>
  withFake(async (fake) => {
    assert.equal(await webhookFor(fake).lookup(post("anything")), undefined);
    assert.equal(fake.requests.length, 0);
  }));
