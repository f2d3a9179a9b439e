/** Wallet addresses from non-staff, and address poisoning: lookalikes of the pinned official ones. */
import type { Finding } from "./types.ts";

/** Ethereum-style (EVM chains), Bitcoin bech32 and legacy, Tron. */
const ADDRESS =
  /\b(?:0x[a-fA-F0-9]{40}|bc1[ac-hj-np-z02-9]{11,71}|[13][a-km-zA-HJ-NP-Z1-9]{25,34}|T[1-9A-HJ-NP-Za-km-z]{33})\b/g;
/** How many leading and trailing characters poisoners copy: what a wallet shows when shortened. */
const EDGE = 4;

export interface WalletRules {
  find(text: string): Finding | null;
}

export function compileWallets(official: readonly string[]): WalletRules {
  const exact = new Set(official.map((a) => a.toLowerCase()));
  const edges = new Map(official.map((a) => [edgesOf(a), a]));
  return {
    find(text) {
      // Every address format here is a run of at least 26 letters and digits.
      if (!RUN.test(text)) return null;
      let plain: Finding | null = null;
      for (const match of text.matchAll(ADDRESS)) {
        const address = match[0];
        if (exact.has(address.toLowerCase())) continue;
        const imitated = edges.get(edgesOf(address));
        if (imitated) {
          return {
            rule: "address-poisoning",
            reason: `posts an address made to look like the official ${shorten(imitated)}`,
            evidence: address,
          };
        }
        plain ??= {
          rule: "wallet-address",
          reason: "posts a wallet address (only staff may)",
          evidence: address,
        };
      }
      return plain;
    },
  };
}

function edgesOf(address: string): string {
  const a = address.toLowerCase().replace(/^0x/, "");
  return `${a.slice(0, EDGE)}…${a.slice(-EDGE)}`;
}

function shorten(address: string): string {
  return `${address.slice(0, 6)}…${address.slice(-4)}`;
}

/** A run of 26 letters or digits: the shortest address; far cheaper than the full regex. */
const RUN = /[A-Za-z0-9]{26}/;
