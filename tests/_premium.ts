/** What the premium tests share: their moment, and a BTC/USDT insight found then. */

export const PREMIUM_NOW = Date.UTC(2026, 2, 10, 13);

/** An insight of one kind and timeframe on BTC/USDT, as the analysis stores it. */
export function btcInsight(type: string, timeframe: string, headline: string) {
  return {
    dedupKey: `${type}:BTC/USDT:${timeframe}:${PREMIUM_NOW}`,
    type,
    symbol: "BTC/USDT",
    timeframe,
    headline,
    importance: 0.6,
    facts: { value: 1 },
    sourceRef: "test",
  };
}
