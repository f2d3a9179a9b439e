/**
 * Links and wallet addresses in drafts. A crypto account that posts an
 * unknown link or an address is how scams look, so neither may slip into a
 * draft unless a link's host is on the allowlist.
 */
import { extractUrlsWithIndices } from "../../integrations/publish/text_length.ts";

/**
 * Hosts of links in `text` that the allowlist does not cover. Bare domains
 * count ("evil.com/x" is linked by X and Telegram alike). Allowlist entries
 * are hostnames; their subdomains are allowed too.
 */
export function foreignLinkHosts(text: string, allowlist: readonly string[]): string[] {
  const allowed = allowlist.map((entry) => entry.trim().toLowerCase().replace(/^\*\./, ""));
  const hosts: string[] = [];
  for (const { url } of extractUrlsWithIndices(text)) {
    const host = hostOf(url);
    const ok = host !== undefined &&
      allowed.some((entry) => host === entry || host.endsWith(`.${entry}`));
    const shown = host ?? url;
    if (!ok && !hosts.includes(shown)) hosts.push(shown);
  }
  return hosts;
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `http://${url}`).hostname
      .toLowerCase();
  } catch {
    return undefined;
  }
}

const EVM = /\b0x[0-9a-fA-F]{40}\b/g;
const BECH32 = /\b(?:bc1|tb1)[02-9ac-hj-np-z]{11,71}\b/gi;
// Base58 has no 0, O, I or l. Tokens after # or @ are tags, not addresses.
const BASE58 = /(?<![\p{L}\p{N}#@\/_.-])[1-9A-HJ-NP-Za-km-z]{25,44}(?![\p{L}\p{N}_])/gu;

/**
 * Wallet-address-looking tokens in `text`: EVM (0x + 40 hex), Bitcoin
 * (legacy 1…/3…, bech32 bc1…) and Solana-style base58 of 32-44 characters.
 * Base58 candidates must mix digits, upper and lower case, which random
 * addresses nearly always do and long words, hashtags and tickers do not.
 */
export function walletAddresses(text: string): string[] {
  const withoutLinks = maskUrls(text);
  const found = [
    ...withoutLinks.matchAll(EVM),
    ...withoutLinks.matchAll(BECH32),
    ...[...withoutLinks.matchAll(BASE58)].filter(([token]) => looksRandom(token)),
  ].map(([token]) => token);
  return [...new Set(found)];
}

function looksRandom(token: string): boolean {
  const mixed = /\d/.test(token) && /[A-Z]/.test(token) && /[a-z]/.test(token);
  if (!mixed) return false;
  const bitcoinLegacy = /^[13]/.test(token) && token.length <= 35;
  return bitcoinLegacy || token.length >= 32;
}

/** Link paths often hold base58-looking ids; links are judged by their host instead. */
function maskUrls(text: string): string {
  let masked = text;
  for (const { indices: [start, end] } of extractUrlsWithIndices(text)) {
    masked = masked.slice(0, start) + " ".repeat(end - start) + masked.slice(end);
  }
  return masked;
}
