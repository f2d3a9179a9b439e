/**
 * The community port over discord.js: a gateway Client for messages, edits
 * and joins in one guild (discord.js resumes the session after a drop, and
 * Discord replays what was missed), and REST calls for the actions.
 */
import type { Client, GuildMember, Message, PartialMessage } from "discord.js";
import type { Community, CommunityEvent } from "../community/mod.ts";

export interface DiscordCommunityOptions {
  botToken: string;
  guildId: string;
  modLogChannelId?: string;
  /** Default https://discord.com; tests point it at a fake. */
  baseUrl?: string;
}

/** Discord's SEND_MESSAGES permission bit, denied to @everyone while locked. */
const SEND_MESSAGES = 1n << 11n;

export function createDiscordCommunity(
  o: DiscordCommunityOptions,
): Community & Required<Pick<Community, "run">> {
  const api = `${(o.baseUrl ?? "https://discord.com").replace(/\/+$/, "")}/api`;
  const token = o.botToken.replace(/^(Bot|Bearer)\s+/i, "");
  let client: Client | undefined;
  let sdk: typeof import("discord.js") | undefined;
  const rest = async () => {
    sdk ??= await import("discord.js");
    client ??= new sdk.Client({
      intents: [
        sdk.GatewayIntentBits.Guilds,
        sdk.GatewayIntentBits.GuildMessages,
        sdk.GatewayIntentBits.MessageContent,
        sdk.GatewayIntentBits.GuildMembers,
      ],
      rest: { api, retries: 1, hashSweepInterval: 0, handlerSweepInterval: 0 },
    });
    client.rest.setToken(token);
    return { rest: client.rest, routes: sdk.Routes, client };
  };
  const textChannels = async () => {
    const { client } = await rest();
    const guild = client.guilds.cache.get(o.guildId);
    return guild ? [...guild.channels.cache.values()].filter((c) => c.isTextBased()) : [];
  };

  return {
    platform: "discord",
    async run(onEvent, signal) {
      const { client } = await rest();
      let queue = Promise.resolve();
      const push = (event: CommunityEvent | null) => {
        if (event) queue = queue.then(() => onEvent(event));
      };
      client.on("messageCreate", (m) => push(toEvent(m, o.guildId, false)));
      client.on("messageUpdate", (_old, m) => push(toEvent(m, o.guildId, true)));
      client.on("guildMemberAdd", (m) => push(toJoin(m, o.guildId)));
      await client.login(token);
      await new Promise<void>((resolve) => {
        if (signal.aborted) resolve();
        signal.addEventListener("abort", () => resolve(), { once: true });
      });
      await queue;
    },
    async deleteMessage(_chatId, channel, messageId) {
      const { rest: r, routes } = await rest();
      await r.delete(routes.channelMessage(channel, messageId));
    },
    async timeout(_chatId, userId, until) {
      const { rest: r, routes } = await rest();
      const body = { communication_disabled_until: new Date(until).toISOString() };
      await r.patch(routes.guildMember(o.guildId, userId), { body });
    },
    async removeTimeout(_chatId, userId) {
      const { rest: r, routes } = await rest();
      const body = { communication_disabled_until: null };
      await r.patch(routes.guildMember(o.guildId, userId), { body });
    },
    async kick(_chatId, userId) {
      const { rest: r, routes } = await rest();
      await r.delete(routes.guildMember(o.guildId, userId));
    },
    async ban(_chatId, userId) {
      const { rest: r, routes } = await rest();
      // Also removes the last hour of their messages: raiders post in bursts.
      await r.put(routes.guildBan(o.guildId, userId), { body: { delete_message_seconds: 3600 } });
    },
    async unban(_chatId, userId) {
      const { rest: r, routes } = await rest();
      await r.delete(routes.guildBan(o.guildId, userId));
    },
    async startRaidMode(_chatId, measure) {
      const { rest: r, routes } = await rest();
      const replaced: Record<string, number> = {};
      for (const ch of await textChannels()) {
        if (ch.id === o.modLogChannelId) continue;
        if (measure.action === "slowmode") {
          replaced[ch.id] = "rateLimitPerUser" in ch ? ch.rateLimitPerUser ?? 0 : 0;
          const body = { rate_limit_per_user: measure.slowmodeSeconds };
          await r.patch(routes.channel(ch.id), { body });
        } else {
          replaced[ch.id] = -1;
          const body = { type: 0, deny: String(SEND_MESSAGES), allow: "0" };
          await r.put(routes.channelPermission(ch.id, o.guildId), { body });
        }
      }
      return { action: measure.action, channels: replaced };
    },
    async endRaidMode(_chatId, replaced) {
      const { rest: r, routes } = await rest();
      const channels = (replaced.channels ?? {}) as Record<string, number>;
      for (const [id, before] of Object.entries(channels)) {
        if (replaced.action === "lock") {
          await r.delete(routes.channelPermission(id, o.guildId));
        } else {
          await r.patch(routes.channel(id), { body: { rate_limit_per_user: before } });
        }
      }
    },
    async modLog(text) {
      if (!o.modLogChannelId) return;
      const { rest: r, routes } = await rest();
      const body = { content: text.slice(0, 2000), allowed_mentions: { parse: [] } };
      await r.post(routes.channelMessages(o.modLogChannelId), { body });
    },
    async close() {
      await client?.destroy();
    },
  };
}

function toEvent(
  m: Message | PartialMessage,
  guildId: string,
  edited: boolean,
): CommunityEvent | null {
  if (m.guildId !== guildId || m.author?.bot || typeof m.content !== "string") return null;
  return {
    kind: "message",
    chatId: guildId,
    edited,
    message: {
      id: m.id,
      text: m.content,
      channel: m.channelId,
      at: m.editedTimestamp ?? m.createdTimestamp,
      author: {
        id: m.author?.id,
        name: m.member?.displayName ?? m.author?.globalName ?? m.author?.username,
        createdAt: m.author?.createdTimestamp,
        roles: m.member ? [...m.member.roles.cache.values()].map((r) => r.name) : [],
        avatar: m.author?.avatar ?? undefined,
      },
    },
  };
}

function toJoin(m: GuildMember, guildId: string): CommunityEvent | null {
  if (m.guild.id !== guildId || m.user.bot) return null;
  return {
    kind: "join",
    chatId: guildId,
    at: m.joinedTimestamp ?? Date.now(),
    member: {
      id: m.id,
      name: m.displayName,
      createdAt: m.user.createdTimestamp,
      roles: [...m.roles.cache.values()].map((r) => r.name),
      avatar: m.user.avatar ?? undefined,
    },
  };
}
