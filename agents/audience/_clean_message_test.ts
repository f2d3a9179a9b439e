import assert from "node:assert/strict";
import type { IncomingMessage } from "../../core/vocabulary.ts";
import { cleanMessage } from "./_clean_message.ts";

Deno.test("cleanMessage strips escapes and controls from a message and its author's names", () => {
  const ESC = "\x1b";
  const m: IncomingMessage = {
    platform: "telegram",
    externalId: "1",
    kind: "direct_message",
    author: {
      platform: "telegram",
      externalId: "7",
      handle: `evil${ESC}]8;;tg://resolve?domain=x${ESC}\\`,
      displayName: `Support\u202e nimdA`,
      isBot: false,
    },
    text: `hello${ESC}[2J\nsecond line\u0007`,
    sentAt: 0,
    inReplyToPostId: null,
    conversationId: null,
  };
  const clean = cleanMessage(m);
  assert.equal(clean.text, "hello\nsecond line");
  assert.ok(!clean.author.handle!.includes(ESC));
  assert.ok(!clean.author.displayName!.includes("\u202e"));
  assert.equal(clean.externalId, "1");
});
