/**
 * The Discord fake's audience routes: members' messages in the channel (listed with `after=`,
 * newest first, each reply with the message it replies to, as the REST API does), one message
 * with its reactions, GET /users/@me, and deletions answered with 404 Unknown Message (10008).
 */
type Json = Record<string, unknown>;
type Respond = (status: number, body: unknown) => Response;

export interface FakeMember {
  id: string;
  username: string;
  bot?: boolean;
}

export function discordAudienceRoutes(channelId: string, botUser: Json, json: Respond) {
  const messages: Json[] = [];
  const reactions = new Map<string, Array<{ emoji: string; count: number }>>();
  const deleted = new Set<string>();
  let nextId = 1_300_000_000_000_000_000n;

  function withReactions(message: Json): Json {
    const r = reactions.get(String(message.id));
    return r
      ? {
        ...message,
        reactions: r.map(({ emoji, count }) => ({
          count,
          count_details: { burst: 0, normal: count },
          me: false,
          me_burst: false,
          emoji: { id: null, name: emoji },
          burst_colors: [],
        })),
      }
      : message;
  }

  return {
    /** The channel's list: our posts (given) and members' messages, newest first. */
    list(url: URL, ours: Json[]): Response {
      const after = url.searchParams.get("after");
      const limit = Math.min(100, Number(url.searchParams.get("limit") ?? 50));
      const all = [...ours, ...messages].filter((m) => !deleted.has(String(m.id)))
        .filter((m) => !after || BigInt(String(m.id)) > BigInt(after))
        .sort((a, b) => (BigInt(String(b.id)) > BigInt(String(a.id)) ? 1 : -1));
      // With `after`, Discord returns the oldest `limit` messages after it (still newest first).
      const page = after ? all.slice(-limit) : all.slice(0, limit);
      // A reply comes with the message it replies to (null once that was deleted).
      const withReferenced = page.map((m) => {
        const ref = (m.message_reference as Json | undefined)?.message_id;
        if (!ref) return m;
        const target = [...ours, ...messages].find((o) => o.id === ref);
        const { referenced_message: _, ...plain } = target ?? {};
        return { ...m, referenced_message: target && !deleted.has(String(ref)) ? plain : null };
      });
      return json(200, withReferenced);
    },
    /** GET /channels/:id/messages/:mid. */
    one(id: string, ours: Json[]): Response {
      const found = [...ours, ...messages].find((m) => m.id === id);
      if (!found || deleted.has(id)) return json(404, { message: "Unknown Message", code: 10008 });
      return json(200, withReactions(found));
    },
    me: () => json(200, botUser),
    has: (id: string) => messages.some((m) => m.id === id),
    control: {
      messages,
      /** A member's message in the channel; returns its id. */
      say(
        from: FakeMember,
        content: string,
        options: { replyTo?: string; mentionBot?: boolean } = {},
      ) {
        const id = String(nextId++);
        messages.push({
          id,
          type: options.replyTo ? 19 : 0,
          channel_id: channelId,
          content,
          author: {
            id: from.id,
            username: from.username,
            global_name: from.username,
            discriminator: "0",
            avatar: null,
            ...(from.bot ? { bot: true } : {}),
          },
          timestamp: new Date().toISOString(),
          edited_timestamp: null,
          tts: false,
          mention_everyone: false,
          mentions: options.mentionBot ? [botUser] : [],
          mention_roles: [],
          attachments: [],
          embeds: [],
          pinned: false,
          flags: 0,
          ...(options.replyTo
            ? { message_reference: { type: 0, channel_id: channelId, message_id: options.replyTo } }
            : {}),
        });
        return id;
      },
      /** A message exactly as given. */
      raw(message: Json): void {
        messages.push(message);
      },
      setReactions(messageId: string, counts: Array<[emoji: string, n: number]>): void {
        reactions.set(messageId, counts.map(([emoji, count]) => ({ emoji, count })));
      },
      delete(id: string): void {
        deleted.add(id);
      },
    },
  };
}

export type DiscordAudienceControl = ReturnType<typeof discordAudienceRoutes>["control"];
