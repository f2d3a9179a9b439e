import type { Config } from "./config.ts";

/** Each service's base-URL setting, as a person would set it. */
const BASE_URL_SETTINGS: Record<string, [keyof Config["baseUrls"], string]> = {
  exchange: ["exchange", "CREATOR_EXCHANGE_BASE_URL"],
  newsapi: ["newsapi", "CREATOR_NEWSAPI_BASE_URL"],
  "fear-greed": ["fearGreed", "CREATOR_FEAR_GREED_BASE_URL"],
  anthropic: ["anthropic", "CREATOR_ANTHROPIC_BASE_URL"],
  x: ["x", "CREATOR_X_BASE_URL"],
  telegram: ["telegram", "CREATOR_TELEGRAM_BASE_URL"],
  discord: ["discord", "CREATOR_DISCORD_BASE_URL"],
};

/**
 * What to try when `service` cannot be reached, appended to the one error line:
 * the network, the base URL in use and the variable that sets it, and for the
 * exchange the offline sample. Feeds are named by their own URL already.
 */
export function networkHint(service: string, config: Config): string {
  if (service.startsWith("feed ")) return "; check the network or the feed's URL (news.feeds)";
  const setting = BASE_URL_SETTINGS[service];
  if (!setting) return "; check the network";
  const [key, env] = setting;
  const base = config.baseUrls[key];
  const where = base ? `${env} (now ${maskUserinfo(base)})` : `${env} if you use a proxy`;
  const offline = service === "exchange" ? "; offline, `--source sample` uses recorded data" : "";
  return `; check the network and ${where}${offline}`;
}

function maskUserinfo(url: string): string {
  return url.replace(/\/\/[^/@]*@/, "//****@");
}
