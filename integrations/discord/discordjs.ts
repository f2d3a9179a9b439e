/** Publishes to Discord through discord.js: a channel webhook, or a bot posting in one channel. */
import type { APIMessage, RESTOptions } from "discord.js";
import { Buffer } from "node:buffer";
import { IntegrationError, sendFailure, translateErrors } from "../../core/errors.ts";
import type { Picture } from "../../core/vocabulary.ts";
import { withRetry } from "../../core/retry.ts";
import type { Embed } from "../publish/formatting.ts";
import { IMAGE_NAME, sameEmbed, showing } from "./_embed.ts";
import type { OutgoingPost, PostRef, Publisher } from "../publish/mod.ts";
import { type PartToSend, sendParts, type SentPart } from "../publish/send_parts.ts";

export interface DiscordPublisherOptions {
  /** Webhook mode: https://discord.com/api/webhooks/<id>/<token>. */
  webhookUrl?: string;
  /** Bot mode, with `channelId`: the bot's token. */
  botToken?: string;
  channelId?: string;
  /** Default https://discord.com; tests point it at a fake. */
  baseUrl?: string;
}

type Sdk = typeof import("discord.js");

export const REST_OPTIONS: Partial<RESTOptions> = {
  // discord.js re-sends after a 5xx or a timeout by default; either may have posted already.
  retries: 0,
  timeout: 15_000,
  // Left alone it waits out every 429 and tries again, without limit; we retry 429s ourselves.
  rejectOnRateLimit: () => true,
  // No sweeper timers: they would keep the process (and tests) alive.
  hashSweepInterval: 0,
  handlerSweepInterval: 0,
};
/** How many recent messages lookup() reads. */
const LOOKUP_DEPTH = 50;

/**
 * A Publisher for Discord. Give `webhookUrl`, or `botToken` and `channelId`.
 *
 * A post with an embed sends it with its first part, the chart shown inside the embed.
 * Bot mode sends each part with a nonce derived from the post's key and `enforce_nonce`, so
 * Discord itself drops a repeat within its dedupe window (a few minutes); thread parts reply to
 * the part before. lookup() reads the channel's last 50 messages. Webhook mode cannot reply or
 * read the channel, so its parts are plain successive messages and its lookup() says
 * `undefined`. Discord's message objects do not name their guild, so refs carry no url.
 */
export function createDiscordPublisher(options: DiscordPublisherOptions): Publisher {
  const api = `${(options.baseUrl ?? "https://discord.com").replace(/\/+$/, "")}/api`;
  if (options.webhookUrl) return webhookPublisher(parseWebhookUrl(options.webhookUrl), api);
  if (options.botToken && options.channelId) {
    return botPublisher(options.botToken.replace(/^(Bot|Bearer)\s+/i, ""), options.channelId, api);
  }
  throw new TypeError(
    "Cannot create the Discord publisher: give webhookUrl, or both botToken and channelId",
  );
}

function webhookPublisher(webhook: { id: string; token: string }, api: string): Publisher {
  type Send = (content: string, image?: Picture, embed?: Embed) => Promise<APIMessage>;
  let client: Promise<{ sdk: Sdk; send: Send }> | undefined;
  const connect = () =>
    client ??= import("discord.js").then((sdk) => {
      const hook = new sdk.WebhookClient(webhook, { rest: { ...REST_OPTIONS, api } });
      // WebhookClient.send asks for ?wait=true, so Discord answers with the message and its id.
      const send: Send = (content, image, embed) =>
        hook.send({
          // An embed may carry the whole post, with nothing written above it.
          ...(content ? { content } : {}),
          ...(embed ? { embeds: [showing(embed, image)] } : {}),
          allowedMentions: { parse: [] },
          ...(image
            ? {
              files: [{
                attachment: Buffer.from(image.png),
                name: IMAGE_NAME,
                description: alt(image),
              }],
            }
            : {}),
        });
      return { sdk, send };
    });
  return {
    platform: "discord",
    async publish(post, opts) {
      const { sdk, send } = await connect();
      const sendPart = async ({ text, index }: PartToSend): Promise<SentPart> => {
        const first = index === 0;
        const message = await call(
          sdk,
          () => send(text, first ? post.image : undefined, first ? post.embed : undefined),
        );
        return { id: message.id };
      };
      return toRef(await sendParts("discord", post, sendPart, opts?.signal));
    },
    lookup() {
      return Promise.resolve(undefined);
    },
  };
}

function botPublisher(token: string, channelId: string, api: string): Publisher {
  let client:
    | Promise<{ sdk: Sdk; rest: InstanceType<Sdk["REST"]>; route: `/${string}` }>
    | undefined;
  const connect = () =>
    client ??= import("discord.js").then((sdk) => ({
      sdk,
      rest: new sdk.REST({ ...REST_OPTIONS, version: "10", api }).setToken(token),
      route: sdk.Routes.channelMessages(channelId),
    }));
  return {
    platform: "discord",
    async publish(post, opts) {
      const { sdk, rest, route } = await connect();
      const nonces = await noncesFor(post);
      const send = async ({ text, index, previous, signal }: PartToSend): Promise<SentPart> => {
        const embed = index === 0 ? post.embed : undefined;
        const body = {
          ...(text ? { content: text } : {}),
          ...(embed ? { embeds: [showing(embed, index === 0 ? post.image : undefined)] } : {}),
          nonce: nonces[index],
          enforce_nonce: true,
          // Generated text must never ping @everyone or a role.
          allowed_mentions: { parse: [] },
          ...(previous ? { message_reference: { message_id: previous.id } } : {}),
        };
        const image = index === 0 ? post.image : undefined;
        const request = image ? withAttachment(body, image) : { body };
        const message = await call(
          sdk,
          () => rest.post(route, { ...request, signal }),
        ) as APIMessage;
        return { id: message.id };
      };
      return toRef(await sendParts("discord", post, send, opts?.signal));
    },
    async lookup(post, opts) {
      const { sdk, rest, route } = await connect();
      const query = new URLSearchParams({ limit: String(LOOKUP_DEPTH) });
      const signal = opts?.signal;
      // Reads change nothing, so every transient failure is worth another try.
      const read = () => call(sdk, () => rest.get(route, { query, signal }));
      const messages = await withRetry(read, { signal }) as APIMessage[];
      return findThread(post, await noncesFor(post), messages);
    },
  };
}

/** Discord takes up to 1,024 characters of alt text per attachment. */
const alt = (image: Picture) => image.alt.slice(0, 1024);

/** The message body with the picture as its one attachment, alt text included. */
function withAttachment(body: Record<string, unknown>, image: Picture) {
  return {
    body: { ...body, attachments: [{ id: 0, filename: IMAGE_NAME, description: alt(image) }] },
    files: [{ name: IMAGE_NAME, data: image.png, contentType: "image/png", key: "files[0]" }],
  };
}

/** Newest first, so the latest send of a text wins; each later part must reply to the last. */
function findThread(post: OutgoingPost, nonces: string[], messages: APIMessage[]): PostRef | null {
  const ids: string[] = [];
  for (const [index, part] of post.parts.entries()) {
    const embed = index === 0 ? post.embed : undefined;
    const match = messages.find((message) =>
      // Listed messages usually leave the nonce out, so our bot's exact text (and embed) counts too.
      (message.nonce === nonces[index] ||
        (message.author.bot && message.content === part &&
          (!embed || sameEmbed(message.embeds[0], embed)))) &&
      message.message_reference?.message_id === ids.at(-1)
    );
    if (!match) break;
    ids.push(match.id);
  }
  return ids.length > 0 ? toRef(ids.map((id) => ({ id }))) : null;
}

/** Discord takes nonces of up to 25 characters; these are stable per (key, part). */
async function noncesFor(post: OutgoingPost): Promise<string[]> {
  return await Promise.all(post.parts.map(async (_, index) => {
    const bytes = new TextEncoder().encode(`${post.key}#${index}`);
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
    return [...digest].map((b) => b.toString(16).padStart(2, "0")).join("").slice(0, 25);
  }));
}

function toRef(sent: SentPart[]): PostRef {
  return { platform: "discord", externalId: sent[0].id, partIds: sent.map((part) => part.id) };
}

function parseWebhookUrl(webhookUrl: string): { id: string; token: string } {
  const path = URL.canParse(webhookUrl) ? new URL(webhookUrl).pathname : "";
  const match = path.match(/^\/api(?:\/v\d+)?\/webhooks\/(\d+)\/([\w-]+)\/?$/);
  // The URL holds the webhook's secret, so the message describes it instead of quoting it.
  if (!match) {
    throw new TypeError(
      "Cannot use webhookUrl: expected https://discord.com/api/webhooks/<id>/<token>",
    );
  }
  return { id: match[1], token: match[2] };
}

export function call<T>(sdk: Sdk, fn: () => Promise<T>): Promise<T> {
  return translateErrors(fn, (error) => toServiceError(sdk, error));
}

export function toServiceError(sdk: Sdk, error: unknown): unknown {
  if (error instanceof sdk.RateLimitError) {
    return new IntegrationError("discord", 429, "rate limited", error.retryAfter);
  }
  if (error instanceof sdk.DiscordAPIError) {
    const hint = error.status === 401 ? " (check the bot token or webhook URL)" : "";
    const message = `${error.message.replaceAll("\n", "; ")} (code ${error.code})${hint}`;
    return new IntegrationError("discord", error.status, message);
  }
  if (error instanceof sdk.HTTPError) {
    return new IntegrationError("discord", error.status, error.message);
  }
  // Fetch errors quote the URL, and a webhook URL holds its token: keep only the error's kind.
  if (error instanceof Error && (error.name === "AbortError" || error instanceof TypeError)) {
    const reason = error.name === "AbortError"
      ? "no answer in time, or cancelled"
      : "the request failed on the way";
    // Whether a connection was ever made is read before the URL-bearing error is dropped.
    return sendFailure("discord", reason, error);
  }
  return error;
}
