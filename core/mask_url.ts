/**
 * Credentials inside URLs, masked wherever a URL is shown: the password of
 * `user:pass@` (which may itself hold "@" or ":"), and the values of query
 * parameters that carry secrets (`?password=`, `?token=`, `?api_key=`...).
 */

// Parameter names that carry a credential: Postgres' password/sslpassword,
// and the usual token and key names of web APIs.
const SECRET_PARAM =
  /^(?:password|passwd|pass|pwd|sslpassword|secret|client_secret|token|access_token|refresh_token|auth|authorization|api_?key|apikey|key|sig|signature)$/i;

/** The URL with every credential-bearing part replaced by "****"; other text unchanged. */
export function maskUrl(url: string): string {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(url);
  if (!scheme) return maskPairs(url);
  const start = scheme[0].length;
  const at = userinfoEnd(url, start);
  let masked = url;
  if (at >= start) {
    const userinfo = url.slice(start, at);
    const colon = userinfo.indexOf(":");
    const user = colon < 0 ? userinfo : `${userinfo.slice(0, colon)}:****`;
    masked = url.slice(0, start) + user + url.slice(at);
  }
  return maskQuery(masked);
}

/**
 * Where the userinfo ends (its "@"), or -1 when there is none. A password may
 * hold "@", ":", "/", "?" or "#" unencoded, so it ends at the last "@" of the
 * URL, unless the text before the first "/", "?" or "#" has neither ":" nor
 * "@" (then no password can be there). When in doubt more is masked (an "@" in
 * the query of a URL with a port), never less.
 */
function userinfoEnd(url: string, start: number): number {
  const head = /^[^/?#]*/.exec(url.slice(start))![0];
  return /[:@]/.test(head) ? url.lastIndexOf("@") : -1;
}

/**
 * The URL with its credentials left out rather than masked: `user:pass@`
 * becomes `user@` and secret query parameters go. For a URL that is written
 * down (creator.yaml) while the secret comes from elsewhere. A URL that parses
 * is rebuilt from its parts, so an "@" in its query is never taken for the end
 * of a password; one that does not (a password holding "#" or "?" unencoded)
 * falls back to the masking search, which leaves out more, never less.
 */
export function withoutPassword(url: string): string {
  if (maskUrl(url) === url) return url;
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  const rebuilt = parsed?.host
    ? `${parsed.protocol}//${
      parsed.username ? `${parsed.username}@` : ""
    }${parsed.host}${parsed.pathname}${parsed.search}`
    : maskUrl(url).replace(/^([a-z][a-z0-9+.-]*:\/\/[^:@/?#]*):\*\*\*\*@/i, "$1@");
  return maskQuery(rebuilt)
    .replace(/([?&;])[^=&#;\s]+=\*\*\*\*(?:[&;]|(?=#|$))/g, "$1")
    .replace(/[?&;](?=#|$)/, "");
}

function maskQuery(url: string): string {
  return url.replace(
    /([?&;])([^=&#;\s]+)=([^&#;\s]*)/g,
    (whole, sep: string, name: string) =>
      SECRET_PARAM.test(decodeName(name)) ? `${sep}${name}=****` : whole,
  );
}

function decodeName(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** `password=x` pairs of a libpq keyword string ("host=db password=x"). */
function maskPairs(text: string): string {
  return text.replace(
    /(^|\s)(password|sslpassword)\s*=\s*('(?:[^'\\]|\\.)*'|\S+)/gi,
    "$1$2=****",
  );
}

/** Masks every URL found in free text (an error message, a log line). */
export function maskUrlsIn(text: string): string {
  return maskPairs(
    text.replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`]+/gi, (found) => {
      // Punctuation ending a sentence is not part of the URL.
      const url = found.replace(/[.,:;!?)\]]+$/, "");
      return maskUrl(url) + found.slice(url.length);
    }),
  );
}
