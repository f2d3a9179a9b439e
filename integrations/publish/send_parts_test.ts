import assert from "node:assert/strict";
import { IntegrationError, NetworkError } from "../../core/errors.ts";
import type { OutgoingPost } from "./mod.ts";
import { PartialPublishError, type PartToSend, sendParts } from "./send_parts.ts";

const thread: OutgoingPost = { key: "k", platform: "x", parts: ["a", "b", "c"] };

Deno.test("sendParts() retries a part refused with 429 and not the parts before it", async () => {
  const calls: string[] = [];
  let refused = false;
  const sent = await sendParts("x", thread, ({ text, index }: PartToSend) => {
    calls.push(text);
    if (index === 1 && !refused) {
      refused = true;
      return Promise.reject(new IntegrationError("x", 429, "slow down", 10));
    }
    return Promise.resolve({ id: `id-${text}` });
  });

  assert.deepEqual(calls, ["a", "b", "b", "c"]);
  assert.deepEqual(sent.map((part) => part.id), ["id-a", "id-b", "id-c"]);
});

Deno.test("sendParts() never retries a network failure, which may have posted", async () => {
  let calls = 0;
  const failing = () => {
    calls++;
    return Promise.reject(new NetworkError("x", "connection reset"));
  };

  await assert.rejects(sendParts("x", thread, failing), NetworkError);
  assert.equal(calls, 1);
});

Deno.test("sendParts() stops a thread when aborted and reports the parts already out", async () => {
  const controller = new AbortController();
  const send = ({ text }: PartToSend) => {
    controller.abort();
    return Promise.resolve({ id: `id-${text}` });
  };

  const error = await sendParts("x", thread, send, controller.signal).catch((e: unknown) => e);

  assert.ok(error instanceof PartialPublishError);
  assert.deepEqual(error.partIds, ["id-a"]);
  assert.equal(error.totalParts, 3);
});

Deno.test("sendParts() refuses a post for another platform or with no parts", async () => {
  const send = () => Promise.resolve({ id: "never" });

  await assert.rejects(sendParts("telegram", thread, send), TypeError);
  await assert.rejects(sendParts("x", { ...thread, parts: [] }, send), RangeError);
});
