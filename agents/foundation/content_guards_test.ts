import assert from "node:assert/strict";
import {
  checkDraft,
  checkNumbers,
  ensureDisclaimer,
  foreignLinkHosts,
  walletAddresses,
} from "./content_guards.ts";
import { partLimit, weightedLength } from "../../integrations/publish/text_length.ts";

const BTC = {
  symbol: "BTC/USDT",
  window: "24h",
  change_pct: 5.23871,
  price_from: 89700.5,
  price_to: 94401.14,
  volume: 1_234_567_890,
};
const DISCLAIMER = "Not financial advice. 18+ only.";
const options = { platform: "x" as const, facts: BTC, disclaimer: DISCLAIMER, linkAllowlist: [] };

Deno.test("checkNumbers rejects a number the facts do not hold", () => {
  assert.deepEqual(checkNumbers("BTC up 12% in 24h", BTC), ["12%"]);
  assert.deepEqual(checkNumbers("Best day since 2021, next stop 100K", BTC), ["2021", "100K"]);
});

Deno.test("checkNumbers accepts a fact at any rounding it is shown with", () => {
  for (
    const text of [
      "BTC +5.2% in 24h",
      "up 5.24%",
      "about 5%",
      "now 94,401.14",
      "now $94,401",
      "now $94.4K",
      "now 94.4k",
      "now 94401",
      "from 89,700.50",
      "volume 1.2B",
      "volume 1,234.6M",
    ]
  ) assert.deepEqual(checkNumbers(text, BTC), [], text);
});

Deno.test("checkNumbers rejects a rounding the fact does not round to", () => {
  assert.deepEqual(checkNumbers("up 5.3%", BTC), ["5.3%"]);
  assert.deepEqual(checkNumbers("now $94.5K, volume 1.3B", BTC), ["$94.5K", "1.3B"]);
});

Deno.test("checkNumbers requires a shown sign to agree with the fact", () => {
  assert.deepEqual(checkNumbers("BTC -5.2%", BTC), ["-5.2%"]);
  assert.deepEqual(checkNumbers("ETH down 3.1%", { change_pct: -3.05 }), []);
  assert.deepEqual(checkNumbers("ETH -3.1%", { change_pct: -3.05 }), []);
});

Deno.test("checkNumbers matches percentages only against percentage facts", () => {
  assert.deepEqual(checkNumbers("RSI at 78.4", { rsi: 78.43 }), []);
  assert.deepEqual(checkNumbers("RSI at 78.4%", { rsi: 78.43 }), ["78.4%"]);
});

Deno.test("checkNumbers allows thread numbering, list indices and the disclaimer's numbers", () => {
  const text = `1/3 Top movers\n1. SOL +12.3%\n2) DOGE +8.1%\n\n${DISCLAIMER}`;
  const facts = { gainer_1_change_pct: 12.31, gainer_2_change_pct: 8.07 };
  assert.deepEqual(checkNumbers(text, facts, [DISCLAIMER]), []);
  assert.deepEqual(checkNumbers("4/3 Top movers", facts), ["4", "3"]);
});

Deno.test("checkNumbers never flags the digits of a symbol held in a string fact", () => {
  const facts = {
    gainer1Symbol: "1INCH/USDT",
    gainer1ChangePct: 18.4521,
    loser1Symbol: "1000SATS/USDT",
    loser1ChangePct: -7.25,
  };
  const text = "Gainers: 1INCH +18.5%\nLosers: 1000SATS -7.3%\n• 1INCH/USDT, 1000SATS/USDT";
  assert.deepEqual(checkNumbers(text, facts), []);
  assert.deepEqual(checkNumbers("1000SATS +12.0%", facts), ["+12.0%"]);
});

Deno.test("a string fact is masked only where it stands alone", () => {
  assert.deepEqual(checkNumbers("up 5.2% in 1h", { window: "1h", changePct: 5.2 }), []);
  assert.deepEqual(checkNumbers("up 5.2% in 21h", { window: "1h", changePct: 5.2 }), ["21"]);
});

Deno.test("checkDraft allows the digits of the insight's symbol", () => {
  const facts = { rsi: 22.019, rsiPeriod: 14 };
  const parts = [`1INCH/USDT RSI(14) at 22.0\n\n${DISCLAIMER}`];
  assert.deepEqual(checkDraft(parts, { ...options, facts, symbol: "1INCH/USDT" }), { ok: true });
  const verdict = checkDraft(parts, { ...options, facts });
  assert.deepEqual(verdict, { ok: false, reason: "numbers not in the facts: 1" });
});

Deno.test("checkNumbers allows numbers inside string facts and allowed text", () => {
  const facts = { timeframe: "4h", period: 14, rsi: 81.2, symbol: "1INCH/USDT" };
  assert.deepEqual(checkNumbers("1INCH RSI(14) at 81.2 on the 4h chart", facts), []);
  assert.deepEqual(checkNumbers("C98 bounced", {}, ["C98/USDT"]), []);
  assert.deepEqual(checkNumbers("on the 1h chart", { timeframe: "4h" }), ["1"]);
});

Deno.test("walletAddresses finds EVM, Bitcoin and Solana addresses but not long words", () => {
  const evm = "0x52908400098527886E0F7030069857D2E4169EE7";
  const bech32 = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq";
  const legacy = "1BoatSLRHtKNngkdXEeobR76b53LETtpyT";
  const solana = "7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLtV";
  const text = `Send to ${evm}, ${bech32}, ${legacy} or ${solana}!`;
  assert.deepEqual(walletAddresses(text), [evm, bech32, legacy, solana]);
  const innocent = "Antidisestablishmentarianism2024 #BitcoinHalvingCountdown2024 BTC/USDT " +
    "MicroStrategyAcquisitionUpdate2025 https://example.com/p/7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXw";
  assert.deepEqual(walletAddresses(innocent), []);
});

Deno.test("foreignLinkHosts flags hosts off the allowlist, bare domains included", () => {
  const text = "Read https://docs.example.com/a, example.com and evil.com/claim or t.me/scam";
  assert.deepEqual(foreignLinkHosts(text, ["example.com"]), ["evil.com", "t.me"]);
  assert.deepEqual(foreignLinkHosts("no links here, e.g. BTC.D", []), []);
});

Deno.test("the guards re-export the platform length counting", () => {
  assert.equal(weightedLength("📈 BTC", "x"), 6);
  assert.equal(partLimit("telegram", "chart_post"), 1024);
});

Deno.test("checkDraft accepts a clean draft", () => {
  const parts = [`BTC +5.2% in 24h, now 94,401.14.\n\n${DISCLAIMER}`];
  assert.deepEqual(checkDraft(parts, options), { ok: true });
});

Deno.test("checkDraft names every problem in one reason", () => {
  const long = `1/2 BTC +5.2% ${"and more ".repeat(40)}`;
  const last = "2/2 BTC up 12%! Claim at evil.com: 0x52908400098527886E0F7030069857D2E4169EE7";
  const verdict = checkDraft([long, last], options);
  assert.equal(verdict.ok, false);
  const reason = verdict.ok ? "" : verdict.reason;
  assert.match(reason, /part 1 is \d+ weighted characters long; the limit is 280/);
  assert.match(reason, /numbers not in the facts: 12%/);
  assert.match(reason, /the last part lacks the disclaimer/);
  assert.match(reason, /links to hosts not allowed: evil\.com/);
  assert.match(reason, /wallet addresses: 0x5290…9EE7/);
});

Deno.test("checkDraft allows links to allowlisted hosts and their subdomains", () => {
  const parts = [`Chart: https://charts.example.com/btc\n\n${DISCLAIMER}`];
  assert.deepEqual(checkDraft(parts, { ...options, linkAllowlist: ["example.com"] }), { ok: true });
  assert.equal(checkDraft([""], options).ok, false);
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
  assert.deepEqual(ensureDisclaimer([full + "y".repeat(9)], DISCLAIMER, "x"), [
    full + "y".repeat(9),
  ]);
});
