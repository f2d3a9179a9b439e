/** Finds the hosts a message links to, cheaply: a scan of its tokens, no regex over the whole text. */
import { getDomain, getDomainWithoutSuffix } from "tldts";
import { domainToUnicode } from "node:url";

export interface Link {
  /** As written, lower case, without scheme, path or port. */
  host: string;
  /** The registrable domain (tldts), e.g. "uniswap.org" for "app.uniswap.org". */
  domain: string;
  /** The domain without its public suffix, e.g. "uniswap". */
  label: string;
}

const CACHE_LIMIT = 50_000;
const cache = new Map<string, Link | null>();
/** Whitespace and the brackets and quotes links are wrapped in. */
const SEPARATOR = new Set([..." \t\n\r\f\v<>()[]{}\"'`,;\u00a0"].map((c) => c.charCodeAt(0)));

/**
 * Every link in `text`; an empty array (shared, not to be changed) when there
 * is none. Jumps from dot to dot and cuts out only the tokens around them.
 */
export function findLinks(text: string): readonly Link[] {
  let dot = text.indexOf(".");
  if (dot === -1) return NONE;
  let out: Link[] | undefined;
  while (dot !== -1) {
    let start = dot;
    while (start > 0 && !SEPARATOR.has(text.charCodeAt(start - 1))) start--;
    let end = dot + 1;
    while (end < text.length && !SEPARATOR.has(text.charCodeAt(end))) end++;
    if (end - start >= 4 && end - dot > 2) {
      const link = toLink(text.slice(start, end));
      if (link) (out ??= []).push(link);
    }
    dot = text.indexOf(".", end);
  }
  return out ?? NONE;
}

const NONE: readonly Link[] = Object.freeze([]);

function toLink(token: string): Link | null {
  let host = token.toLowerCase();
  const scheme = host.indexOf("://");
  if (scheme !== -1) host = host.slice(scheme + 3);
  const at = host.lastIndexOf("@", host.search(/[/?#]|$/));
  if (at !== -1) host = host.slice(at + 1);
  const end = host.search(/[/?#:\\]/);
  if (end !== -1) host = host.slice(0, end);
  host = host.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
  if (host.indexOf(".") === -1) return null;
  const hit = cache.get(host);
  if (hit !== undefined) return hit;
  const link = resolve(host);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(host, link);
  return link;
}

function resolve(written: string): Link | null {
  // Punycode is how lookalikes travel; read it as the letters a person sees.
  const host = written.includes("xn--") ? domainToUnicode(written) || written : written;
  const domain = getDomain(host, { validateHostname: false });
  if (!domain) return null;
  const label = getDomainWithoutSuffix(host, { validateHostname: false }) ?? domain;
  // Digits-only "domains" are version numbers and amounts ("1.5", "v2.0"), not links.
  if (/^[\d.]+$/.test(domain)) return null;
  return { host, domain, label };
}

/** The host and its parents down to the registrable domain: a.b.evil.com, b.evil.com, evil.com. */
export function hostChain(link: Link): string[] {
  const out = [link.host];
  let h = link.host;
  while (h.length > link.domain.length) {
    const dot = h.indexOf(".");
    if (dot === -1) break;
    h = h.slice(dot + 1);
    out.push(h);
  }
  return out;
}
