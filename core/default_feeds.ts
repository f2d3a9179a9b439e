/**
 * Public RSS feeds of major crypto outlets, read when no feed list is
 * configured. Each is fetched on its own, so one outlet being down or
 * changing its URL costs only that outlet's stories.
 */
export const DEFAULT_FEEDS: readonly string[] = [
  "https://www.coindesk.com/arc/outboundfeeds/rss/",
  "https://cointelegraph.com/rss",
  "https://decrypt.co/feed",
  "https://www.theblock.co/rss.xml",
  "https://bitcoinmagazine.com/.rss/full/",
];
