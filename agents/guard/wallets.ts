/**
 * Wallet addresses in drafts, including the ways they get past a simple
 * pattern: split by spaces, dots or dashes, or sitting in a link's query
 * string. No post may carry one.
 */

const SEP = "[\\s.\\-_]?";
const EVM = new RegExp(`\\b0x(?:${SEP}[0-9a-fA-F]){40}(?![0-9a-fA-F])`, "g");
const BECH32 = /\b(?:bc1|tb1)(?:[.\-_]?[02-9ac-hj-np-z]){11,71}\b/gi;
// Base58 has no 0, O, I or l. Tokens after # or @ are tags, not addresses.
const BASE58 = /(?<![\p{L}\p{N}#@\/_.-])[1-9A-HJ-NP-Za-km-z]{25,44}(?![\p{L}\p{N}_])/gu;
const CHUNKS =
  /(?<![\p{L}\p{N}#@])(?:[1-9A-HJ-NP-Za-km-z]{3,}[ .\-_]){2,}[1-9A-HJ-NP-Za-km-z]{3,}/gu;

/**
 * Wallet-address-looking tokens in `text`: EVM (0x + 40 hex), Bitcoin (legacy
 * 1…/3…, bech32 bc1…) and Solana-style base58 of 32-44 characters, whole or
 * in pieces. Base58 candidates must mix digits, upper and lower case, which
 * random addresses nearly always do and words, hashtags and tickers do not.
 */
export function walletAddresses(text: string): string[] {
  const found = [
    ...[...text.matchAll(EVM)].map(([t]) => t),
    ...[...text.matchAll(BECH32)].map(([t]) => t),
    ...[...text.matchAll(BASE58)].map(([t]) => t).filter(looksRandom),
    ...[...text.matchAll(CHUNKS)].flatMap(([run]) => splitAddresses(run)),
  ];
  return [...new Set(found.map((t) => t.replace(/[\s.\-_]/g, "")))];
}

/** Pieces of a run that join into an address; each piece must itself look random. */
function splitAddresses(run: string): string[] {
  const pieces = run.split(/[ .\-_]/);
  const out: string[] = [];
  for (let i = 0; i < pieces.length; i++) {
    let joined = "";
    let longest: [string, number] | null = null;
    for (let j = i; j < pieces.length && joined.length < 44; j++) {
      if (!/\d|.[A-Z]|^[a-z]+\d/.test(pieces[j]) || /^[A-Z]+$/.test(pieces[j])) break;
      joined += pieces[j];
      if (j > i && joined.length >= 32 && joined.length <= 44 && looksRandom(joined)) {
        longest = [joined, j];
      }
    }
    if (longest) {
      out.push(longest[0]);
      i = longest[1];
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
