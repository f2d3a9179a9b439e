/**
 * A fake Telegram Bot API on 127.0.0.1: POST /bot<token>/getMe, /bot<token>/sendMessage and
 * /bot<token>/sendPhoto into one channel (plain text or parse_mode HTML), with the Bot API's `{ok, result}` / `{ok: false, error_code, description,
 * parameters}` envelopes. Shapes follow tests/fixtures/telegram/.
 */
import channelUpdate from "../fixtures/telegram/update_channel_post.json" with { type: "json" };
import tooLong from "../fixtures/telegram/response_too_long.json" with { type: "json" };
import tooMany from "../fixtures/telegram/response_too_many_requests.json" with { type: "json" };
import { failureQueue, type PlatformFake, servePlatformFake } from "./_failures.ts";
import { type TelegramAudienceControl, telegramAudienceRoutes } from "./telegram_audience.ts";
import { readText } from "./telegram_html.ts";
import { type PhotoRequest, photoSizes, readPhotoRequest } from "./telegram_media.ts";
import { type TelegramMemberCalls, telegramMembers } from "./telegram_members.ts";

export const TEST_TOKEN = "5681419729:AAFakeTokenForTestsOnly_0123456789ab";

export interface TelegramFakeOptions {
  /** Delay before each answer, in ms. Default 0. */
  latencyMs?: number;
  /** The one token the fake accepts. Default TEST_TOKEN. */
  token?: string;
  /** The channel messages go to. Default a public channel, @creator_signals. */
  chat?: { id: number; title: string; username?: string; type: "channel" | "supergroup" };
}

export interface StoredMessage {
  id: number;
  text: string;
  replyTo?: number;
  /** A photo message: its bytes; `text` is then its caption ("" without one). */
  photo?: Uint8Array;
  /** The text (or caption) as sent in parse_mode HTML; `text` is what a reader sees. */
  html?: string;
}

/** The two calls that create a post, each of which a test may make fail on its own. */
export type SendMethod = "sendMessage" | "sendPhoto";

export type TelegramFake = PlatformFake<StoredMessage> & {
  /**
   * The next `n` calls of `method` answer `status`; with `afterStore` they store the post
   * first. Planned before (and taking precedence over) the shared failNext queue.
   */
  failCall(method: SendMethod, n: number, status: number, afterStore?: boolean): void;
  audience: TelegramAudienceControl;
  members: TelegramMemberCalls;
};

const DEFAULT_CHAT = {
  id: -1001234567890,
  title: "Creator Signals",
  username: "creator_signals",
  type: "channel" as const,
};
const MAX_TEXT = 4096;

export function startTelegramFake(options: TelegramFakeOptions = {}): TelegramFake {
  const token = options.token ?? TEST_TOKEN;
  const chat = options.chat ?? DEFAULT_CHAT;
  const requests: TelegramFake["requests"] = [];
  const posts: StoredMessage[] = [];
  const failures = failureQueue();
  const perMethod = { sendMessage: failureQueue(), sendPhoto: failureQueue() };
  const nextFailure = (method: SendMethod) => perMethod[method].next() ?? failures.next();
  const firstId = channelUpdate.channel_post.message_id;
  const audience = telegramAudienceRoutes(chat, botUser(token).id);
  const members = telegramMembers();

  function toMessage(stored: StoredMessage): Record<string, unknown> {
    const replied = posts.find((post) => post.id === stored.replyTo);
    return {
      message_id: stored.id,
      sender_chat: chat,
      chat,
      date: Math.floor(Date.now() / 1000),
      ...(stored.photo
        ? {
          photo: photoSizes(stored.id, stored.photo),
          ...(stored.text ? { caption: stored.text } : {}),
        }
        : { text: stored.text }),
      ...(replied ? { reply_to_message: toMessage(replied) } : {}),
    };
  }

  function sendMessage(body: SendMessageBody): Response {
    const failure = nextFailure("sendMessage");
    if (failure && !failure.afterStore) return failed(failure.status, failure.retryAfterSeconds);
    const target = String(body.chat_id);
    if (target !== String(chat.id) && target !== `@${chat.username}`) {
      return error(400, "Bad Request: chat not found");
    }
    const read = readText(body.text ?? "", body.parse_mode);
    if ("error" in read) return error(400, read.error);
    if (!read.text.trim()) return error(400, "Bad Request: message text is empty");
    if (read.text.length > MAX_TEXT) return Response.json(tooLong, { status: 400 });
    const replyTo = body.reply_parameters?.message_id;
    if (replyTo !== undefined && !posts.some((post) => post.id === replyTo)) {
      return error(400, "Bad Request: message to be replied not found");
    }
    const stored = { id: firstId + posts.length, ...read, replyTo };
    posts.push(stored);
    if (failure) return failed(failure.status);
    return Response.json({ ok: true, result: toMessage(stored) });
  }

  function sendPhoto(photo: PhotoRequest): Response {
    const failure = nextFailure("sendPhoto");
    if (failure && !failure.afterStore) return failed(failure.status, failure.retryAfterSeconds);
    if (photo.chatId !== String(chat.id) && photo.chatId !== `@${chat.username}`) {
      return error(400, "Bad Request: chat not found");
    }
    const stored = {
      id: firstId + posts.length,
      text: photo.caption ?? "",
      photo: photo.photo,
      ...(photo.captionHtml ? { html: photo.captionHtml } : {}),
    };
    posts.push({ ...stored, ...(photo.replyTo ? { replyTo: photo.replyTo } : {}) });
    if (failure) return failed(failure.status);
    return Response.json({ ok: true, result: toMessage(stored) });
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === `/bot${token}/sendPhoto`) {
      requests.push({ method: request.method, path: url.pathname, body: null });
      const photo = await readPhotoRequest(request);
      if (photo instanceof Response) return photo;
      return members.photo(photo) ?? sendPhoto(photo);
    }
    const text = await request.text();
    const body = text ? JSON.parse(text) : {};
    requests.push({ method: request.method, path: url.pathname, body });
    if (options.latencyMs) await new Promise((done) => setTimeout(done, options.latencyMs));
    const [, bot, method] = url.pathname.match(/^\/bot([^/]+)\/(\w+)$/) ?? [];
    if (!bot) return error(404, "Not Found");
    if (bot !== token) return error(401, "Unauthorized");
    if (method === "getMe") return Response.json({ ok: true, result: botUser(token) });
    // Membership calls first; a direct message is noted there, then answered by the audience routes.
    const answered = members.handle(method, body);
    if (answered) return answered;
    const routed = audience.route(method, body);
    if (routed) return await routed;
    if (method === "sendMessage") return sendMessage(body);
    return error(404, "Not Found");
  }

  const served = servePlatformFake(handle, { requests, posts, failures });
  return {
    ...served,
    close: () => {
      audience.close();
      return served.close();
    },
    failCall(method, n, status, afterStore = false) {
      if (afterStore) perMethod[method].failAfterStore(n, status);
      else perMethod[method].failNext(n, status);
    },
    audience: audience.control,
    members: members.calls,
  };
}

interface SendMessageBody {
  chat_id: number | string;
  text?: string;
  parse_mode?: string;
  reply_parameters?: { message_id: number };
}

function failed(status: number, retryAfterSeconds = 14): Response {
  if (status !== 429) {
    return error(status, status === 502 ? "Bad Gateway" : "Internal Server Error");
  }
  const body = {
    ...tooMany,
    description: `Too Many Requests: retry after ${retryAfterSeconds}`,
    parameters: { retry_after: retryAfterSeconds },
  };
  return Response.json(body, { status: 429 });
}

function error(status: number, description: string): Response {
  return Response.json({ ok: false, error_code: status, description }, { status });
}

function botUser(token: string) {
  return {
    id: Number(token.split(":")[0]),
    is_bot: true,
    first_name: "creator bot",
    username: "creator_test_bot",
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
  };
}
