/**
 * Wires config to the concrete clients, each imported only when first asked
 * for, so a command loads just the SDKs it uses. This file and wiring/ (one
 * file per family of services) are the only places that name a vendor adapter.
 */
import {
  type BreakerPolicy,
  type BreakerSnapshot,
  createBreakers,
  guard,
  type GuardOptions,
} from "./breaker.ts";
import type { Config } from "./config.ts";
import { networkHint } from "./network_hint.ts";
import { anthropicOptions, makeAudience } from "./wiring/audience.ts";
import { makeCommunities } from "./wiring/community.ts";
import { makeAccess, makeMembersPublisher } from "./wiring/memberships.ts";
import { makePublisher } from "./wiring/publishers.ts";
import type { Exchange } from "../integrations/exchange/mod.ts";
import type { FearGreedSource, NewsSource } from "../integrations/news/mod.ts";
import type { Writer } from "../integrations/llm/mod.ts";
import type { MemberPlatform, Platform } from "./vocabulary.ts";
import type { Publisher } from "../integrations/publish/mod.ts";
import type { Community } from "../integrations/community/mod.ts";
import type { ListSource } from "../integrations/lists/mod.ts";
import type {
  MessageClassifier,
  PlatformAudience,
  ReplyWriter,
} from "../integrations/audience/mod.ts";
import type { ChartRenderer } from "../integrations/charts/mod.ts";
import type { Payments } from "../integrations/stripe/mod.ts";
import type { MemberAccess } from "../integrations/access/mod.ts";

/**
 * "live" talks to the configured services; "sample" never touches the network:
 * bundled recorded market data, no news, and the template writer.
 */
export type Source = "live" | "sample";

export interface Integrations {
  readonly source: Source;
  exchange(): Promise<Exchange>;
  /** Feeds, plus NewsAPI when a key is set; none in sample mode. */
  newsSources(): Promise<NewsSource[]>;
  fearGreed(): Promise<FearGreedSource | null>;
  scoreSentiment(): Promise<(text: string) => number>;
  /** Claude when ANTHROPIC_API_KEY is set, else the template writer. */
  writer(): Promise<Writer>;
  templateWriter(): Promise<Writer>;
  /** Draws charts to PNG locally (no network): ECharts and resvg, loaded on first use. */
  charts(): Promise<ChartRenderer>;
  /** The platform's publisher, or the reason it cannot publish (missing credentials). */
  publisher(platform: Platform): Promise<Publisher | { missing: string }>;
  /** Claude when ANTHROPIC_API_KEY is set, else the template reply writer. */
  replyWriter(): Promise<ReplyWriter>;
  templateReplyWriter(): Promise<ReplyWriter>;
  /** Claude's reading of a message's class when a key is set; null means rules alone. */
  classifier(): Promise<MessageClassifier | null>;
  /**
   * What engagement and analytics use on a platform (its inboxes, replier and metrics
   * reader), or what credentials are missing.
   */
  audience(platform: Platform): Promise<PlatformAudience | { missing: string }>;
  /** Stripe, or what to set to use it. */
  payments(): Promise<Payments | { missing: string }>;
  /** The private channel (Telegram) or role (Discord) paying members get, or what to set. */
  access(platform: MemberPlatform): Promise<MemberAccess | { missing: string }>;
  /**
   * Sends premium posts to the members' place only: refused (missing) when
   * that place is not set, is public by its address, or is the public channel.
   */
  membersPublisher(platform: MemberPlatform): Promise<Publisher | { missing: string }>;
  /** The chats CommunityModerator watches, and why any other is left out (no credentials). */
  communities(): Promise<{ communities: Community[]; missing: string[] }>;
  /** Downloads phishing lists for `moderation update-lists`. */
  listSource(): Promise<ListSource>;
  /** One circuit breaker per remote service used so far; open ones are worth reporting. */
  breakers(): BreakerSnapshot[];
  /** Takes on circuit states saved by an earlier run or another process. */
  restoreBreakers(snapshots: readonly BreakerSnapshot[]): void;
  close(): Promise<void>;
}

export interface IntegrationsOptions {
  /** Told when a service's circuit opens, goes half-open or closes again. */
  onBreakerChange?: BreakerPolicy["onChange"];
  /** Thresholds and clock for every breaker; tests shorten them. Defaults: breaker.ts. */
  breakerPolicy?: Omit<BreakerPolicy, "onChange">;
  /** The "sample" source: the moment (epoch ms) the recording is replayed at. */
  replayAt?: number;
}

/**
 * Every remote client is wrapped in its service's circuit breaker, outside the
 * client's own retries: a call that used up its retries counts as one failure.
 * The bundled sample data and the template writer call nothing and are not wrapped.
 */
export function createIntegrations(
  config: Config,
  source: Source = "live",
  options: IntegrationsOptions = {},
): Integrations {
  const s = config.secrets;
  const urls = config.baseUrls;
  const breakers = createBreakers({ ...options.breakerPolicy, onChange: options.onBreakerChange });
  const guarded = <T extends object>(service: string, client: T, o?: GuardOptions) =>
    guard(breakers.get(service), client, { hint: networkHint(service, config), ...o });
  const cache = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, make: () => Promise<T>): Promise<T> => {
    if (!cache.has(key)) cache.set(key, make());
    return cache.get(key) as Promise<T>;
  };

  return {
    source,
    exchange: () =>
      once("exchange", async () => {
        if (source === "sample") {
          const sample = await import("../integrations/exchange/sample.ts");
          return sample.createSampleExchange({ now: options.replayAt ?? sample.SAMPLE_REPLAY_AT });
        }
        const { createCcxtExchange } = await import("../integrations/exchange/ccxt.ts");
        const exchange = await createCcxtExchange({
          exchangeId: config.exchange.id,
          baseUrl: urls.exchange,
        });
        return guarded("exchange", exchange);
      }),
    newsSources: () =>
      once("news", async () => {
        if (source === "sample") return [];
        const { createFeedSource } = await import("../integrations/news/rss.ts");
        const { DEFAULT_FEEDS } = await import("./default_feeds.ts");
        const feeds = config.news.feeds.length ? config.news.feeds : DEFAULT_FEEDS;
        // A breaker per feed: feeds live on different hosts, and with one shared
        // breaker the healthy feeds' successes would keep resetting the count of
        // a dead one, which would then be fetched (with retries) every run forever.
        // `name` is the feed's URL without query or credentials.
        const sources: NewsSource[] = feeds.map((url) => {
          const feed = createFeedSource({ url });
          return guarded(`feed ${feed.name}`, feed);
        });
        if (s.newsapiKey) {
          const { createNewsApiSource } = await import("../integrations/news/newsapi.ts");
          sources.push(guarded(
            "newsapi",
            createNewsApiSource({
              apiKey: s.newsapiKey,
              baseUrl: urls.newsapi,
              query: config.news.newsapiQuery,
            }),
          ));
        }
        return sources;
      }),
    fearGreed: () =>
      once("fear-greed", async () => {
        if (source === "sample") return null;
        const { createFearGreedSource } = await import("../integrations/news/fear_greed.ts");
        return guarded("fear-greed", createFearGreedSource({ baseUrl: urls.fearGreed }));
      }),
    scoreSentiment: () =>
      once(
        "sentiment",
        async () => (await import("../integrations/news/sentiment.ts")).scoreSentiment,
      ),
    templateWriter: () =>
      once(
        "template",
        async () => (await import("../integrations/llm/template.ts")).createTemplateWriter(),
      ),
    writer: () =>
      once("writer", async () => {
        if (!s.anthropicApiKey || source === "sample") {
          return (await import("../integrations/llm/template.ts")).createTemplateWriter();
        }
        const { createAnthropicWriter } = await import("../integrations/llm/anthropic.ts");
        return guarded(
          "anthropic",
          createAnthropicWriter({
            apiKey: s.anthropicApiKey,
            baseUrl: urls.anthropic,
            model: config.content.model,
            persona: config.content.persona,
          }),
        );
      }),
    charts: () =>
      once(
        "charts",
        async () => (await import("../integrations/charts/echarts.ts")).createEchartsRenderer(),
      ),
    publisher: (platform) =>
      once(`publisher:${platform}`, async () => {
        const made = await makePublisher(config, platform);
        if ("missing" in made) return made;
        // Telegram's lookup() cannot ask Telegram anything and answers at once;
        // through the breaker it would pass for a successful trial call.
        return guarded(platform, made, platform === "telegram" ? { passThrough: ["lookup"] } : {});
      }),
    templateReplyWriter: () =>
      once(
        "template-reply",
        async () =>
          (await import("../integrations/llm/template_reply.ts")).createTemplateReplyWriter(),
      ),
    replyWriter: () =>
      once("reply-writer", async () => {
        if (!s.anthropicApiKey || source === "sample") {
          return (await import("../integrations/llm/template_reply.ts"))
            .createTemplateReplyWriter();
        }
        const { createAnthropicAudience } = await import(
          "../integrations/llm/anthropic_audience.ts"
        );
        return guarded("anthropic", createAnthropicAudience(anthropicOptions(config)).replies);
      }),
    classifier: () =>
      once("classifier", async () => {
        if (!s.anthropicApiKey || source === "sample") return null;
        const { createAnthropicAudience } = await import(
          "../integrations/llm/anthropic_audience.ts"
        );
        return guarded("anthropic", createAnthropicAudience(anthropicOptions(config)).classifier);
      }),
    audience: (platform) =>
      once(`audience:${platform}`, async () => {
        if (source === "sample") return { missing: "sample mode reads no platform" };
        const made = await makeAudience(config, platform);
        if ("missing" in made) return made;
        const g = <T extends object>(client: T) => guarded(platform, client);
        return {
          platform,
          inboxes: made.inboxes.map(g),
          // read() parses an update already stored: no call to the platform, so no breaker.
          updates: made.updates && guarded(platform, made.updates, { passThrough: ["read"] }),
          replier: g(made.replier),
          metrics: made.metrics && g(made.metrics),
        };
      }),
    payments: () =>
      once("payments", async () => {
        if (!s.stripeSecretKey) return { missing: "set STRIPE_SECRET_KEY" };
        const { createStripePayments } = await import("../integrations/stripe/stripe.ts");
        const payments = await createStripePayments({
          secretKey: s.stripeSecretKey,
          webhookSecret: s.stripeWebhookSecret,
          baseUrl: urls.stripe,
        });
        // Checking a signature asks Stripe nothing; listing is a generator the proxy cannot wrap.
        return guarded("stripe", payments, { passThrough: ["verifyEvent", "subscriptions"] });
      }),
    access: (platform) =>
      once(`access:${platform}`, async () => {
        const made = await makeAccess(config, platform);
        return "missing" in made ? made : guarded(platform, made);
      }),
    membersPublisher: (platform) =>
      once(`members-publisher:${platform}`, async () => {
        const made = await makeMembersPublisher(config, platform);
        return "missing" in made ? made : guarded(platform, made, { passThrough: ["lookup"] });
      }),
    communities: () => once("communities", () => makeCommunities(config)),
    listSource: () =>
      once("lists", async () => (await import("../integrations/lists/mod.ts")).createListSource()),
    breakers: () => breakers.list(),
    restoreBreakers: (snapshots) => breakers.restore(snapshots),
    async close() {
      const exchange = cache.get("exchange") as Promise<Exchange> | undefined;
      if (exchange) await (await exchange.catch(() => null))?.close?.();
    },
  };
}
