/**
 * Discord's side of the audience port through discord.js REST: the messages of the configured
 * channels (polled with `after=`; a gateway client may replace polling later), replies to them,
 * and the reaction counts of our posts. Discord gives no view counts.
 */
import type { APIMessage } from "discord.js";
import { IntegrationError } from "../../core/errors.ts";
import { withRetry } from "../../core/retry.ts";
import type { IncomingMessage, PostMetrics } from "../../core/vocabulary.ts";
import {
  type Inbox,
  type Measurement,
  type MetricsReader,
  reactionMetrics,
  type Replier,
} from "../audience/mod.ts";
import { isDecimalId, sentAt, textOrNull } from "../audience/_fields.ts";
import { call, REST_OPTIONS } from "./discordjs.ts";

type Sdk = typeof import("discord.js");
type Rest = InstanceType<Sdk["REST"]>;

const PAGE = 100;
/** Pages per channel per run at most. */
const MAX_PAGES = 50;

export interface DiscordAudienceOptions {
  botToken: string;
  /** Channels whose messages are read. */
  channels: string[];
  /** The channel our posts go to, where their reactions are read. */
  postChannel?: string;
  baseUrl?: string;
}

export interface DiscordAudience {
  inboxes: Inbox[];
  replier: Replier;
  /** Null without a post channel: a webhook's posts are not read back here. */
  metrics: MetricsReader | null;
}

export function createDiscordAudience(options: DiscordAudienceOptions): DiscordAudience {
  const api = `${(options.baseUrl ?? "https://discord.com").replace(/\/+$/, "")}/api`;
  const token = options.botToken.replace(/^(Bot|Bearer)\s+/i, "");
  let client: Promise<{ sdk: Sdk; rest: Rest; me: string }> | undefined;
  const connect = () =>
    client ??= import("discord.js").then(async (sdk) => {
      const rest = new sdk.REST({ ...REST_OPTIONS, version: "10", api }).setToken(token);
      const me = await read(sdk, () => rest.get("/users/@me")) as { id: string };
      return { sdk, rest, me: me.id };
    });
  const inbox = (channel: string): Inbox => ({
    platform: "discord",
    source: `channel:${channel}`,
    async read(cursor, opts) {
      const { sdk, rest, me } = await connect();
      return await readChannel(sdk, rest, me, channel, cursor, opts?.signal);
    },
  });
  const replier: Replier = {
    platform: "discord",
    async reply(to, text) {
      const { sdk, rest } = await connect();
      const body = {
        content: text,
        message_reference: { message_id: to.externalId, fail_if_not_exists: false },
        allowed_mentions: { parse: [], replied_user: true },
      };
      const route = `/channels/${to.conversationId}/messages` as const;
      const sent = await call(sdk, () => rest.post(route, { body })) as APIMessage;
      return { externalId: sent.id };
    },
  };
  const postChannel = options.postChannel;
  const metrics: MetricsReader | null = postChannel
    ? {
      platform: "discord",
      async read(posts, opts) {
        const { sdk, rest } = await connect();
        const measured = new Map<string, Measurement>();
        for (const post of posts) {
          const route = `/channels/${postChannel}/messages/${post.externalId}` as const;
          try {
            const message = await read(sdk, () => rest.get(route, { signal: opts?.signal }));
            measured.set(post.externalId, toMetrics(message as APIMessage));
          } catch (error) {
            if (!(error instanceof IntegrationError) || error.status !== 404) throw error;
            measured.set(post.externalId, "deleted");
          }
        }
        return { measured, calls: posts.length };
      },
    }
    : null;
  return { inboxes: options.channels.map(inbox), replier, metrics };
}

async function readChannel(
  sdk: Sdk,
  rest: Rest,
  me: string,
  channel: string,
  cursor: string | null,
  signal?: AbortSignal,
) {
  const messages: IncomingMessage[] = [];
  const skipped: string[] = [];
  let after = cursor;
  let newest = cursor;
  let calls = 0;
  let itemsRead = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const query = new URLSearchParams({ limit: String(PAGE), ...(after ? { after } : {}) });
    const route = `/channels/${channel}/messages` as const;
    const batch = await read(sdk, () => rest.get(route, { query, signal }));
    calls++;
    if (!Array.isArray(batch)) {
      throw new IntegrationError("discord", 502, "the channel's messages came as no list");
    }
    itemsRead += batch.length;
    const sorted = (batch as APIMessage[]).filter((m) => isDecimalId(m?.id)).sort((a, b) =>
      compare(a.id, b.id)
    );
    for (const raw of batch) {
      const parsed = toMessage(raw, me, channel);
      if (typeof parsed === "string") skipped.push(parsed);
      else if (parsed) messages.push(parsed);
    }
    if (sorted.length) newest = after = sorted.at(-1)!.id;
    // Without a cursor (first run) only the latest page: no backfill of the channel's history.
    if (batch.length < PAGE || !cursor) break;
  }
  messages.sort((a, b) => compare(a.externalId, b.externalId));
  return { messages, skipped, calls, itemsRead, cursor: newest };
}

/** The message as ours; null for our own and webhooks' posts; a string says why it was unreadable. */
function toMessage(m: APIMessage, me: string, channel: string): IncomingMessage | string | null {
  if (!isDecimalId(m?.id) || !isDecimalId(m.author?.id)) {
    return "a channel message without an id or author";
  }
  // Our bot's and any webhook's posts are not the audience's.
  if (m.author.id === me || m.webhook_id || typeof m.content !== "string" || !m.content) {
    return null;
  }
  const repliedTo = isDecimalId(m.message_reference?.message_id)
    ? m.message_reference.message_id
    : null;
  const mentionsUs = Array.isArray(m.mentions) && m.mentions.some((u) => u?.id === me);
  // As on X, a reply is one to us (Discord sends the message replied to with
  // it); a reply to someone else is a comment in the channel. Either kind
  // addressed to the bot counts as having talked to us (storage/conversions.ts).
  const repliesToUs = repliedTo !== null && m.referenced_message?.author?.id === me;
  return {
    platform: "discord",
    externalId: m.id,
    kind: repliesToUs ? "reply" : mentionsUs ? "mention" : "comment",
    author: {
      platform: "discord",
      externalId: m.author.id,
      handle: textOrNull(m.author.username),
      displayName: textOrNull(m.author.global_name),
      isBot: m.author.bot === true,
    },
    text: m.content,
    sentAt: sentAt(Date.parse(textOrNull(m.timestamp) ?? "")),
    inReplyToPostId: repliedTo,
    conversationId: isDecimalId(m.channel_id) ? m.channel_id : channel,
  };
}

function toMetrics(message: APIMessage): PostMetrics {
  const reactions = message.reactions ?? [];
  return reactionMetrics(
    reactions.reduce((sum, r) => sum + (r.count ?? 0), 0),
    { reactions: reactions.map((r) => ({ emoji: r.emoji?.name ?? null, count: r.count })) },
  );
}

/** Reads change nothing: transient failures, 429s included, are waited out and tried again. */
function read<T>(sdk: Sdk, fn: () => Promise<T>): Promise<T> {
  return withRetry(() => call(sdk, fn), { attempts: 3 });
}

function compare(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
