/**
 * The Discord fake's membership routes: add and remove a member's role
 * (PUT/DELETE /api/v10/guilds/:guild/members/:user/roles/:role, 204), open a DM
 * channel (POST /api/v10/users/@me/channels) and post in it; the members-only
 * channel (GET it, with its permission overwrites; post in it). Each call is
 * recorded; shapes follow Discord's API reference.
 */
export const TEST_GUILD_ID = "1190000000000000100";
export const TEST_ROLE_ID = "1190000000000000200";
export const MEMBERS_CHANNEL_ID = "1190000000000000300";

export interface DiscordMemberCalls {
  roleAdds: string[];
  roleRemoves: string[];
  dms: Array<{ userId: string; content: string }>;
  /** People who do not take DMs from the server's members: Discord answers 50007. */
  closedDms: Set<string>;
  /** Messages in the members-only channel. */
  memberPosts: string[];
  /** When true the members channel is visible to @everyone (a misconfigured server). */
  membersChannelOpen: boolean;
}

export function discordMembers() {
  const calls: DiscordMemberCalls = {
    roleAdds: [],
    roleRemoves: [],
    dms: [],
    closedDms: new Set(),
    memberPosts: [],
    membersChannelOpen: false,
  };
  /** DM channel id -> the person it reaches. */
  const channels = new Map<string, string>();
  const json = (status: number, body: unknown) =>
    status === 204 ? new Response(null, { status }) : Response.json(body, { status });

  /** Answers the membership routes; undefined leaves the request to the channel fake. */
  function handle(method: string, path: string, body: { [key: string]: unknown } | null) {
    const role = path.match(/^\/api\/v10\/guilds\/(\d+)\/members\/(\d+)\/roles\/(\d+)$/);
    if (role) {
      if (role[1] !== TEST_GUILD_ID) return json(404, { message: "Unknown Guild", code: 10004 });
      if (role[3] !== TEST_ROLE_ID) return json(404, { message: "Unknown Role", code: 10011 });
      if (method === "PUT") calls.roleAdds.push(role[2]);
      else if (method === "DELETE") calls.roleRemoves.push(role[2]);
      else return undefined;
      return json(204, null);
    }
    if (method === "POST" && path === "/api/v10/users/@me/channels") {
      const userId = String(body?.recipient_id);
      const id = String(1300000000000000000n + BigInt(channels.size));
      channels.set(id, userId);
      return json(200, {
        id,
        type: 1,
        last_message_id: null,
        recipients: [{ id: userId, username: "member", discriminator: "0", avatar: null }],
      });
    }
    const channel = path.match(/^\/api\/v10\/channels\/(\d+)$/);
    if (method === "GET" && channel) return json(200, describeChannel(channel[1]));
    if (method === "POST" && path === `/api/v10/channels/${MEMBERS_CHANNEL_ID}/messages`) {
      calls.memberPosts.push(String(body?.content));
      const id = String(1400000000000000000n + BigInt(calls.memberPosts.length));
      return json(200, { id, channel_id: MEMBERS_CHANNEL_ID, content: body?.content, type: 0 });
    }
    const dm = path.match(/^\/api\/v10\/channels\/(\d+)\/messages$/);
    const userId = dm && channels.get(dm[1]);
    if (method === "POST" && userId) {
      if (calls.closedDms.has(userId)) {
        return json(403, { message: "Cannot send messages to this user", code: 50007 });
      }
      calls.dms.push({ userId, content: String(body?.content) });
      return json(200, { id: String(Date.now()), channel_id: dm[1], content: body?.content });
    }
    return undefined;
  }

  /** @everyone (role id = server id) denied VIEW_CHANNEL (1 << 10) on the members channel only. */
  function describeChannel(id: string) {
    const hidden = id === MEMBERS_CHANNEL_ID && !calls.membersChannelOpen;
    return {
      id,
      type: 0,
      guild_id: TEST_GUILD_ID,
      name: id === MEMBERS_CHANNEL_ID ? "members" : "signals",
      permission_overwrites: hidden
        ? [{ id: TEST_GUILD_ID, type: 0, allow: "0", deny: String(1 << 10) }]
        : [],
    };
  }

  return { calls, handle };
}
