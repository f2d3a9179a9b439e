import assert from "node:assert/strict";
import { checkDraft, type DraftCheckOptions, ensureDisclaimer, type InsightFacts } from "./mod.ts";

const DISCLAIMER = "Not financial advice. 18+ only.";
const BTC: InsightFacts = {
  type: "price_move",
  symbol: "BTC/USDT",
  timeframe: "1h",
  headline: "BTC/USDT up 5.2% in 24h",
  facts: {
    window: "24h",
    windowHours: 24,
    changePct: 5.23871,
    fromClose: 89700.5,
    toClose: 94401.14,
    bars: 24,
    thresholdPct: 6,
    direction: "up",
  },
};

function check(text: string, insight = BTC, extra: Partial<DraftCheckOptions> = {}) {
  return checkDraft([`${text}\n\n${DISCLAIMER}`], {
    platform: "x",
    insight,
    disclaimer: DISCLAIMER,
    linkAllowlist: [],
    ...extra,
  });
}

const passes = (text: string, insight = BTC, extra?: Partial<DraftCheckOptions>) =>
  assert.equal(check(text, insight, extra).reason, null, text);
const fails = (text: string, pattern: RegExp, insight = BTC) =>
  assert.match(check(text, insight).reason ?? "passed", pattern, text);

Deno.test("checkDraft ties each figure to the fact it claims and reports the match", () => {
  const verdict = check("BTC up 5.2% in 24h, from 89,700.50 to 94,401.14");
  assert.equal(verdict.ok, true);
  assert.deepEqual(verdict.claims.map((c) => [c.text, c.fact]), [
    ["5.2%", "changePct"],
    ["24h", "window"],
    ["89,700.50", "fromClose"],
    ["94,401.14", "toClose"],
  ]);
});

Deno.test("direction words must agree with the sign of the fact", () => {
  fails("BTC down 5.2% in 24h", /the words say down, but changePct went the other way/);
  fails("BTC dumped 5.2% today", /went the other way/);
  fails("BTC \u20135.2% in 24h", /went the other way|not in the facts/);
  passes("BTC rallied 5.2% in 24h");
});

Deno.test("numbers in words, styled digits and digits glued to text are read", () => {
  fails("BTC up twelve percent in 24h", /12%/);
  fails("BTC up \u{1D7CF}\u{1D7D0}% in 24h", /12%/);
  fails("ビットコインは24時間で12%上昇", /12%/);
  fails("BTC now above its MA200", /200 is not a setting/);
  passes("BTC up five point two percent in 24h");
});

Deno.test("past values need past wording, thresholds need level wording", () => {
  fails("BTC trades at 89,700.50", /past value \(fromClose\) stated as current/);
  fails("BTC up 6% in 24h", /thresholdPct, stated as a reading|not in the facts/);
  passes("BTC cleared the 6% move threshold, up 5.2% in 24h");
});

Deno.test("windows, dates and clock times must come from the insight", () => {
  passes("BTC up 5.2% in 24h on the 1h chart");
  fails("BTC up 5.2%, a 20-day high", /20-day is not a window/);
  fails("BTC up 5.2% since 3/12", /reads as a date/);
  fails("BTC up 5.2% since 00:00 UTC", /clock time/);
});

Deno.test("units and scale are part of the claim", () => {
  fails("BTC up 523 bps in 24h", /not in the facts/);
  fails("BTC up 5.2 percentage points", /not percentage points/);
  fails("BTC at $0.1M", /not in the facts/);
  passes("BTC near $94,000 after a 5.2% rise");
  fails("BTC near $90,000 after a 5.2% rise", /not in the facts|past value/);
});

Deno.test("a figure about another asset cannot borrow this insight's facts", () => {
  fails("ETH up 5.2% in 24h", /about ETH|ETH/);
});

Deno.test("predictions and promises are refused with or without a number", () => {
  fails("BTC up 5.2%. This one can't lose.", /a promised return/);
  fails("BTC up 5.2%. It will be back at 94,401.14 by Friday.", /a prediction/);
  passes("BTC up 5.2% in 24h. Watch whether volume confirms the move.");
});

Deno.test("links are found however they are hidden, and only allowlisted hosts pass", () => {
  fails("BTC up 5.2%: hxxps://evil[.]io/claim", /host not on the allowlist: evil\.io/);
  fails("BTC up 5.2%: evil dot com", /evil\.com/);
  fails("BTC up 5.2%: https://example.com@evil.io/x", /userinfo/);
  fails("BTC up 5.2%: http://203.0.113.9/x", /raw IP/);
  fails("BTC up 5.2%: bit.ly/abc", /shortener/);
  fails("BTC up 5.2%, write to help@evil.io", /email address/);
  fails("BTC up 5.2%: tg://resolve?domain=evil", /deep link/);
  fails("BTC up 5.2%: mailto:x@evil.io", /deep link|email/);
  passes("BTC up 5.2%: https://charts.example.com/btc", BTC, { linkAllowlist: ["example.com"] });
});

Deno.test("wallet addresses are found whole, split or inside a link", () => {
  const evm = "0x52908400098527886E0F7030069857D2E4169EE7";
  fails(`BTC up 5.2%. Send to ${evm}`, /wallet address: 0x5290…9EE7/);
  fails(`BTC up 5.2%. Send to ${evm.match(/.{1,6}/g)!.join(" ")}`, /wallet address/);
  const sol = "7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLtV";
  fails(`BTC up 5.2%. Send to ${sol.match(/.{1,8}/g)!.join(" ")}`, /wallet address/);
  const link = `https://example.com/pay?to=${sol}`;
  assert.match(
    check(`BTC up 5.2%: ${link}`, BTC, { linkAllowlist: ["example.com"] }).reason ?? "",
    /wallet address/,
  );
});

Deno.test("checkDraft allows the digits of the insight's symbols and thread markers", () => {
  const insight: InsightFacts = {
    type: "rsi_extreme",
    symbol: "1INCH/USDT",
    timeframe: "4h",
    headline: "1INCH/USDT 4h RSI(14) at 22.0: oversold",
    facts: { rsi: 22.019, rsiPeriod: 14, threshold: 30, zone: "oversold", close: 0.2412 },
  };
  passes("1INCH RSI(14) at 22.0 on the 4H chart, below the 30 line", insight);
  fails("1INCH RSI(21) at 22.0", /21 is not a setting/, insight);
  const parts = [`1/2 1INCH RSI(14) at 22.0`, `2/2 Close 0.2412\n\n${DISCLAIMER}`];
  const options = { platform: "x" as const, insight, disclaimer: DISCLAIMER, linkAllowlist: [] };
  assert.equal(checkDraft(parts, options).reason, null);
  assert.match(
    checkDraft(["4/3 1INCH RSI(14) at 22.0"], options).reason ?? "",
    /4\/3 reads as a date/,
  );
});

Deno.test("checkDraft names length, disclaimer and empty parts in one reason", () => {
  const options = {
    platform: "x" as const,
    insight: BTC,
    disclaimer: DISCLAIMER,
    linkAllowlist: [],
  };
  const verdict = checkDraft(
    [`1/2 BTC +5.2% ${"and more ".repeat(40)}`, "2/2 BTC up 12%!"],
    options,
  );
  assert.equal(verdict.ok, false);
  assert.match(verdict.reason!, /part 1 is \d+ weighted characters long; the limit is 280/);
  assert.match(verdict.reason!, /12% is not in the facts/);
  assert.match(verdict.reason!, /the last part lacks the disclaimer/);
  assert.equal(checkDraft([""], options).reason, "the draft has no text");
});

Deno.test("ensureDisclaimer appends to the last part when it fits", () => {
  assert.deepEqual(ensureDisclaimer(["BTC +5.2%"], DISCLAIMER, "x"), [
    `BTC +5.2%\n\n${DISCLAIMER}`,
  ]);
  const done = [`BTC\n\n${DISCLAIMER}`];
  assert.deepEqual(ensureDisclaimer(done, DISCLAIMER, "x"), done);
  assert.deepEqual(ensureDisclaimer(["BTC"], "", "x"), ["BTC"]);
});

Deno.test("ensureDisclaimer gives a full thread a new, numbered part", () => {
  const full = "x".repeat(270);
  const parts = ensureDisclaimer([`1/2 ${full}`, `2/2 ${full}`], DISCLAIMER, "x");
  assert.deepEqual(parts, [`1/3 ${full}`, `2/3 ${full}`, `3/3 ${DISCLAIMER}`]);
});

Deno.test("a past close with its quote currency before the arrow is still read as past", () => {
  passes("BTC/USDT +5.2% in 24h: 89,700.50 USDT → 94,401.14 USDT");
  passes("BTC/USDT +5.2% in 24h: 89,700.50 → 94,401.14");
  fails("BTC/USDT now at 89,700.50 USDT", /past value \(fromClose\) stated as current/);
});
