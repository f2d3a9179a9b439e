import type { Config } from "./config.ts";
import { maskUrl } from "./mask_url.ts";

/** Each service's base-URL setting, as a person would set it, and the default it stands for. */
const BASE_URLS: Record<string, [keyof Config["baseUrls"], string, string?]> = {
  // The exchange's default depends on the exchange: read from the failed request instead.
  exchange: ["exchange", "CREATOR_EXCHANGE_BASE_URL"],
  newsapi: ["newsapi", "CREATOR_NEWSAPI_BASE_URL", "https://newsapi.org"],
  "fear-greed": ["fearGreed", "CREATOR_FEAR_GREED_BASE_URL", "https://api.alternative.me"],
  anthropic: ["anthropic", "CREATOR_ANTHROPIC_BASE_URL", "https://api.anthropic.com"],
  x: ["x", "CREATOR_X_BASE_URL", "https://api.x.com"],
  telegram: ["telegram", "CREATOR_TELEGRAM_BASE_URL", "https://api.telegram.org"],
  discord: ["discord", "CREATOR_DISCORD_BASE_URL", "https://discord.com"],
};

/** Where a service was reached and what a person can try when it could not be. */
export interface NetworkHint {
  /**
   * The base URL in use (masked); null when the service's name says where it
   * is (a feed); absent when only the failed request can tell.
   */
  base?: string | null;
  /** What to try, ending the one error line. */
  tries: string;
}

/**
 * What to try when `service` cannot be reached: the network, and the variable
 * that sets its base URL, and for the exchange the offline sample. Feeds are
 * named by their own URL already.
 */
export function networkHint(service: string, config: Config): NetworkHint {
  if (service.startsWith("feed ")) {
    return { base: null, tries: "check the network or the feed's URL (news.feeds)" };
  }
  const setting = BASE_URLS[service];
  if (!setting) return { tries: "check the network" };
  const [key, env, fallback] = setting;
  const base = config.baseUrls[key] ?? fallback;
  const offline = service === "exchange" ? "; offline, `--source sample` uses recorded data" : "";
  return { base: base && maskUrl(base), tries: `check the network and ${env}${offline}` };
}
