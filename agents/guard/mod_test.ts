import assert from "node:assert/strict";
import { createTemplateWriter } from "../../integrations/llm/template.ts";
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
  for (
    const fall of [
      "slumped",
      "tanked",
      "sold off",
      "cratered",
      "gave back",
      "bled",
      "nosedived",
      "erased",
      "\u2193",
      "\u{1F53B}",
    ]
  ) fails(`BTC ${fall} 5.2% in 24h`, /the words say down/);
  fails("BTC posted a 5.2% drawdown in 24h", /the words say down/);
  fails("BTC is off 5.2% in 24h", /the words say down/);
  passes("BTC erased its losses, up 5.2% in 24h");
  passes("BTC \u2191 5.2% in 24h, \u{1F53A} on the day");
});

Deno.test("a dash set apart before a percent is read as its sign", () => {
  fails("BTC \u2013 5.2% in 24h", /not in the facts|went the other way/);
  fails("BTC: - 5.2% in 24h", /not in the facts|went the other way/);
  passes("BTC \u2013 up 5.2% in 24h \u2014 94,401.14 at the close");
  fails("BTC up 24h, a change of \u2013 5.2%", /not in the facts|went the other way/);
});

Deno.test("a direction in a condition is supposed, not stated", () => {
  passes("BTC up 5.2% in 24h. Should it slip back under 94,401.14, the signal would lapse.");
  passes("BTC up 5.2% in 24h; if it falls below 94,401.14, the breakout fails.");
  fails("BTC up 5.2% in 24h and it slipped to 94,401.14.", /the words say down/);
});

Deno.test("a change is checked against the window its words give it", () => {
  fails("BTC up 5.2% in 1h", /5\.2% is changePct over 24h, but the words say 1h/);
  fails("BTC up 5.2% in the last hour", /changePct over 24h, but the words say 1h/);
  fails("BTC up 5.2% this week", /changePct over 24h, but the words say 168h/);
  fails("BTC 1h change: +5.2%", /the words say 1h/);
  fails("BTC was 89,700.50 a week ago", /fromClose over 24h, but the words say 168h/);
  passes("BTC up 5.2% in 24h on the 1h chart");
  passes("On the 1H chart, BTC is up 5.2% over the past day.");
  passes("BTC up 5.2% today, from 89,700.50 to 94,401.14");
  passes("Over 24h, BTC moved +5.2%. It closed at 94,401.14, 24h ago it was 89,700.50.");
});

Deno.test("numbers in words, styled digits and digits glued to text are read", () => {
  fails("BTC up twelve percent in 24h", /12%/);
  fails("BTC up \u{1D7CF}\u{1D7D0}% in 24h", /12%/);
  fails("ビットコインは24時間で12%上昇", /12%/);
  passes("BTCは24時間で5.2%上昇し、94,401.14になった。");
  fails("BTCは24時間で5.2%下落した。", /the words say down/);
  fails("BTC 24시간 5.2% 하락", /the words say down/);
  fails("BTC cayó 5.2% en 24h.", /the words say down/);
  fails("BTC now above its MA200", /200 is not a setting/);
  passes("BTC up five point two percent in 24h");
});

Deno.test("past values need past wording, thresholds need level wording", () => {
  fails("BTC trades at 89,700.50", /past value \(fromClose\) stated as current/);
  passes("BTC was 89,700.50 yesterday.");
  passes("BTC was 89,700.50 yesterday and is 94,401.14 now.");
  passes("BTC was 89,700.50 the day before; the close was 94,401.14.");
  passes("BTC traded at 89,700.50 a day ago and closes at 94,401.14.");
  passes("BTC added 5.2% since yesterday; the close is 94,401.14.");
  passes("BTC is 5.2% higher than a day ago, at 94,401.14.");
  fails("BTC up 6% in 24h", /thresholdPct, stated as a reading|not in the facts/);
  passes("BTC cleared the 6% move threshold, up 5.2% in 24h");
});

Deno.test("windows, dates and clock times must come from the insight", () => {
  passes("BTC up 5.2% in 24h on the 1h chart");
  fails("BTC up 5.2%, a 20-day high", /20-day is not a window/);
  fails("BTC up 5.2% since 3/12", /reads as a date/);
  fails("BTC up 5.2% since 00:00 UTC", /clock time/);
  fails("BTC up 5.2% on March 24", /March 24 reads as a date/);
  fails("BTC up 5.2% since 24 March 2025", /24 March reads as a date/);
});

Deno.test("units and scale are part of the claim", () => {
  fails("BTC up 523 bps in 24h", /not in the facts/);
  fails("BTC up 5.2 percentage points", /not percentage points/);
  // A percent that happens to be near a price is not that price in the wrong unit.
  fails("BTC up 94,401.14% in 24h", /94,401\.14% is not in the facts/);
  fails("BTC at $0.1M", /not in the facts/);
  passes("BTC near $94,000 after a 5.2% rise");
  fails("BTC near $90,000 after a 5.2% rise", /not in the facts|past value/);
  // 93,000 is 1.5% from the close: within a configured 2%, not within the default 1%.
  fails("BTC near $93,000 after a 5.2% rise", /\$93,000 is not in the facts/);
  passes("BTC near $93,000 after a 5.2% rise", BTC, { approximationPct: 2 });
  fails("BTC above $93,000 after a 5.2% rise", /not in the facts/);
  passes("BTC above $93,000 after a 5.2% rise", BTC, { approximationPct: 2 });
});

Deno.test("a noun after one figure stays with it, and coins traded are volume", () => {
  const movers: InsightFacts = {
    type: "top_movers",
    symbol: null,
    timeframe: null,
    headline: "Top movers in 24h",
    facts: {
      windowHours: 24,
      symbolsCompared: 24,
      thresholdPct: 6,
      gainer1Symbol: "SOL/USDT",
      gainer1ChangePct: 12.1,
      gainer1FromClose: 157,
      gainer1ToClose: 176,
    },
  };
  passes("SOL led the 24 pairs we track with +12.1% in 24h.", movers);
  const ada: InsightFacts = {
    type: "volume_spike",
    symbol: "ADA/USDT",
    timeframe: "1h",
    headline: "ADA/USDT 1h volume 5.3x its 20-bar average",
    facts: {
      volume: 64_012,
      baselineMean: 12_080.5,
      ratio: 5.2989,
      baselineBars: 20,
      close: 0.7141,
    },
  };
  passes("ADA volume hit 64,012 coins, 5.3x its average.", ada);
  fails("ADA volume hit $64,012, 5.3x its average.", /volume is counted in coins/, ada);
});

Deno.test("a figure in brackets is about what precedes them", () => {
  const movers: InsightFacts = {
    type: "top_movers",
    symbol: null,
    timeframe: null,
    headline: "Top movers in 24h",
    facts: {
      windowHours: 24,
      gainer1Symbol: "APT/USDT",
      gainer1ChangePct: 8.2,
      loser1Symbol: "INJ/USDT",
      loser1ChangePct: -5.1,
    },
  };
  passes("APT rose most (+8.2%) and INJ fell most (-5.1%).", movers);
  fails("APT fell most (+8.2%) and INJ rose most (-5.1%).", /the words say down/, movers);
});

Deno.test("an average named by its length is a setting", () => {
  const cross: InsightFacts = {
    type: "ma_cross",
    symbol: "FIL/USDT",
    timeframe: "1d",
    headline: "FIL/USDT 1d golden cross: SMA20 crossed above SMA50",
    facts: { fastPeriod: 20, slowPeriod: 50, fast: 4.944, slow: 4.931, close: 5.07 },
  };
  passes("The 20-day SMA (4.944) moved above the 50-day (4.931).", cross);
  passes("FIL closed at 5.07 as its 20-period average crossed over the 50.", cross);
  fails("FIL's 30-day SMA is at 4.944.", /30 is not a setting/, cross);
  fails("FIL at a 20-day high of 5.07.", /20-day is not a window/, cross);
});

Deno.test("a handle's digits are its name, not a figure", () => {
  passes("@sam1 BTC up 5.2% in 24h.");
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
  fails("BTC up 5.2%: evil dot vip", /host not on the allowlist: evil\.vip/);
  fails("BTC up 5.2%: evil .io", /host not on the allowlist: evil\.io/);
  assert.match(
    check("BTC up 5.2%: https://example.com/r?u=https://evil.io", BTC, {
      linkAllowlist: ["example.com"],
    }).reason ?? "",
    /a link inside an allowed link: https:\/\/evil\.io/,
  );
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
  // A split address is one problem, not a row of unknown figures.
  for (const split of [evm.match(/.{1,4}/g)!.join("  "), sol.match(/.{1,8}/g)!.join(" / ")]) {
    assert.deepEqual(check(`BTC up 5.2%. Send to ${split}`).problems, [
      `a wallet address: ${split.replace(/[\s/]/g, "").slice(0, 6)}…${
        split.replace(/[\s/]/g, "").slice(-4)
      }`,
    ]);
  }
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
  // A thread pasted whole, then split into the parts of another.
  const pasted = [
    "1/2 🧵 1INCH, 4H\n\n1/3 RSI(14) at 22.0.",
    `2/2 2/3 Close 0.2412. 3/3 That's all.\n\n${DISCLAIMER}`,
  ];
  assert.equal(checkDraft(pasted, options).reason, null);
});

Deno.test("the template writer's top movers draft passes when a ticker opens with a digit", async () => {
  const insight: InsightFacts = {
    type: "top_movers",
    symbol: null,
    timeframe: null,
    headline: "Top movers in 24h",
    facts: {
      windowHours: 24,
      symbolsCompared: 24,
      thresholdPct: 6,
      gainer1Symbol: "FET/USDT",
      gainer1ChangePct: 8.731,
      gainer1FromClose: 1.2,
      gainer1ToClose: 1.3048,
      gainer2Symbol: "1INCH/USDT",
      gainer2ChangePct: 6.4,
      gainer2FromClose: 0.25,
      gainer2ToClose: 0.266,
      loser1Symbol: "ICP/USDT",
      loser1ChangePct: -7.25,
      loser1FromClose: 9.1,
      loser1ToClose: 8.44,
    },
  };
  const draft = await createTemplateWriter().write({
    insightType: insight.type,
    symbol: null,
    headline: insight.headline!,
    facts: insight.facts,
    platform: "x",
    format: "single",
    maxLength: 240,
    disclaimer: DISCLAIMER,
  });
  assert.match(draft.parts.join(" "), /1INCH \+6\.4%/);
  const options = { platform: "x" as const, insight, disclaimer: DISCLAIMER, linkAllowlist: [] };
  assert.equal(checkDraft(draft.parts, options).reason, null);
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
