import assert from "node:assert/strict";
import { closed, near, only, ramp, thresholds } from "./_test_utils.ts";
import { detectTopMovers } from "./top_movers.ts";

/** 25 hourly closes ending `pct` percent above (or below) where they were 24h earlier. */
const moved = (symbol: string, pct: number) => closed(ramp(100, 100 + pct, 25), { symbol });

const market = [
  moved("AAA/USDT", 10),
  moved("BBB/USDT", 5),
  moved("CCC/USDT", 1),
  moved("DDD/USDT", -2),
  moved("EEE/USDT", -8),
];

Deno.test("top movers lists the biggest gainers and losers over 24h", () => {
  const movers = only(detectTopMovers(market, thresholds({ topMovers: 2 })));
  assert.equal(movers.type, "top_movers");
  assert.equal(movers.symbol, null);
  assert.equal(
    movers.headline,
    "Top movers in 24h: up AAA/USDT +10.0%, BBB/USDT +5.0%; down EEE/USDT -8.0%, DDD/USDT -2.0%",
  );
  assert.equal(movers.facts.gainer1Symbol, "AAA/USDT");
  assert.ok(near(movers.facts.gainer1ChangePct, 10));
  assert.equal(movers.facts.loser1Symbol, "EEE/USDT");
  assert.equal(movers.facts.symbolsCompared, 5);
  assert.equal(movers.facts.gainer3Symbol, undefined);
  assert.ok(near(movers.importance, (0.5 * 10) / 6));
});

Deno.test("top movers does not depend on the order the symbols come in", () => {
  const a = detectTopMovers(market, thresholds());
  const b = detectTopMovers([...market].reverse(), thresholds());
  assert.deepEqual(a, b);
});

Deno.test("a market that only rose lists gainers alone", () => {
  const movers = only(detectTopMovers([moved("AAA/USDT", 3), moved("BBB/USDT", 1)], thresholds()));
  assert.equal(movers.headline, "Top movers in 24h: up AAA/USDT +3.0%, BBB/USDT +1.0%");
  assert.ok(movers.importance < 0.5, "below the 24h move threshold ranks below it");
});

Deno.test("a single symbol or a flat market yields no top movers", () => {
  assert.deepEqual(detectTopMovers([moved("AAA/USDT", 10)], thresholds()), []);
  assert.deepEqual(detectTopMovers([moved("AAA/USDT", 0), moved("BBB/USDT", 0)], thresholds()), []);
});

Deno.test("symbols without 24h of candles are left out of the ranking", () => {
  const short = closed(ramp(100, 150, 10), { symbol: "NEW/USDT" });
  const movers = only(detectTopMovers([...market, short], thresholds()));
  assert.equal(movers.facts.symbolsCompared, 5);
  assert.ok(!movers.headline.includes("NEW/USDT"));
});
