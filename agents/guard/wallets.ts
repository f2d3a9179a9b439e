/**
 * Wallet addresses in drafts, including the ways they get past a simple
 * pattern: split by spaces, dots, dashes or slashes, or sitting in a link's
 * query string. No post may carry one.
 */

export interface WalletFinding {
  start: number;
  end: number;
  /** The address with its separators taken out. */
  address: string;
}

// Up to three separators between pieces: "0x5290  8400", "7EcD / hSYG".
const SEP = "(?:[\\s.\\-_/]{1,3})?";
const PIECE = /[^\s.\-_/]+/g;
const EVM = new RegExp(`\\b0x(?:${SEP}[0-9a-fA-F]){40}(?![0-9a-fA-F])`, "g");
const BECH32 = /\b(?:bc1|tb1)(?:[.\-_]?[02-9ac-hj-np-z]){11,71}\b/gi;
// Base58 has no 0, O, I or l. Tokens after # or @ are tags, not addresses.
const BASE58 = /(?<![\p{L}\p{N}#@\/_.-])[1-9A-HJ-NP-Za-km-z]{25,44}(?![\p{L}\p{N}_])/gu;
const CHUNKS =
  /(?<![\p{L}\p{N}#@])(?:[1-9A-HJ-NP-Za-km-z]{3,}(?:\s{1,3}|\s?[.\-_/]\s?)){2,}[1-9A-HJ-NP-Za-km-z]{3,}/gu;

/**
 * Wallet-address-looking tokens in `text`: EVM (0x + 40 hex), Bitcoin (legacy
 * 1…/3…, bech32 bc1…) and Solana-style base58 of 32-44 characters, whole or
 * in pieces. Base58 candidates must mix digits, upper and lower case, which
 * random addresses nearly always do and words, hashtags and tickers do not.
 */
export function walletAddresses(text: string): string[] {
  return [...new Set(findWallets(text).map((w) => w.address))];
}

/** Where each address sits in `text`, so its digits are not read as figures. */
export function findWallets(text: string): WalletFinding[] {
  const found: WalletFinding[] = [];
  const add = (start: number, raw: string) =>
    found.push({ start, end: start + raw.length, address: raw.replace(/[\s.\-_/]/g, "") });
  for (const m of text.matchAll(EVM)) add(m.index!, m[0]);
  for (const m of text.matchAll(BECH32)) add(m.index!, m[0]);
  for (const m of text.matchAll(BASE58)) if (looksRandom(m[0])) add(m.index!, m[0]);
  for (const m of text.matchAll(CHUNKS)) {
    for (const [from, to] of splitAddresses(m[0])) add(m.index! + from, m[0].slice(from, to));
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Spans of a run whose pieces join into an address; each piece must itself look random. */
function splitAddresses(run: string): Array<[number, number]> {
  const pieces = [...run.matchAll(PIECE)].map((m) => ({ text: m[0], at: m.index! }));
  const out: Array<[number, number]> = [];
  for (let i = 0; i < pieces.length; i++) {
    let joined = "";
    let last = -1;
    for (let j = i; j < pieces.length && joined.length < 44; j++) {
      const piece = pieces[j].text;
      if (!/\d|.[A-Z]|^[a-z]+\d/.test(piece) || /^[A-Z]+$/.test(piece)) break;
      joined += piece;
      if (j > i && joined.length >= 32 && joined.length <= 44 && looksRandom(joined)) last = j;
    }
    if (last >= 0) {
      out.push([pieces[i].at, pieces[last].at + pieces[last].text.length]);
      i = last;
    }
  }
  return out;
}

function looksRandom(token: string): boolean {
  const mixed = /\d/.test(token) && /[A-Z]/.test(token) && /[a-z]/.test(token);
  if (!mixed) return false;
  const bitcoinLegacy = /^[13]/.test(token) && token.length <= 35;
  return bitcoinLegacy || token.length >= 32;
}
