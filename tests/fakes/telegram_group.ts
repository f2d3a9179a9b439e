/**
 * A fake Telegram Bot API for one discussion group, on 127.0.0.1: getMe,
 * getUpdates (offset confirmation, long polls, 409 to a second consumer),
 * getChatAdministrators, getChat, and the moderation methods and messages,
 * which it records. Envelopes are the Bot API's `{ok, result}` /
 * `{ok: false, error_code, description}`.
 */
import { updateQueue } from "./_get_updates.ts";

export const GROUP_TOKEN = "7000000001:AAFakeGroupTokenForTestsOnly_abcdef";
export const GROUP_ID = -1001500000001;
export const MOD_LOG_CHAT = -1001500000002;
export const ADMIN = { id: 4001, is_bot: false, first_name: "Alice", username: "alice_admin" };
const BOT = { id: 7000000001, is_bot: true, first_name: "Creator", username: "creator_mod_bot" };
const GROUP = { id: GROUP_ID, title: "Creator Community", type: "supergroup" };

export interface GroupFake {
  url: string;
  /** Moderation calls in order: method name and its JSON body. */
  calls: Array<{ method: string; body: Record<string, unknown> }>;
  /** Queues an update for getUpdates; returns it with its update_id. */
  push(update: Record<string, unknown>): Record<string, unknown>;
  /** The next `n` getUpdates calls fail with a 502, as a proxy in trouble would. */
  failPolls(n: number): void;
  getUpdatesCalls: number;
  /** getUpdates calls refused with 409 because another was open. */
  readonly conflicts: number;
  close(): Promise<void>;
}

export function groupMessage(
  messageId: number,
  from: { id: number; first_name: string; is_bot?: boolean },
  text: string,
  extra: Record<string, unknown> = {},
) {
  return {
    message_id: messageId,
    from: { is_bot: false, ...from },
    chat: GROUP,
    date: Math.floor(Date.now() / 1000),
    text,
    ...extra,
  };
}

export function startGroupFake(): GroupFake {
  const updates = updateQueue(900_000);
  let failing = 0;
  const fake: GroupFake = {
    url: "",
    calls: [],
    getUpdatesCalls: 0,
    get conflicts() {
      return updates.conflicts;
    },
    push: (update) => updates.push(update),
    failPolls: (n) => void (failing = n),
    close: () => {
      updates.close();
      return server.shutdown();
    },
  };
  const ok = (result: unknown) => Response.json({ ok: true, result });
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, async (req) => {
    const match = new URL(req.url).pathname.match(/^\/bot([^/]+)\/(\w+)$/);
    if (!match || match[1] !== GROUP_TOKEN) {
      return Response.json({ ok: false, error_code: 401, description: "Unauthorized" }, {
        status: 401,
      });
    }
    const text = await req.text();
    const body = text ? JSON.parse(text) : {};
    switch (match[2]) {
      case "getMe":
        return ok({ ...BOT, can_join_groups: true, can_read_all_group_messages: true });
      case "getUpdates": {
        fake.getUpdatesCalls++;
        if (failing > 0) {
          failing--;
          return Response.json({ ok: false, error_code: 502, description: "Bad Gateway" }, {
            status: 502,
          });
        }
        return await updates.answer(body);
      }
      case "getChatAdministrators":
        return ok([{ status: "administrator", user: ADMIN }, {
          status: "administrator",
          user: BOT,
        }]);
      case "getChat":
        return ok({ ...GROUP, permissions: { can_send_messages: true, can_send_polls: true } });
      default:
        fake.calls.push({ method: match[2], body });
        return ok(match[2] === "sendMessage" ? groupMessage(1, BOT, body.text) : true);
    }
  });
  fake.url = `http://127.0.0.1:${server.addr.port}`;
  return fake;
}
