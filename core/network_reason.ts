/**
 * Why a request failed on the way, in a few words a person can act on, read
 * from the codes and messages of the runtime's errors (fetch, node:http) down
 * the cause chain. The words never quote the error, whose URL may hold a token.
 */

export type FailureKind = "dns" | "refused" | "unreachable" | "tls" | "closed" | "timeout";

const WORDS: Record<FailureKind, string> = {
  dns: "the host name did not resolve (DNS)",
  refused: "the connection was refused",
  unreachable: "the network or host is unreachable",
  tls: "the TLS handshake failed",
  closed: "the connection closed before an answer",
  timeout: "no answer in time",
};

/** Kinds in which no request can have left this machine. */
export const NEVER_SENT_KINDS: ReadonlySet<FailureKind> = new Set([
  "dns",
  "refused",
  "unreachable",
  "tls",
]);

const CODES: Record<string, FailureKind> = {
  ENOTFOUND: "dns",
  EAI_AGAIN: "dns",
  ECONNREFUSED: "refused",
  EHOSTUNREACH: "unreachable",
  ENETUNREACH: "unreachable",
  EADDRNOTAVAIL: "unreachable",
  CERT_HAS_EXPIRED: "tls",
  DEPTH_ZERO_SELF_SIGNED_CERT: "tls",
  SELF_SIGNED_CERT_IN_CHAIN: "tls",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "tls",
  ERR_TLS_CERT_ALTNAME_INVALID: "tls",
  ECONNRESET: "closed",
  EPIPE: "closed",
  ETIMEDOUT: "timeout",
  ESOCKETTIMEDOUT: "timeout",
};

const TLS_CUT_SHORT = /before secure tls connection was established/i;
// Checked in order, after the codes.
const TEXTS: [RegExp, FailureKind][] = [
  [/dns error|failed to lookup address|name or service not known|name resolution/i, "dns"],
  [/getaddrinfo/i, "dns"],
  [/connection refused|os error 111/i, "refused"],
  [/no route to host|network is unreachable/i, "unreachable"],
  [/invalid peer certificate|certificate verify failed|self-signed certificate/i, "tls"],
  [/tls handshake/i, "tls"],
  [/connection reset|socket hang up|connection closed before|os error 104/i, "closed"],
  [/timed out|timeout/i, "timeout"],
];

/** What kind of failure `error` (or anything in its cause chain) is, if it is a known one. */
export function failureKind(error: unknown): FailureKind | undefined {
  const chain = [];
  for (let e = error, depth = 0; e && depth < 6; depth++) {
    chain.push(e);
    e = (e as { cause?: unknown }).cause;
  }
  // Node reports a TLS handshake cut short as ECONNRESET: the words say more than the code.
  if (chain.some((e) => e instanceof Error && TLS_CUT_SHORT.test(e.message))) return "tls";
  for (const e of chain) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && code in CODES) return CODES[code];
    if (e instanceof Error && e.name === "TimeoutError") return "timeout";
  }
  for (const [pattern, kind] of TEXTS) {
    if (chain.some((e) => e instanceof Error && pattern.test(e.message))) return kind;
  }
  return undefined;
}

/** `failureKind` in words, or undefined when the failure is of no known kind. */
export function networkReason(error: unknown): string | undefined {
  const kind = failureKind(error);
  return kind && WORDS[kind];
}

/** The scheme, host and port of the first URL quoted down the cause chain: never a path. */
export function originIn(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && depth < 6; depth++) {
    const found = e instanceof Error ? /\bhttps?:\/\/[^\s)"'<>`]+/i.exec(e.message) : null;
    if (found) {
      try {
        return new URL(found[0]).origin;
      } catch {
        // Not a URL after all: look further down.
      }
    }
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}
