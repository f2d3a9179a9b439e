/** Member access on Discord: a role on one server, granted and removed through the REST API. */
import { translateErrors } from "../../core/errors.ts";
import type { MemberAccess } from "../access/mod.ts";
import { REST_OPTIONS, toServiceError } from "./discordjs.ts";

export interface DiscordAccessOptions {
  botToken: string;
  guildId: string;
  roleId: string;
  /** The members-only channel, when premium posts go to Discord. */
  channelId?: string;
  baseUrl?: string;
}

/** The bot needs Manage Roles, and its own role above the members' role. */
export async function createDiscordAccess(o: DiscordAccessOptions): Promise<MemberAccess> {
  const sdk = await import("discord.js");
  const api = `${(o.baseUrl ?? "https://discord.com").replace(/\/+$/, "")}/api`;
  const rest = new sdk.REST({ ...REST_OPTIONS, version: "10", api })
    .setToken(o.botToken.replace(/^(Bot|Bearer)\s+/i, ""));
  const call = <T>(fn: () => Promise<T>) => translateErrors(fn, (e) => toServiceError(sdk, e));
  const role = (userId: string) => sdk.Routes.guildMemberRole(o.guildId, userId, o.roleId);
  return {
    platform: "discord",
    async grant(userId) {
      await call(() => rest.put(role(userId), { reason: "paid membership" }));
      return {};
    },
    async revoke(userId) {
      await call(async () => {
        try {
          await rest.delete(role(userId), { reason: "membership ended" });
        } catch (error) {
          // Unknown Member: they left the server, and their roles went with them.
          // Done, not a failure to retry every hour for ever.
          const gone = error instanceof sdk.DiscordAPIError &&
            error.code === sdk.RESTJSONErrorCodes.UnknownMember;
          if (!gone) throw error;
        }
      });
    },
    async message(userId, text) {
      const channel = await call(() =>
        rest.post(sdk.Routes.userChannels(), { body: { recipient_id: userId } })
      ) as { id: string };
      await call(() =>
        rest.post(sdk.Routes.channelMessages(channel.id), {
          body: { content: text, allowed_mentions: { parse: [] } },
        })
      );
    },
    async placeIsPrivate() {
      if (!o.channelId) return false;
      const channel = await call(() => rest.get(sdk.Routes.channel(o.channelId!))) as {
        guild_id?: string;
        permission_overwrites?: Array<{ id: string; type: number; deny: string }>;
      };
      // @everyone's role id is the server's id; VIEW_CHANNEL is bit 10.
      const everyone = channel.permission_overwrites?.find((p) => p.id === o.guildId);
      return channel.guild_id === o.guildId && !!everyone &&
        (BigInt(everyone.deny) & (1n << 10n)) !== 0n;
    },
    approveJoin: () => Promise.resolve(false),
    declineJoin: () => Promise.resolve(false),
  };
}
