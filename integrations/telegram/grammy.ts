/** Publishes to a Telegram channel or group through grammY's Bot API client. */
import type { Api, GrammyError, HttpError } from "grammy/web";
import { IntegrationError, sendFailure, translateErrors } from "../../core/errors.ts";
import { htmlText } from "../publish/formatting.ts";
import type { OutgoingPost, PostRef, Publisher } from "../publish/mod.ts";
import { TELEGRAM_CAPTION_LIMIT } from "../publish/text_length.ts";
import { type PartToSend, sendParts, type SentPart } from "../publish/send_parts.ts";

export interface TelegramPublisherOptions {
  /** The bot token from @BotFather. */
  token: string;
  /** Numeric chat id ("-100…") or "@channelusername". */
  chatId: string;
  /** Default https://api.telegram.org; tests point it at a fake. No trailing slash needed. */
  baseUrl?: string;
}

/** grammY waits 500 s by default; a send that slow has failed for our purposes. */
const TIMEOUT_SECONDS = 30;

/**
 * A Publisher for Telegram. Thread parts go out as successive messages, each replying to the
 * one before; a post in HTML goes with `parse_mode: "HTML"`, captions included. Link previews are off: a card for whichever link comes first would bury the
 * numbers the post is about.
 *
 * lookup() always answers `undefined`: the Bot API cannot read a channel's history (a bot sees
 * only the updates pushed to it), so whether a post went out cannot be checked from here.
 */
export function createTelegramPublisher(options: TelegramPublisherOptions): Publisher {
  if (!options.token) throw new TypeError("Cannot create the Telegram publisher: token is empty");
  if (!options.chatId) throw new TypeError("Cannot create the Telegram publisher: chatId is empty");
  let client: Promise<Api> | undefined;
  const api = () => client ??= connect(options);

  return {
    platform: "telegram",
    async publish(given, opts) {
      const bot = await api();
      const post = withPhotoPart(given);
      // A caption and a message alike are read in the post's markup.
      const mode = post.markup === "html" ? { parse_mode: "HTML" as const } : {};
      const send = async ({ text, previous, signal, index }: PartToSend): Promise<SentPart> => {
        const reply = previous ? { reply_parameters: { message_id: Number(previous.id) } } : {};
        // grammY types its signal with a Node shim; the runtime takes the standard one.
        const abort = signal as Parameters<Api["sendMessage"]>[3];
        const caption = text ? { caption: text, ...mode } : {};
        const message = index === 0 && post.image
          ? await call(() => sendPhoto(bot, options.chatId, post.image!.png, caption, abort))
          : await call(() =>
            bot.sendMessage(options.chatId, text, {
              link_preview_options: { is_disabled: true },
              ...mode,
              ...reply,
            }, abort)
          );
        return {
          id: String(message.message_id),
          url: messageUrl(message.chat, message.message_id),
        };
      };
      const sent = await sendParts("telegram", post, send, opts?.signal);
      const ref: PostRef = {
        platform: "telegram",
        externalId: sent[0].id,
        partIds: sent.map((part) => part.id),
      };
      return sent[0].url ? { ...ref, url: sent[0].url } : ref;
    },
    lookup() {
      return Promise.resolve(undefined);
    },
  };
}

/**
 * With an image, the first part goes out as a photo captioned with it. A first part longer
 * than a caption may be (counted on the text a reader sees, as Telegram counts it) becomes a
 * photo of its own, with the text as the next message replying to it; the two are one unit
 * (a failure between them is a partial send).
 */
function withPhotoPart(post: OutgoingPost): OutgoingPost {
  if (!post.image) return post;
  const first = post.markup === "html" ? htmlText(post.parts[0]) : post.parts[0];
  if (first.length <= TELEGRAM_CAPTION_LIMIT) return post;
  return { ...post, parts: ["", ...post.parts] };
}

async function sendPhoto(
  bot: Api,
  chatId: string,
  png: Uint8Array,
  caption: { caption?: string; parse_mode?: "HTML" },
  signal: Parameters<Api["sendPhoto"]>[3],
) {
  const { InputFile } = await import("grammy/web");
  const photo = new InputFile(png, "chart.png");
  return await bot.sendPhoto(chatId, photo, caption, signal);
}

export async function connect(options: TelegramPublisherOptions): Promise<Api> {
  const { Bot } = await import("grammy/web");
  const apiRoot = (options.baseUrl ?? "https://api.telegram.org").replace(/\/+$/, "");
  return new Bot(options.token, { client: { apiRoot, timeoutSeconds: TIMEOUT_SECONDS } }).api;
}

/** Only public chats have a link anyone can open. */
function messageUrl(chat: object, messageId: number): string | undefined {
  if (!("username" in chat) || typeof chat.username !== "string") return undefined;
  return `https://t.me/${chat.username}/${messageId}`;
}

export function call<T>(fn: () => Promise<T>): Promise<T> {
  return translateErrors(fn, toServiceError);
}

/**
 * grammY throws GrammyError when Telegram answered and HttpError when the request failed.
 * Neither message carries the token (it lives in the URL, which grammY leaves out).
 */
export function toServiceError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  if (error.name === "GrammyError") {
    const { error_code: status, description, parameters } = error as GrammyError;
    const hint = status === 401 ? " (check the bot token)" : "";
    const wait = parameters.retry_after === undefined ? undefined : parameters.retry_after * 1000;
    return new IntegrationError("telegram", status, description + hint, wait);
  }
  if (error.name === "HttpError") {
    const cause = (error as HttpError).error;
    const reason = cause instanceof Error && cause.name === "AbortError"
      ? "no answer in time, or cancelled"
      : "the request failed on the way";
    return sendFailure("telegram", reason, cause);
  }
  return error;
}
