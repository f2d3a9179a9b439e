import assert from "node:assert/strict";
import { IntegrationError } from "../../core/errors.ts";
import { startXFake, TEST_CREDENTIALS, type XFake } from "../../tests/fakes/x.ts";
import type { OutgoingPost } from "../publish/mod.ts";
import { PartialPublishError } from "../publish/send_parts.ts";
import { createXPublisher } from "./twitter.ts";

async function withFake(fn: (fake: XFake) => Promise<void>): Promise<void> {
  const fake = startXFake();
  try {
    await fn(fake);
  } finally {
    await fake.close();
  }
}

function publisherFor(fake: XFake, credentials = TEST_CREDENTIALS) {
  return createXPublisher({ ...credentials, baseUrl: fake.url });
}

function post(...parts: string[]): OutgoingPost {
  return { key: "plan-1:x", platform: "x", parts };
}

const creates = (fake: XFake) =>
  fake.requests.filter((r) => r.method === "POST" && r.path === "/2/tweets");

Deno.test("publish() posts a single tweet and links to it", () =>
  withFake(async (fake) => {
    const ref = await publisherFor(fake).publish(post("BTC is up 4.2% today & volume doubled."));

    assert.equal(fake.posts.length, 1);
    assert.equal(fake.posts[0].text, "BTC is up 4.2% today & volume doubled.");
    assert.equal(ref.externalId, fake.posts[0].id);
    assert.deepEqual(ref.partIds, [fake.posts[0].id]);
    assert.equal(ref.url, `https://x.com/i/status/${fake.posts[0].id}`);
  }));

Deno.test("publish() sends a thread as a chain of replies, in order", () =>
  withFake(async (fake) => {
    const ref = await publisherFor(fake).publish(post("1/3 BTC", "2/3 ETH", "3/3 SOL"));

    assert.deepEqual(fake.posts.map((p) => p.text), ["1/3 BTC", "2/3 ETH", "3/3 SOL"]);
    assert.equal(fake.posts[0].inReplyTo, undefined);
    assert.equal(fake.posts[1].inReplyTo, fake.posts[0].id);
    assert.equal(fake.posts[2].inReplyTo, fake.posts[1].id);
    assert.deepEqual(ref.partIds, fake.posts.map((p) => p.id));
    assert.equal(ref.externalId, fake.posts[0].id);
  }));

Deno.test("publish() waits out a 429 until the reset and sends the tweet exactly once", () =>
  withFake(async (fake) => {
    fake.failNext(1, 429, 1);
    const started = Date.now();
    const ref = await publisherFor(fake).publish(post("Rate limits are temporary."));

    assert.ok(Date.now() - started >= 900, "waited for x-rate-limit-reset");
    assert.equal(creates(fake).length, 2);
    assert.equal(fake.posts.length, 1);
    assert.equal(ref.externalId, fake.posts[0].id);
  }));

Deno.test("publish() hands a 429 with a 15-minute reset back to the caller instead of waiting", () =>
  withFake(async (fake) => {
    fake.failNext(1, 429, 900);
    const error = await publisherFor(fake).publish(post("Later.")).then(
      () => assert.fail("expected the 429"),
      (error: unknown) => error,
    );

    assert.ok(error instanceof IntegrationError && error.status === 429);
    assert.ok((error.retryAfterMs ?? 0) > 800_000, "it says how long to wait");
    assert.equal(creates(fake).length, 1);
  }));

Deno.test("publish() throws a 5xx at once, without a second attempt", () =>
  withFake(async (fake) => {
    fake.failNext(1, 503);
    await assert.rejects(
      publisherFor(fake).publish(post("Maybe sent?")),
      (error) => error instanceof IntegrationError && error.status === 503,
    );
    assert.equal(creates(fake).length, 1);
  }));

Deno.test("lookup() finds a tweet that went out although publish() saw a 5xx", () =>
  withFake(async (fake) => {
    fake.failAfterStore(1, 500);
    const publisher = publisherFor(fake);
    await assert.rejects(
      publisher.publish(post("Went out <anyway> & then some")),
      IntegrationError,
    );

    const ref = await publisher.lookup(post("Went out <anyway> & then some"));

    assert.equal(creates(fake).length, 1);
    assert.equal(ref?.externalId, fake.posts[0].id);
  }));

Deno.test("lookup() follows the reply chain of a thread and returns null for an unsent post", () =>
  withFake(async (fake) => {
    const publisher = publisherFor(fake);
    const sent = await publisher.publish(post("Thread head", "Thread tail"));

    assert.deepEqual(await publisher.lookup(post("Thread head", "Thread tail")), sent);
    assert.equal(await publisher.lookup(post("Never sent")), null);
    assert.ok(fake.requests.some((r) => r.path === "/2/users/me"));
  }));

Deno.test("a thread that fails midway says which parts went out", () =>
  withFake(async (fake) => {
    const publisher = publisherFor(fake);
    await publisher.publish(post("Already posted"));

    const error = await publisher.publish(post("New head", "Already posted", "Tail")).then(
      () => assert.fail("expected the duplicate second part to be refused"),
      (error: unknown) => error,
    );

    assert.ok(error instanceof PartialPublishError);
    assert.deepEqual(error.partIds, [fake.posts[1].id]);
    assert.ok(error.cause instanceof IntegrationError && error.cause.status === 403);
    assert.equal(fake.posts.length, 2, "the tail was not sent after the failure");
  }));

Deno.test("wrong credentials give an IntegrationError that names no secret", () =>
  withFake(async (fake) => {
    const wrong = { ...TEST_CREDENTIALS, accessSecret: "wrong-secret-value" };
    const error = await publisherFor(fake, wrong).publish(post("Hello")).then(
      () => assert.fail("expected a 401"),
      (error: unknown) => error,
    );

    assert.ok(error instanceof IntegrationError);
    assert.equal(error.status, 401);
    for (const secret of Object.values(wrong)) {
      assert.ok(!error.message.includes(secret), "the message names a credential");
    }
    assert.equal(fake.posts.length, 0);
  }));
