/**
 * The fakes a membership test needs (Stripe, Telegram, Discord), a Config that
 * points the real SDKs at them, and a clock the test moves by hand.
 */
import type { Context } from "../core/agent.ts";
import type { Clock } from "../core/clock.ts";
import { type Config, ConfigSchema } from "../core/config_schema.ts";
import { createContext } from "../core/context.ts";
import { createIntegrations } from "../core/integrations.ts";
import type { Store } from "../storage/mod.ts";
import { startDiscordFake, TEST_BOT_TOKEN } from "./fakes/discord.ts";
import { TEST_GUILD_ID, TEST_ROLE_ID } from "./fakes/discord_members.ts";
import {
  sign,
  startStripeFake,
  type StripeEvent,
  TEST_SECRET_KEY,
  TEST_WEBHOOK_SECRET,
} from "./fakes/stripe.ts";
import { startTelegramFake, TEST_TOKEN } from "./fakes/telegram.ts";
import { PRIVATE_CHAT_ID } from "./fakes/telegram_members.ts";

export interface MovableClock extends Clock {
  set(at: number): void;
  advance(ms: number): void;
}

export function movableClock(start = Date.now()): MovableClock {
  let t = start;
  return { now: () => t, set: (at) => (t = at), advance: (ms) => (t += ms) };
}

export type MembershipFakes = Awaited<ReturnType<typeof startMembershipFakes>>;

export function startMembershipFakes(
  overrides: Record<string, unknown> = {},
  secrets: Record<string, string> = {},
) {
  const stripe = startStripeFake();
  const telegram = startTelegramFake();
  const discord = startDiscordFake();
  const config: Config = ConfigSchema.parse({
    membership: {
      successUrl: "https://example.com/welcome",
      cancelUrl: "https://example.com/maybe-later",
      telegramChatId: PRIVATE_CHAT_ID,
      discordGuildId: TEST_GUILD_ID,
      discordRoleId: TEST_ROLE_ID,
      ...overrides,
    },
    baseUrls: { stripe: stripe.url, telegram: telegram.url, discord: discord.url },
    secrets: {
      stripeSecretKey: TEST_SECRET_KEY,
      stripeWebhookSecret: TEST_WEBHOOK_SECRET,
      telegramBotToken: TEST_TOKEN,
      discordBotToken: TEST_BOT_TOKEN,
      ...secrets,
    },
  });
  const contexts: Context[] = [];
  return {
    stripe,
    telegram,
    discord,
    config,
    /** A Context on `store` with the real clients pointed at the fakes. */
    context(store: Store, clock: Clock = movableClock(), cfg: Config = config): Context {
      const ctx = createContext({
        config: cfg,
        store,
        clock,
        integrations: createIntegrations(cfg),
      });
      contexts.push(ctx);
      return ctx;
    },
    async close() {
      await Promise.all(contexts.map((c) => c.integrations.close()));
      await Promise.all([stripe.close(), telegram.close(), discord.close()]);
    },
  };
}

/** `event` as Stripe would POST it, signed, for a webhook handler called in-process. */
export async function signedRequest(event: StripeEvent): Promise<Request> {
  const { body, signature } = await sign(event);
  return new Request("http://x/webhooks/stripe", {
    method: "POST",
    body,
    headers: { "stripe-signature": signature },
  });
}

/** Delivers `event` as Stripe does: signed, POSTed to the webhook URL. */
export async function deliver(url: string, event: StripeEvent): Promise<Response> {
  const { body, signature } = await sign(event);
  return await fetch(url, {
    method: "POST",
    body,
    headers: { "content-type": "application/json", "stripe-signature": signature },
  });
}
