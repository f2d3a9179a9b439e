/**
 * Phishing lists: the bundled public list (MetaMask's eth-phishing-detect,
 * data/moderation/README.md), brands worth protecting, the lists refreshed
 * into the database, and the settings' own domains, merged into one set.
 */
import type { ModerationSettings } from "../../../core/config_moderation.ts";
import type { DomainLists } from "./types.ts";

export type ListKind = "blocked" | "allowed" | "protect";
export type ParsedList = Record<ListKind, string[]>;

/**
 * Wallets, exchanges and platforms whose lookalikes drain crypto communities;
 * added to eth-phishing-detect's fuzzylist. Each is allowed as well.
 */
export const PROTECTED_BRANDS = [
  "binance.com",
  "coinbase.com",
  "kraken.com",
  "uniswap.org",
  "trustwallet.com",
  "phantom.app",
  "ledger.com",
  "trezor.io",
  "pancakeswap.finance",
  "bybit.com",
  "kucoin.com",
  "coingecko.com",
  "coinmarketcap.com",
  "arbitrum.io",
  "optimism.io",
  "solana.com",
  "ethereum.org",
  "discord.com",
  "telegram.org",
  "rabby.io",
  "safe.global",
  "revoke.cash",
  "blockchain.com",
];
/** Real domains of the brands above that the lookalike rule would otherwise catch. */
const ALSO_ALLOWED = ["discord.gg", "discordapp.com", "discord.media", "telegram.me", "t.me"];

const BUNDLED = new URL("../../../data/moderation/eth_phishing_detect.json", import.meta.url);

/** The bundled list, as shipped. */
export async function bundledLists(): Promise<ParsedList> {
  return parseList(await Deno.readTextFile(BUNDLED));
}

/**
 * Reads a list: eth-phishing-detect's JSON (blacklist, whitelist, fuzzylist),
 * a JSON array of domains, or text with one domain a line (hosts-file lines
 * such as "0.0.0.0 evil.com" and # comments allowed). Throws on anything else.
 */
export function parseList(text: string): ParsedList {
  const trimmed = text.trimStart();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    const data = JSON.parse(trimmed) as unknown;
    if (Array.isArray(data)) return { blocked: strings(data), allowed: [], protect: [] };
    const o = data as Record<string, unknown>;
    if (!Array.isArray(o.blacklist)) {
      throw new TypeError("Cannot read the list: a JSON object needs a blacklist array");
    }
    return {
      blocked: strings(o.blacklist),
      allowed: strings(o.whitelist),
      protect: strings(o.fuzzylist),
    };
  }
  const blocked: string[] = [];
  for (const line of text.split("\n")) {
    const words = line.replace(/#.*/, "").trim().split(/\s+/);
    const domain = words.at(-1)?.toLowerCase() ?? "";
    if (/^[a-z0-9\u00a1-\uffff.-]+\.[a-z\u00a1-\uffff-]{2,}$/.test(domain)) blocked.push(domain);
  }
  if (!blocked.length) throw new TypeError("Cannot read the list: no domain found in it");
  return { blocked, allowed: [], protect: [] };
}

/** Everything in force, for compileEngine(). */
export function mergeLists(
  settings: ModerationSettings,
  ...parts: Partial<ParsedList>[]
): DomainLists {
  const own = [...settings.ownDomains, ...settings.allowDomains];
  const pick = (k: ListKind) => parts.flatMap((p) => p[k] ?? []);
  return {
    blocked: pick("blocked"),
    allowed: [...pick("allowed"), ...ALSO_ALLOWED, ...own],
    protect: [...pick("protect"), ...PROTECTED_BRANDS, ...own],
  };
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}
