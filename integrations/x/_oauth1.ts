/**
 * OAuth 1.0a request signing with HMAC-SHA1 (RFC 5849, section 3), for X's user context. The
 * key is imported into WebCrypto once per signer: a mention intake signs up to 100 GET requests
 * in a run, and the SDK's signer rebuilds its HMAC and re-encodes every parameter each time.
 */

export interface OAuth1Credentials {
  appKey: string;
  appSecret: string;
  accessToken: string;
  accessSecret: string;
}

/** A parameter as sent, before encoding: a query pair, or a form body pair. */
export type Param = readonly [string, string];

/** Nonce and time of one signature: random and now unless given (tests give them). */
export interface Moment {
  nonce?: string;
  timestamp?: number;
}

/** Returns the Authorization header value for a request to `url` (no query) with `params`. */
export type Authorize = (
  method: string,
  url: string,
  params: readonly Param[],
  moment?: Moment,
) => Promise<string>;

export function oauth1Signer(credentials: OAuth1Credentials): Authorize {
  const secret = `${percentEncode(credentials.appSecret)}&${
    percentEncode(credentials.accessSecret)
  }`;
  let key: Promise<CryptoKey> | undefined;
  const hmacKey = () =>
    key ??= crypto.subtle.importKey(
      "raw",
      new TextEncoder().encode(secret),
      { name: "HMAC", hash: "SHA-1" },
      false,
      ["sign"],
    );
  return async (method, url, params, moment = {}) => {
    const oauth: Param[] = [
      ["oauth_consumer_key", credentials.appKey],
      ["oauth_nonce", moment.nonce ?? randomNonce()],
      ["oauth_signature_method", "HMAC-SHA1"],
      ["oauth_timestamp", String(moment.timestamp ?? Math.trunc(Date.now() / 1000))],
      ["oauth_token", credentials.accessToken],
      ["oauth_version", "1.0"],
    ];
    const base = signatureBase(method, url, [...oauth, ...params]);
    const mac = await crypto.subtle.sign("HMAC", await hmacKey(), new TextEncoder().encode(base));
    oauth.push(["oauth_signature", base64(new Uint8Array(mac))]);
    // Section 3.5.1: the protocol parameters, each name="value" percent-encoded.
    return `OAuth ${oauth.map(([k, v]) => `${percentEncode(k)}="${percentEncode(v)}"`).join(", ")}`;
  };
}

/**
 * The signature base string (section 3.4.1): the method, the base URI, and every parameter
 * encoded, then sorted by name and by value for equal names, joined with & and encoded again.
 */
export function signatureBase(method: string, url: string, params: readonly Param[]): string {
  const encoded = params.map(([k, v]) => [percentEncode(k), percentEncode(v)]);
  encoded.sort(([a, x], [b, y]) => a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0);
  const normalised = encoded.map(([k, v]) => `${k}=${v}`).join("&");
  return `${method.toUpperCase()}&${percentEncode(url)}&${percentEncode(normalised)}`;
}

// The unreserved characters of section 3.6, which stay as they are.
const UNRESERVED = /^[A-Za-z0-9\-._~]*$/;

/**
 * Section 3.6: every byte of the UTF-8 text but the unreserved characters as %XX, upper case.
 * encodeURIComponent leaves !'()* as they are, so those are done here.
 */
export function percentEncode(text: string): string {
  if (UNRESERVED.test(text)) return text;
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** 32 characters of base64url from 24 random bytes, as the SDK makes its nonces. */
function randomNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return base64(bytes).replaceAll("+", "-").replaceAll("/", "_");
}

function base64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}
