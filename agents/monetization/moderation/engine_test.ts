import assert from "node:assert/strict";
import { DEFAULT_MODERATION, type ModerationSettings } from "../../../core/config_moderation.ts";
import { compileEngine } from "./engine.ts";
import { bundledLists, mergeLists, parseList } from "./lists.ts";
import type { ChatMessage } from "./types.ts";

const NOW = Date.parse("2026-03-01T12:00:00Z");
const DAY = 86_400_000;
const OFFICIAL = "0x52908400098527886E0F7030069857D2E4169EE7";
const settings: ModerationSettings = {
  ...DEFAULT_MODERATION,
  ownDomains: ["creator.example"],
  staffNames: ["Satoshi Moderator", "alice"],
  officialAddresses: [OFFICIAL],
  ownInvites: ["https://discord.gg/ourserver"],
};
const engine = compileEngine(settings, mergeLists(settings, await bundledLists()));
const member = { id: "u1", name: "Bob", createdAt: NOW - 400 * DAY, roles: ["Member"] };
const check = (text: string, extra: Partial<ChatMessage> = {}) =>
  engine.check({ text, author: member, ...extra }, NOW);

Deno.test("a clean message is allowed", () => {
  assert.deepEqual(check("BTC looks strong above 90k, see https://uniswap.org for the pool"), {
    action: "allow",
  });
});

Deno.test("a listed phishing domain is caught by its registrable domain, not by substring", () => {
  const v = check("claim here: https://app.free-azuki.com/mint?x=1");
  assert.deepEqual(v, {
    action: "ban",
    rule: "phishing-domain",
    reason: "links to free-azuki.com, which is on a phishing list",
    evidence: "app.free-azuki.com",
  });
  // The listed name inside a longer, unlisted domain is not a match.
  assert.equal(check("see free-azuki.com.example.org").action !== "ban", true);
});

Deno.test("lookalikes of protected domains are caught: confusables, edits, brand with words", () => {
  for (
    const text of [
      "go to metаmask.io now",
      "https://uniswaq.org",
      "uniswap-rewards-claim.org/login",
    ]
  ) {
    const v = check(text);
    assert.ok(
      v.action !== "allow" && v.rule === "lookalike-domain",
      `${text}: ${JSON.stringify(v)}`,
    );
  }
  assert.equal(check("https://metamask.io/download").action, "allow");
  assert.equal(check("our site creator.example and creat0r.example").action !== "allow", true);
});

Deno.test("a name whose near misses the lists mostly allow is matched only as itself", () => {
  const crowd = compileEngine(
    settings,
    mergeLists(settings, {
      protect: ["kittyclub.example", "swapzone.example"],
      allowed: ["kittyclab.org", "kittycluf.net", "kittycrub.io"],
      blocked: ["kittyklub.xyz", "swapzane.xyz", "swapz0ne-claim.xyz"],
    }),
  );
  const rule = (text: string) => {
    const v = crowd.check({ text, author: member }, NOW);
    return v.action === "allow" ? "allow" : v.rule;
  };
  // Three legitimate cousins one letter away, one phishing: a near miss says too little.
  assert.equal(rule("https://kittycleb.com"), "allow");
  // The same skeleton and the name as a word still count.
  assert.equal(rule("https://kittyc1ub.com"), "lookalike-domain");
  assert.equal(rule("https://kittyclub-airdrop.com"), "lookalike-domain");
  // A name whose near misses are phishing keeps matching them.
  assert.equal(rule("https://swapzome.com"), "lookalike-domain");
});

Deno.test("wallet addresses from members are removed; a poisoned lookalike bans", () => {
  const plain = check("send to 0x1111111111111111111111111111111111111111 please");
  assert.ok(plain.action !== "allow" && plain.rule === "wallet-address");
  const poisoned = check(`official is 0x5290${"0".repeat(32)}9ee7`);
  assert.ok(poisoned.action === "ban" && poisoned.rule === "address-poisoning");
  assert.equal(check(`donations: ${OFFICIAL}`).action, "allow");
});

Deno.test("scam phrases fire, warnings about them do not", () => {
  for (
    const text of [
      "Claim your free airdrop now",
      "please validate your wallet",
      "DM me for help",
      "send me your seed phrase",
    ]
  ) {
    const v = check(text);
    assert.ok(v.action !== "allow" && v.rule === "scam-phrase", text);
  }
  assert.equal(check("Never share your seed phrase with anyone").action, "allow");
  assert.equal(check("where do I find my seed phrase in the app?").action, "allow");
});

Deno.test("invites to other servers are removed, our own are not", () => {
  const v = check("join discord.gg/freemoney");
  assert.ok(v.action === "delete" && v.rule === "invite-link");
  assert.equal(check("join https://discord.gg/ourserver").action, "allow");
});

Deno.test("mass mentions and @everyone time the author out", () => {
  assert.equal(check("<@1> <@2> <@3> <@4> <@5> look").action, "timeout");
  assert.equal(check("@everyone look").action, "timeout");
  assert.equal(check("<@1> <@2> thanks").action, "allow");
});

Deno.test("the same text in three channels within a minute", () => {
  const e = compileEngine(settings, mergeLists(settings));
  const text = "big news everyone, check the pinned post";
  const at = (s: number) => NOW + s * 1000;
  assert.equal(e.check({ text, author: member, channel: "a", at: at(0) }, NOW).action, "allow");
  assert.equal(e.check({ text, author: member, channel: "b", at: at(10) }, NOW).action, "allow");
  const v = e.check({ text, author: member, channel: "c", at: at(20) }, NOW);
  assert.ok(v.action === "timeout" && v.rule === "cross-channel");
  assert.equal(
    e.check({ text, author: { ...member, id: "u2" }, channel: "d", at: at(90) }, NOW).action,
    "allow",
  );
});

Deno.test("flood: six messages in ten seconds", () => {
  const e = compileEngine(settings, mergeLists(settings));
  const verdicts = Array.from(
    { length: 6 },
    (_, i) => e.check({ text: `msg ${i}`, author: member, at: NOW + i * 1000 }, NOW).action,
  );
  assert.deepEqual(verdicts, ["allow", "allow", "allow", "allow", "allow", "timeout"]);
});

Deno.test("links from young accounts are removed; allowlisted links are not", () => {
  const young = { ...member, createdAt: NOW - 2 * DAY };
  const v = check("nice chart at https://example-charts.net/x", { author: young });
  assert.ok(v.action === "delete" && v.rule === "new-account-link");
  assert.equal(check("see https://creator.example/faq", { author: young }).action, "allow");
});

Deno.test("impersonation: staff names with confusables, and staff titles", () => {
  const v = check("hello", { author: { ...member, name: "Satoshi Moderat0r" } });
  assert.ok(v.action === "kick" && v.rule === "impersonation");
  assert.equal(engine.checkMember({ id: "u9", name: "Support Team" }).action, "kick");
  assert.equal(engine.checkMember({ id: "u9", name: "Carol" }).action, "allow");
});

Deno.test("staff and allowlisted users are never actioned", () => {
  const text = "validate your wallet at metamask-verify.com @everyone";
  assert.equal(check(text, { author: { ...member, roles: ["moderator"] } }).action, "allow");
  const allowed = compileEngine({ ...settings, allowUsers: ["u1"] }, mergeLists(settings));
  assert.equal(allowed.check({ text, author: member }, NOW).action, "allow");
});

Deno.test("a rule set to off is not evaluated; the hardest mode among findings wins", () => {
  const off = compileEngine(
    { ...settings, rules: { ...settings.rules, scamPhrase: "off" } },
    mergeLists(settings),
  );
  assert.equal(off.check({ text: "DM me", author: member }, NOW).action, "allow");
  const v = check("DM me, then visit app.free-azuki.com");
  assert.ok(v.action === "ban" && v.rule === "phishing-domain");
});

Deno.test("lists are read in eth-phishing-detect JSON and in hosts-file text", () => {
  const json = parseList('{"blacklist":["a.com"],"whitelist":["b.com"],"fuzzylist":["c.com"]}');
  assert.deepEqual(json, { blocked: ["a.com"], allowed: ["b.com"], protect: ["c.com"] });
  assert.deepEqual(parseList("# list\n0.0.0.0 evil.com\nbad.net\n").blocked, [
    "evil.com",
    "bad.net",
  ]);
  assert.throws(() => parseList("<html>not a list</html>"), /no domain found/);
});
