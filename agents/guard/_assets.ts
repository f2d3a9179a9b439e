/**
 * Asset mentions in draft text: cashtags, tickers and the common names of
 * the larger coins. A figure is bound to the asset named nearest to it, so a
 * figure about one asset cannot borrow a fact of another.
 */

const NAMES: Record<string, string> = {
  bitcoin: "BTC",
  ether: "ETH",
  ethereum: "ETH",
  solana: "SOL",
  ripple: "XRP",
  dogecoin: "DOGE",
  cardano: "ADA",
  avalanche: "AVAX",
  polkadot: "DOT",
  chainlink: "LINK",
  polygon: "POL",
  litecoin: "LTC",
  tron: "TRX",
  toncoin: "TON",
  arbitrum: "ARB",
  optimism: "OP",
  aptos: "APT",
  cosmos: "ATOM",
  uniswap: "UNI",
  stellar: "XLM",
  shiba: "SHIB",
};
/** Tickers read as assets even when the insight does not name them. */
const TICKERS = new Set([
  "BTC",
  "ETH",
  "SOL",
  "XRP",
  "DOGE",
  "ADA",
  "AVAX",
  "DOT",
  "LINK",
  "POL",
  "MATIC",
  "LTC",
  "TRX",
  "TON",
  "SHIB",
  "PEPE",
  "ARB",
  "OP",
  "SUI",
  "APT",
  "ATOM",
  "UNI",
  "XLM",
  "BCH",
  "ETC",
  "FIL",
  "HBAR",
  "ICP",
  "INJ",
  "TIA",
  "SEI",
  "WIF",
  "BONK",
  "NEAR",
  "BNB",
  "AAVE",
  "MKR",
  "RNDR",
  "1INCH",
]);
// Tickers may open with digits ("1INCH", "1000PEPE"); those count only when known, and so does a
// ticker of one capital ("T"), standing alone: not "AT&T", "T-shirt" or "T's".
const TOKEN =
  /\$?[A-Za-z][A-Za-z0-9]{1,9}(?:\/[A-Z]{3,5})?|\b\d{1,4}[A-Z][A-Z0-9]{1,9}\b|(?<![A-Za-z0-9&'\-])[A-Z](?:\/[A-Z]{3,5})?(?![A-Za-z0-9&'\-])/g;

/** Assets named in `text`, in order; `known` adds the insight's own assets. */
export function assetsIn(text: string, known: ReadonlySet<string>): string[] {
  return assetsAt(text, known).map((m) => m.asset);
}

/** Assets named in `text` with where each is named, in order. */
export function assetsAt(
  text: string,
  known: ReadonlySet<string>,
): Array<{ index: number; asset: string }> {
  const found: Array<{ index: number; asset: string }> = [];
  for (const m of text.matchAll(TOKEN)) {
    const asset = assetOf(m[0], known);
    if (asset) found.push({ index: m.index!, asset });
  }
  return found;
}

function assetOf(token: string, known: ReadonlySet<string>): string | null {
  const cashtag = token.startsWith("$");
  const bare = (cashtag ? token.slice(1) : token).split("/")[0];
  if (cashtag && /^[A-Za-z]{2,10}$/.test(bare)) return bare.toUpperCase();
  if (known.has(bare) || TICKERS.has(bare)) return bare;
  if (bare.length === 1) return null;
  // "ETHUSDT", "ASTERUSDT": a pair written as exchanges write it, without its slash.
  const pair = /^([A-Z0-9]{2,10}?)(?:USDT|USDC|BUSD|USD)$/.exec(bare);
  if (pair && (known.has(pair[1]) || TICKERS.has(pair[1]))) return pair[1];
  return NAMES[bare.toLowerCase()] ?? null;
}

/**
 * `text` with the known tickers written in capitals masked as a capitalised word of their length:
 * "SOON", "PUMP" and "RED" name coins there, not a time to come, a call or a colour.
 */
export function maskTickers(text: string, known: ReadonlySet<string>): string {
  const tickers = tickersOf(known);
  return tickers ? text.replace(tickers, (word) => "Q".repeat(word.length)) : text;
}

const TICKER_PATTERNS = new WeakMap<ReadonlySet<string>, RegExp | null>();

/**
 * One pattern for the known tickers written in capitals, made once per set. Only Latin letters
 * and digits bound them: "PUMPが" (PUMP, then Japanese) names the coin too.
 */
function tickersOf(known: ReadonlySet<string>): RegExp | null {
  if (!TICKER_PATTERNS.has(known)) {
    const words = [...known].filter((t) => /^[A-Z][A-Z0-9]+$/.test(t));
    TICKER_PATTERNS.set(
      known,
      words.length
        ? new RegExp(`(?<![A-Za-z0-9])(?:${words.join("|")})(?![A-Za-z0-9])`, "g")
        : null,
    );
  }
  return TICKER_PATTERNS.get(known)!;
}
