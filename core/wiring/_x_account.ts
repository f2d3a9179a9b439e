import type { Config } from "../config.ts";

export interface XAccount {
  appKey: string;
  appSecret: string;
  accessToken: string;
  accessSecret: string;
  baseUrl?: string;
}

/** The X account's OAuth 1.0a keys and base URL, or what to set: posting and listening share it. */
export function xAccount(config: Config): XAccount | { missing: string } {
  const s = config.secrets;
  if (!s.xApiKey || !s.xApiSecret || !s.xAccessToken || !s.xAccessSecret) {
    return { missing: "set X_API_KEY, X_API_SECRET, X_ACCESS_TOKEN and X_ACCESS_SECRET" };
  }
  return {
    appKey: s.xApiKey,
    appSecret: s.xApiSecret,
    accessToken: s.xAccessToken,
    accessSecret: s.xAccessSecret,
    baseUrl: config.baseUrls.x,
  };
}
