/**
 * A fake Discord gateway and the REST routes moderation uses, on 127.0.0.1.
 * The gateway speaks v10 JSON without compression: HELLO (op 10), IDENTIFY
 * (op 2) -> READY + GUILD_CREATE, heartbeats (op 1 -> op 11), dispatches
 * with sequence numbers, and RESUME (op 6): the events sent after the
 * client's sequence are replayed, then RESUMED. REST records every call
 * (deletes, timeouts, kicks, bans, role and channel changes, messages).
 */
export const GUILD_ID = "1100000000000000001";
export const CHANNELS = ["1100000000000000101", "1100000000000000102", "1100000000000000103"];
export const MOD_LOG_CHANNEL = "1100000000000000199";
export const ROLES = { admin: "1100000000000000201", moderator: "1100000000000000202" };
export const GATEWAY_TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwOQ.Gfake.gateway-token-for-tests";
const BOT = { id: "1100000000000000009", username: "creator", discriminator: "0", bot: true };

export interface GatewayFake {
  url: string;
  /** REST calls in order: "DELETE /channels/1/messages/2" and their JSON bodies. */
  calls: Array<{ call: string; body: unknown }>;
  /** How many IDENTIFYs and RESUMEs the gateway has seen. */
  identifies: number;
  resumes: number;
  /** Resolves once a client is connected and READY (or RESUMED) was sent. */
  connected(): Promise<void>;
  /** Sends a dispatch now, or queues it for replay if no client is connected. */
  dispatch(t: string, d: Record<string, unknown>): void;
  /** Drops the connection as a network failure would (close 4000); the client should resume. */
  drop(): void;
  close(): Promise<void>;
}

export function userPayload(id: string, name: string, avatar: string | null = null) {
  return { id, username: name, global_name: name, discriminator: "0", avatar };
}

export function startGatewayFake(): GatewayFake {
  const events: Array<{ s: number; t: string; d: unknown }> = [];
  let socket: WebSocket | null = null;
  let waiters: Array<() => void> = [];
  const sessionId = crypto.randomUUID().replaceAll("-", "");
  const send = (payload: unknown) =>
    socket?.readyState === 1 && socket.send(JSON.stringify(payload));
  const live = () => {
    for (const w of waiters) w();
    waiters = [];
  };
  const fake: GatewayFake = {
    url: "",
    calls: [],
    identifies: 0,
    resumes: 0,
    connected: () => new Promise((resolve) => waiters.push(resolve)),
    dispatch(t, d) {
      const event = { s: events.length + 1, t, d };
      events.push(event);
      send({ op: 0, ...event });
    },
    drop() {
      socket?.close(4000, "dropped by the test");
      socket = null;
    },
    async close() {
      socket?.close(1000);
      await server.shutdown();
    },
  };

  const onGateway = (ws: WebSocket) => {
    ws.onopen = () => ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 1000 } }));
    ws.onmessage = (m) => {
      const p = JSON.parse(m.data as string);
      if (p.op === 1) ws.send(JSON.stringify({ op: 11 }));
      if (p.op === 2) {
        fake.identifies++;
        socket = ws;
        ready();
        live();
      }
      if (p.op === 6 && p.d.session_id === sessionId) {
        fake.resumes++;
        socket = ws;
        for (const e of events) if (e.s > p.d.seq) send({ op: 0, ...e });
        send({ op: 0, s: events.length, t: "RESUMED", d: {} });
        live();
      }
    };
  };

  const ready = () => {
    // READY and GUILD_CREATE are per connection; they take sequence numbers like any dispatch.
    fake.dispatch("READY", {
      v: 10,
      user: BOT,
      guilds: [{ id: GUILD_ID, unavailable: true }],
      session_id: sessionId,
      resume_gateway_url: fake.url.replace("http", "ws") + "/gateway",
      application: { id: BOT.id, flags: 0 },
    });
    fake.dispatch("GUILD_CREATE", guild());
  };

  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, async (req) => {
    const url = new URL(req.url);
    if (url.pathname === "/gateway") {
      const { socket: ws, response } = Deno.upgradeWebSocket(req);
      onGateway(ws);
      return response;
    }
    const path = url.pathname.replace(/^\/api\/v10/, "");
    if (req.method === "GET" && path === "/gateway/bot") {
      return Response.json({
        url: fake.url.replace("http", "ws") + "/gateway",
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
      });
    }
    const body = req.body ? await req.json().catch(() => null) : null;
    fake.calls.push({ call: `${req.method} ${path}`, body });
    if (req.method === "POST" && /^\/channels\/\d+\/messages$/.test(path)) {
      return Response.json(message(path.split("/")[2], String(Date.now()), body?.content ?? ""));
    }
    if (req.method === "PATCH" && path.startsWith("/channels/")) {
      return Response.json({ ...channel(path.split("/")[2]), ...body });
    }
    if (req.method === "PATCH" && path.includes("/members/")) {
      return Response.json({ user: userPayload(path.split("/").at(-1)!, "member"), roles: [] });
    }
    return new Response(null, { status: 204 });
  });
  fake.url = `http://127.0.0.1:${server.addr.port}`;
  return fake;
}

function channel(id: string) {
  return {
    id,
    type: 0,
    guild_id: GUILD_ID,
    name: `chan-${id.slice(-3)}`,
    position: 0,
    rate_limit_per_user: 0,
    permission_overwrites: [],
  };
}

function guild() {
  const role = (id: string, name: string) => ({
    id,
    name,
    color: 0,
    hoist: false,
    position: 1,
    permissions: "0",
    managed: false,
    mentionable: false,
  });
  return {
    id: GUILD_ID,
    name: "creator community",
    owner_id: BOT.id,
    unavailable: false,
    member_count: 3,
    roles: [
      role(GUILD_ID, "@everyone"),
      role(ROLES.admin, "Admin"),
      role(ROLES.moderator, "Moderator"),
    ],
    channels: [...CHANNELS, MOD_LOG_CHANNEL].map(channel),
    members: [],
    emojis: [],
    features: [],
    threads: [],
    presences: [],
    voice_states: [],
    stickers: [],
    guild_scheduled_events: [],
    stage_instances: [],
    joined_at: new Date(0).toISOString(),
  };
}

/** A MESSAGE_CREATE payload from a member; `roles` are role ids. */
export function messagePayload(
  o: {
    id: string;
    channel: string;
    user: ReturnType<typeof userPayload>;
    text: string;
    roles?: string[];
  },
) {
  return {
    ...message(o.channel, o.id, o.text),
    author: o.user,
    member: {
      roles: o.roles ?? [],
      joined_at: new Date(0).toISOString(),
      deaf: false,
      mute: false,
    },
  };
}

function message(channelId: string, id: string, content: string) {
  return {
    id,
    channel_id: channelId,
    guild_id: GUILD_ID,
    author: BOT,
    content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    type: 0,
  };
}
