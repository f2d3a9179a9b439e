import assert from "node:assert/strict";
import { startXFake } from "../../tests/fakes/x.ts";
import { createDryRunPublisher } from "./dry_run.ts";
import type { OutgoingPost } from "./mod.ts";

const thread: OutgoingPost = { key: "plan-7:x", platform: "x", parts: ["first", "second"] };

Deno.test("the dry-run publisher records the post and answers with dry-run ids", async () => {
  const publisher = createDryRunPublisher("x");

  const ref = await publisher.publish(thread);

  assert.deepEqual(publisher.sent, [thread]);
  assert.notEqual(publisher.sent[0], thread, "it keeps a copy, not the caller's object");
  assert.deepEqual(ref, {
    platform: "x",
    externalId: "dry-run:plan-7:x",
    partIds: ["dry-run:plan-7:x", "dry-run:plan-7:x:2"],
  });
  assert.equal(await publisher.lookup(thread), null);
});

Deno.test("the dry-run publisher sends nothing over the wire", async () => {
  const fake = startXFake();
  const realFetch = globalThis.fetch;
  let fetches = 0;
  globalThis.fetch = (...args) => {
    fetches++;
    return realFetch(...args);
  };
  try {
    const publisher = createDryRunPublisher("x");
    await publisher.publish(thread);
    await publisher.lookup(thread);

    assert.equal(fetches, 0);
    assert.equal(fake.requests.length, 0);
    assert.equal(fake.posts.length, 0);
  } finally {
    globalThis.fetch = realFetch;
    await fake.close();
  }
});

Deno.test("the dry-run publisher refuses a post meant for another platform", async () => {
  const publisher = createDryRunPublisher("telegram");

  await assert.rejects(publisher.publish(thread), TypeError);
  assert.equal(publisher.sent.length, 0);
});
