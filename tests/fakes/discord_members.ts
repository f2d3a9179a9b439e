/**
 * The Discord fake's membership routes: add and remove a member's role
 * (PUT/DELETE /api/v10/guilds/:guild/members/:user/roles/:role, 204), open a DM
 * channel (POST /api/v10/users/@me/channels) and post in it; the members-only
 * channel (GET it, with its permission overwrites; post in it, with a nonce and
 * files; list its messages). Someone not in the server gets 404 Unknown Member
 * (10007) on a role call. Each call is recorded; shapes follow Discord's API
 * reference.
 */
import type { StoredAttachment } from "./discord_media.ts";
export const TEST_GUILD_ID = "1190000000000000100";
export const TEST_ROLE_ID = "1190000000000000200";
export const MEMBERS_CHANNEL_ID = "1190000000000000300";

export interface DiscordMemberCalls {
  roleAdds: string[];
  roleRemoves: string[];
  dms: Array<{ userId: string; content: string }>;
  /** People who do not take DMs from the server's members: Discord answers 50007. */
  closedDms: Set<string>;
  /** Messages in the members-only channel, their text. */
  memberPosts: string[];
  /** The same messages as stored: id, nonce and how many files each carried. */
  memberMessages: Array<{ id: string; content: string; nonce?: string; files: number }>;
  /**
   * How the next posts to the members-only channel fail, in order: a status
   * answered before storing, or with `afterStore` after (the answer is lost).
   */
  memberPostFailures: Array<{ status: number; afterStore?: boolean }>;
  /** People who left the server (or never joined): role calls answer 10007. */
  absent: Set<string>;
  /** When true the members channel is visible to @everyone (a misconfigured server). */
  membersChannelOpen: boolean;
}

function failed(status: number) {
  return status === 429
    ? { message: "You are being rate limited.", retry_after: 5, global: false }
    : { message: `${status}: ${status >= 500 ? "Internal Server Error" : "Bad Request"}`, code: 0 };
}

/** `bot`: our bot's user, the author of its own messages. */
export function discordMembers(bot: Record<string, unknown>) {
  const calls: DiscordMemberCalls = {
    roleAdds: [],
    roleRemoves: [],
    dms: [],
    closedDms: new Set(),
    memberPosts: [],
    memberMessages: [],
    memberPostFailures: [],
    absent: new Set(),
    membersChannelOpen: false,
  };
  /** DM channel id -> the person it reaches. */
  const channels = new Map<string, string>();
  const json = (status: number, body: unknown) =>
    status === 204 ? new Response(null, { status }) : Response.json(body, { status });

  /** Answers the membership routes; undefined leaves the request to the channel fake. */
  function handle(
    method: string,
    path: string,
    body: { [key: string]: unknown } | null,
    files: StoredAttachment[] = [],
  ) {
    const role = path.match(/^\/api\/v10\/guilds\/(\d+)\/members\/(\d+)\/roles\/(\d+)$/);
    if (role) {
      if (role[1] !== TEST_GUILD_ID) return json(404, { message: "Unknown Guild", code: 10004 });
      if (role[3] !== TEST_ROLE_ID) return json(404, { message: "Unknown Role", code: 10011 });
      if (calls.absent.has(role[2])) return json(404, { message: "Unknown Member", code: 10007 });
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
    if (path === `/api/v10/channels/${MEMBERS_CHANNEL_ID}/messages`) {
      return method === "POST" ? postToMembers(body, files) : json(200, listMembers());
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

  function postToMembers(body: { [key: string]: unknown } | null, files: StoredAttachment[]) {
    const failure = calls.memberPostFailures.shift();
    if (failure && !failure.afterStore) return json(failure.status, failed(failure.status));
    const nonce = body?.nonce === undefined ? undefined : String(body.nonce);
    const known = body?.enforce_nonce ? calls.memberMessages.find((m) => m.nonce === nonce) : null;
    if (known) return json(200, memberMessage(known));
    const content = String(body?.content ?? "");
    calls.memberPosts.push(content);
    const id = String(1400000000000000000n + BigInt(calls.memberMessages.length + 1));
    const stored = { id, content, nonce, files: files.length };
    calls.memberMessages.push(stored);
    if (failure) return json(failure.status, failed(failure.status));
    return json(200, memberMessage(stored));
  }

  /** Newest first, the nonce left out, as Discord lists a channel's messages. */
  function listMembers() {
    return calls.memberMessages.map((m) => ({ ...memberMessage(m), nonce: undefined }))
      .reverse();
  }

  function memberMessage(m: DiscordMemberCalls["memberMessages"][number]) {
    return {
      id: m.id,
      type: 0,
      channel_id: MEMBERS_CHANNEL_ID,
      content: m.content,
      author: bot,
      embeds: [],
      attachments: [],
      mentions: [],
      timestamp: new Date().toISOString(),
      ...(m.nonce ? { nonce: m.nonce } : {}),
    };
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
