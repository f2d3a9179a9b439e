/**
 * Telegram's side of the audience port through grammY: the one getUpdates consumer of the
 * bot, and replies in the discussion group or the private chat a message came from.
 */
import type { Api } from "grammy/web";
import { withRetry } from "../../core/retry.ts";
import {
  type Replier,
  TELEGRAM_ALLOWED_UPDATES,
  type TelegramUpdate,
  type TelegramUpdates,
} from "../audience/mod.ts";
import { call, connect, type TelegramPublisherOptions } from "./grammy.ts";
import { readUpdate } from "./_update.ts";

/** The most getUpdates returns at once. */
const LIMIT = 100;

export interface TelegramAudience {
  updates: TelegramUpdates;
  replier: Replier;
}

export function createTelegramAudience(
  options: Omit<TelegramPublisherOptions, "chatId">,
): TelegramAudience {
  let client: Promise<{ api: Api; botId: number }> | undefined;
  const bot = () =>
    client ??= connect({ ...options, chatId: "-" }).then(async (api) => {
      const me = await withRetry(() => call(() => api.getMe()));
      return { api, botId: me.id };
    });
  return {
    updates: {
      async fetch(offset, opts = {}) {
        const { api, botId } = await bot();
        // grammY types its signal with a Node shim; the runtime takes the standard one.
        // Telegram answers 409 to a getUpdates while another one is open: the caller makes
        // sure it is the bot's one reader.
        const raw = await withRetry(
          () =>
            call(() =>
              api.getUpdates({
                offset: offset ?? undefined,
                limit: LIMIT,
                timeout: opts.timeoutSeconds ?? 0,
                allowed_updates: [...TELEGRAM_ALLOWED_UPDATES],
              }, opts.signal as Parameters<Api["getUpdates"]>[1])
            ),
          { signal: opts.signal },
        );
        return raw.map((u) => readUpdate(u, botId)).filter((u): u is TelegramUpdate => !!u);
      },
      async read(raw) {
        return readUpdate(raw, (await bot()).botId);
      },
    },
    replier: {
      platform: "telegram",
      async reply(to, text) {
        const { api } = await bot();
        const [chat, messageId] = to.externalId.split(":");
        const sent = await call(() =>
          api.sendMessage(to.conversationId ?? chat, text, {
            reply_parameters: { message_id: Number(messageId), allow_sending_without_reply: true },
            link_preview_options: { is_disabled: true },
          })
        );
        return { externalId: `${sent.chat.id}:${sent.message_id}` };
      },
    },
  };
}
