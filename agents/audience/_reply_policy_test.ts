import assert from "node:assert/strict";
import { ConfigSchema } from "../../core/config_schema.ts";
import type { Interaction } from "../../storage/interactions.ts";
import { decideReply } from "./_reply_policy.ts";

const NOW = Date.UTC(2025, 1, 1, 12);
const policy = ConfigSchema.parse({}).engagement;

function message(over: Partial<Interaction> = {}): Interaction {
  return {
    id: 1,
    platform: "discord",
    externalId: "1",
    kind: "comment",
    userId: 1,
    authorId: "9",
    handle: "sam",
    isBot: false,
    optedOut: false,
    postId: null,
    conversationId: "c",
    text: "",
    receivedAt: NOW - 60_000,
    classification: null,
    replyState: "none",
    ...over,
  };
}

Deno.test("a question is answered only when it is put to us", () => {
  assert.equal(decideReply(message(), "question", policy, NOW).reply, false);
  assert.equal(decideReply(message({ kind: "mention" }), "question", policy, NOW).reply, true);
  assert.equal(
    decideReply(message({ kind: "direct_message" }), "question", policy, NOW).reply,
    true,
  );
  assert.equal(decideReply(message({ postId: 3 }), "question", policy, NOW).reply, true);
});

Deno.test("praise and criticism are answered about our posts; fud is not by default", () => {
  assert.equal(decideReply(message({ postId: 3 }), "praise", policy, NOW).reply, true);
  assert.equal(decideReply(message({ kind: "mention" }), "praise", policy, NOW).reply, false);
  const fud = decideReply(message({ postId: 3 }), "fud", policy, NOW);
  assert.deepEqual(fud, { reply: false, reason: "fud is not in engagement.answer" });
});

Deno.test("spam, scam, bots, opted-out people and old messages never get a reply", () => {
  const mention = message({ kind: "mention" });
  const everything = ConfigSchema.parse({
    engagement: { answer: ["question", "praise", "criticism", "fud", "other"] },
  }).engagement;
  for (const c of ["spam", "scam"] as const) {
    assert.match(decideReply(mention, c, everything, NOW).reason, /never answered/);
  }
  assert.match(decideReply({ ...mention, isBot: true }, "question", policy, NOW).reason, /bot/);
  assert.match(
    decideReply({ ...mention, optedOut: true }, "question", policy, NOW).reason,
    /opted/,
  );
  const old = { ...mention, receivedAt: NOW - 25 * 3_600_000 };
  assert.match(decideReply(old, "question", policy, NOW).reason, /older than 24h/);
});
