/**
 * The Telegram fake's membership methods: createChatInviteLink, banChatMember,
 * unbanChatMember, approveChatJoinRequest, declineChatJoinRequest and
 * sendMessage to a person (a direct message). Each call is recorded; answers
 * follow the Bot API docs (https://core.telegram.org/bots/api).
 */
export const PRIVATE_CHAT_ID = "-1009876543210";

export interface TelegramMemberCalls {
  invites: Array<{ link: string; memberLimit?: number; expireDate?: number; name?: string }>;
  bans: string[];
  unbans: string[];
  approvals: string[];
  declines: string[];
  /** Direct messages, by user id. */
  dms: Array<{ userId: string; text: string }>;
  /** People who never wrote to the bot: a DM to them is refused with 403. */
  silent: Set<string>;
}

type Body = Record<string, unknown>;

export function telegramMembers() {
  const calls: TelegramMemberCalls = {
    invites: [],
    bans: [],
    unbans: [],
    approvals: [],
    declines: [],
    dms: [],
    silent: new Set(),
  };
  const ok = (result: unknown) => Response.json({ ok: true, result });
  const error = (status: number, description: string) =>
    Response.json({ ok: false, error_code: status, description }, { status });

  function inChat(body: Body, record: string[]): Response {
    if (String(body.chat_id) !== PRIVATE_CHAT_ID) return error(400, "Bad Request: chat not found");
    record.push(String(body.user_id));
    return ok(true);
  }

  /** Answers the membership methods; undefined leaves the request to the channel fake. */
  function handle(method: string, body: Body): Response | undefined {
    switch (method) {
      case "createChatInviteLink": {
        if (String(body.chat_id) !== PRIVATE_CHAT_ID) {
          return error(400, "Bad Request: chat not found");
        }
        const link = `https://t.me/+${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`;
        calls.invites.push({
          link,
          memberLimit: body.member_limit as number | undefined,
          expireDate: body.expire_date as number | undefined,
          name: body.name as string | undefined,
        });
        return ok({
          invite_link: link,
          creator: { id: 5681419729, is_bot: true, first_name: "creator bot" },
          creates_join_request: false,
          is_primary: false,
          is_revoked: false,
          ...(body.member_limit ? { member_limit: body.member_limit } : {}),
          ...(body.expire_date ? { expire_date: body.expire_date } : {}),
          ...(body.name ? { name: body.name } : {}),
        });
      }
      case "banChatMember":
        return inChat(body, calls.bans);
      case "unbanChatMember":
        return inChat(body, calls.unbans);
      case "approveChatJoinRequest":
        return inChat(body, calls.approvals);
      case "declineChatJoinRequest":
        return inChat(body, calls.declines);
      case "sendMessage":
        return directMessage(body);
    }
    return undefined;
  }

  function directMessage(body: Body): Response | undefined {
    const userId = String(body.chat_id);
    if (!/^\d+$/.test(userId)) return undefined;
    if (calls.silent.has(userId)) {
      return error(403, "Forbidden: bot can't initiate conversation with a user");
    }
    calls.dms.push({ userId, text: String(body.text) });
    const chat = { id: Number(userId), type: "private", first_name: "Member" };
    return ok({
      message_id: calls.dms.length,
      chat,
      date: Math.floor(Date.now() / 1000),
      text: body.text,
    });
  }

  return { calls, handle };
}
