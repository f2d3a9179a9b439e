/**
 * A fake Discord REST API v10 on 127.0.0.1 for one channel: execute webhook
 * (POST /api/v10/webhooks/:id/:token?wait=true), create message (text, embeds, files) with
 * nonce/enforce_nonce (POST /api/v10/channels/:id/messages) and list messages (GET, newest
 * first). Message objects follow tests/fixtures/discord/example_message.json; errors and
 * 429s follow Discord's docs.
 */
import example from "../fixtures/discord/example_message.json" with { type: "json" };
import { failureQueue, type PlatformFake, servePlatformFake } from "./_failures.ts";
import { type DiscordAudienceControl, discordAudienceRoutes } from "./discord_audience.ts";
import { embedError, embedObject, type SentEmbed } from "./discord_embeds.ts";
import { attachmentObject, readMultipart, type StoredAttachment } from "./discord_media.ts";
import { type DiscordMemberCalls, discordMembers } from "./discord_members.ts";

export const TEST_BOT_TOKEN = "MTA4OTk1NjE0NTk2NTQ1NzQwOA.GfakeT.fake-bot-token-for-tests-only";
export const TEST_CHANNEL_ID = example.channel_id;
export const TEST_WEBHOOK = { id: "1190000000000000001", token: "fake-webhook-token_for-tests" };

export interface DiscordFakeOptions {
  /** Delay before each answer, in ms. Default 0. */
  latencyMs?: number;
}

export interface StoredMessage {
  id: string;
  content: string;
  via: "webhook" | "bot";
  nonce?: string;
  replyTo?: string;
  attachments?: StoredAttachment[];
  embeds?: SentEmbed[];
}

export type DiscordFake = PlatformFake<StoredMessage> & {
  audience: DiscordAudienceControl;
  members: DiscordMemberCalls;
};

const BOT_USER = { id: "1089956145965457408", username: "creator", discriminator: "0", bot: true };
const MAX_CONTENT = 2000;

export function startDiscordFake(options: DiscordFakeOptions = {}): DiscordFake {
  const requests: DiscordFake["requests"] = [];
  const posts: StoredMessage[] = [];
  const failures = failureQueue();
  const audience = discordAudienceRoutes(TEST_CHANNEL_ID, BOT_USER, json);
  const listed = () => posts.map((p) => toMessage(p, false));
  const members = discordMembers(BOT_USER);

  function toMessage(stored: StoredMessage, withNonce: boolean): Record<string, unknown> {
    const { reactions: _, ...base } = example;
    const author = stored.via === "bot" ? BOT_USER : {
      id: TEST_WEBHOOK.id,
      username: "Creator",
      discriminator: "0000",
      avatar: null,
      bot: true,
    };
    return {
      ...base,
      id: stored.id,
      content: stored.content,
      author,
      attachments: (stored.attachments ?? []).map((file, i) =>
        attachmentObject(stored.id, file, i)
      ),
      embeds: (stored.embeds ?? []).map((e) => embedObject(e, stored.id, stored.attachments ?? [])),
      timestamp: new Date().toISOString(),
      type: stored.replyTo ? 19 : 0,
      ...(stored.via === "webhook" ? { webhook_id: TEST_WEBHOOK.id } : {}),
      ...(stored.replyTo
        ? {
          message_reference: { type: 0, channel_id: TEST_CHANNEL_ID, message_id: stored.replyTo },
        }
        : {}),
      // Only the create response echoes the nonce; listed messages leave it out.
      ...(withNonce && stored.nonce ? { nonce: stored.nonce } : {}),
    };
  }

  function create(
    body: CreateBody,
    via: StoredMessage["via"],
    wait: boolean,
    files: StoredAttachment[] = [],
  ): Response {
    const failure = failures.next();
    if (failure && !failure.afterStore) return failed(failure.status, failure.retryAfterSeconds);
    const existing = body.enforce_nonce &&
      posts.find((p) => p.via === via && p.nonce === body.nonce);
    if (existing) return json(200, toMessage(existing, true));
    const embeds = body.embeds ?? [];
    if (!body.content && files.length === 0 && embeds.length === 0) {
      return json(400, { message: "Cannot send an empty message", code: 50006 });
    }
    const badEmbed = embedError(embeds);
    if (badEmbed) return json(400, { message: `Invalid Form Body: ${badEmbed}`, code: 50035 });
    if ((body.content ?? "").length > MAX_CONTENT) {
      return formError("content", "BASE_TYPE_MAX_LENGTH");
    }
    const replyTo = body.message_reference?.message_id;
    if (replyTo && !posts.some((p) => p.id === replyTo) && !audience.has(replyTo)) {
      return formError("message_reference", "REPLIES_UNKNOWN_MESSAGE");
    }
    const id = String(BigInt(example.id) + BigInt(posts.length));
    const stored = {
      id,
      content: body.content ?? "",
      via,
      nonce: body.nonce?.toString(),
      replyTo,
      ...(files.length ? { attachments: files } : {}),
      ...(embeds.length ? { embeds } : {}),
    };
    posts.push(stored);
    if (failure) return failed(failure.status);
    return wait ? json(200, toMessage(stored, true)) : new Response(null, { status: 204 });
  }

  function route(
    request: Request,
    url: URL,
    body: CreateBody,
    files: StoredAttachment[],
  ): Response {
    const webhook = url.pathname.match(/^\/api\/v10\/webhooks\/(\d+)\/([^/]+)$/);
    if (webhook && request.method === "POST") {
      if (webhook[1] !== TEST_WEBHOOK.id) {
        return json(404, { message: "Unknown Webhook", code: 10015 });
      }
      if (webhook[2] !== TEST_WEBHOOK.token) {
        return json(401, { message: "Invalid Webhook Token", code: 50027 });
      }
      return create(body, "webhook", url.searchParams.get("wait") === "true", files);
    }
    const channel = url.pathname.match(/^\/api\/v10\/channels\/(\d+)\/messages(?:\/(\d+))?$/);
    const me = url.pathname === "/api/v10/users/@me";
    if (request.headers.get("authorization") !== `Bot ${TEST_BOT_TOKEN}`) {
      return json(401, { message: "401: Unauthorized", code: 0 });
    }
    const answered = members.handle(
      request.method,
      url.pathname,
      body as Record<string, unknown>,
      files,
    );
    if (answered) return answered;
    if (!channel && !me) return json(404, { message: "404: Not Found", code: 0 });
    if (!channel) return audience.me();
    if (channel[1] !== TEST_CHANNEL_ID) {
      return json(404, { message: "Unknown Channel", code: 10003 });
    }
    if (channel[2]) return audience.one(channel[2], listed());
    if (request.method === "POST") return create(body, "bot", true, files);
    return audience.list(url, listed());
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const multipart = request.headers.get("content-type")?.startsWith("multipart/form-data");
    const text = multipart ? "" : await request.text();
    const { body, files } = multipart
      ? await readMultipart(request)
      : { body: text ? JSON.parse(text) : null, files: [] };
    requests.push({ method: request.method, path: url.pathname + url.search, body });
    if (options.latencyMs) await new Promise((done) => setTimeout(done, options.latencyMs));
    return route(request, url, body, files);
  }

  return {
    ...servePlatformFake(handle, { requests, posts, failures }),
    audience: audience.control,
    members: members.calls,
  };
}

interface CreateBody {
  content?: string;
  embeds?: SentEmbed[];
  nonce?: string | number;
  enforce_nonce?: boolean;
  message_reference?: { message_id: string };
}

function failed(status: number, retryAfterSeconds = 5): Response {
  if (status !== 429) return json(status, { message: `${status}: Internal Server Error`, code: 0 });
  const body = {
    message: "You are being rate limited.",
    retry_after: retryAfterSeconds,
    global: false,
  };
  return json(429, body, {
    remaining: 0,
    resetAfter: retryAfterSeconds,
    retryAfter: retryAfterSeconds,
  });
}

function formError(field: string, code: string): Response {
  const message = code === "BASE_TYPE_MAX_LENGTH"
    ? "Must be 2000 or fewer in length."
    : "Unknown message";
  const errors = { [field]: { _errors: [{ code, message }] } };
  return json(400, { message: "Invalid Form Body", code: 50035, errors });
}

interface Limits {
  remaining: number;
  resetAfter: number;
  retryAfter?: number;
}

function json(status: number, body: unknown, limits: Limits = { remaining: 4, resetAfter: 5 }) {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "x-ratelimit-bucket": "80c17d2f203122d936070c88c8d10f33",
    "x-ratelimit-limit": "5",
    "x-ratelimit-remaining": String(limits.remaining),
    "x-ratelimit-reset": String(Date.now() / 1000 + limits.resetAfter),
    "x-ratelimit-reset-after": String(limits.resetAfter),
  };
  if (limits.retryAfter !== undefined) {
    headers["retry-after"] = String(limits.retryAfter);
    headers["x-ratelimit-scope"] = "user";
  }
  return new Response(status === 204 ? null : JSON.stringify(body), { status, headers });
}
