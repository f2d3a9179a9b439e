/**
 * A fake Anthropic Messages API on 127.0.0.1: `POST /v1/messages` answering in
 * the real response shape (message object, usage with cache counters) and the
 * real error shape (`{type:"error", error:{type, message}}`, Retry-After on
 * 429). It simulates prompt caching: a request whose prefix up to its last
 * `cache_control` block matches an earlier one byte for byte reads from the
 * cache, as the service reports it.
 */

/** Any non-empty key is accepted unless `apiKey` is set. */
export const FAKE_ANTHROPIC_KEY = "sk-ant-fake-key-for-tests-0000";

export interface MessagesBody {
  model: string;
  max_tokens: number;
  system?: string | Array<{ type: string; text: string; cache_control?: unknown }>;
  messages: Array<{ role: string; content: unknown }>;
  tools?: unknown[];
}

export interface FakeAnthropicOptions {
  /** The assistant's text for a request; an object is sent as its JSON. Default: one fixed part. */
  reply?: (
    body: MessagesBody,
  ) => string | { parts: string[] } | Promise<string | { parts: string[] }>;
  /** Delay before every answer. Default 0. */
  latencyMs?: number;
  /** Prefixes shorter than this (estimated tokens) are not cached. Default 1024, Sonnet's floor. */
  minCacheTokens?: number;
  /** When set, any other key gets 401. */
  apiKey?: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
  headers: Record<string, string>;
}

export interface FakeAnthropic {
  url: string;
  requests: RecordedRequest[];
  latencyMs: number;
  /** The next `n` requests answer `status` with an error body (and Retry-After, in seconds, if given). */
  failNext(n: number, status: number, retryAfterSeconds?: number): void;
  close(): Promise<void>;
}

const ERROR_TYPES: Record<number, string> = {
  400: "invalid_request_error",
  401: "authentication_error",
  403: "permission_error",
  404: "not_found_error",
  413: "request_too_large",
  429: "rate_limit_error",
  500: "api_error",
  529: "overloaded_error",
};

/** Starts the fake on a free port. */
export function startFakeAnthropic(options: FakeAnthropicOptions = {}): FakeAnthropic {
  const requests: RecordedRequest[] = [];
  const failures: Array<{ status: number; retryAfterSeconds?: number }> = [];
  const cachedPrefixes = new Set<string>();
  let served = 0;

  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, async (req) => {
    const path = new URL(req.url).pathname;
    const text = await req.text();
    const body = parseJson(text);
    requests.push({ method: req.method, path, body, headers: Object.fromEntries(req.headers) });
    if (fake.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, fake.latencyMs));
    served++;

    const failure = failures.shift();
    if (failure) {
      return errorResponse(failure.status, "Simulated failure.", failure.retryAfterSeconds);
    }
    if (req.method !== "POST" || path !== "/v1/messages") {
      return errorResponse(404, `${req.method} ${path} not found.`);
    }
    const key = req.headers.get("x-api-key") ??
      req.headers.get("authorization")?.replace(/^Bearer /, "");
    if (!key || (options.apiKey && key !== options.apiKey)) {
      return errorResponse(401, "invalid x-api-key");
    }
    const invalid = validate(body);
    if (invalid) return errorResponse(400, invalid);

    const messages = body as MessagesBody;
    const produced = await (options.reply ?? defaultReply)(messages);
    const reply = typeof produced === "string" ? produced : JSON.stringify(produced);
    const usage = countUsage(messages, cachedPrefixes, options.minCacheTokens ?? 1024, reply);
    return Response.json({
      id: `msg_fake_${String(served).padStart(6, "0")}`,
      type: "message",
      role: "assistant",
      model: messages.model,
      content: [{ type: "text", text: reply }],
      stop_reason: "end_turn",
      stop_sequence: null,
      usage,
    }, { headers: { "request-id": `req_fake_${served}` } });
  });

  const fake: FakeAnthropic = {
    url: `http://127.0.0.1:${server.addr.port}`,
    requests,
    latencyMs: options.latencyMs ?? 0,
    failNext(n, status, retryAfterSeconds) {
      for (let i = 0; i < n; i++) failures.push({ status, retryAfterSeconds });
    },
    async close() {
      await server.shutdown();
    },
  };
  return fake;
}

const defaultReply = () => ({ parts: ["A draft from the fake Anthropic API."] });

function errorResponse(status: number, message: string, retryAfterSeconds?: number): Response {
  const headers: Record<string, string> = { "request-id": "req_fake_error" };
  if (retryAfterSeconds !== undefined) headers["retry-after"] = String(retryAfterSeconds);
  const type = ERROR_TYPES[status] ?? (status >= 500 ? "api_error" : "invalid_request_error");
  return Response.json(
    { type: "error", error: { type, message }, request_id: "req_fake_error" },
    { status, headers },
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The checks the real API makes that our requests could plausibly fail. */
function validate(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null) return "The request body is not valid JSON.";
  const { model, max_tokens, messages, system } = body as Partial<MessagesBody>;
  if (typeof model !== "string" || !model) return "model: Field required";
  if (typeof max_tokens !== "number" || max_tokens < 1) return "max_tokens: Field required";
  if (!Array.isArray(messages) || messages.length === 0) return "messages: Field required";
  if (Array.isArray(system) && system.some((block) => !block.text)) {
    return "system: text content blocks must be non-empty";
  }
  return undefined;
}

const estimateTokens = (value: unknown) =>
  Math.ceil(new TextEncoder().encode(JSON.stringify(value)).length / 4);

/** Usage as the API reports it: input_tokens excludes what was read from or written to the cache. */
function countUsage(body: MessagesBody, cache: Set<string>, minTokens: number, reply: string) {
  const blocks: Array<{ cache_control?: unknown }> = [
    ...(body.tools ?? []) as Array<{ cache_control?: unknown }>,
    ...(Array.isArray(body.system) ? body.system : []),
    ...body.messages.flatMap((m) => Array.isArray(m.content) ? m.content : []),
  ];
  const total = estimateTokens({ tools: body.tools, system: body.system, messages: body.messages });
  const breakpoint = blocks.findLastIndex((block) => block.cache_control);
  const prefix = blocks.slice(0, breakpoint + 1);
  const prefixTokens = breakpoint < 0 ? 0 : estimateTokens(prefix);
  let cacheRead = 0;
  let cacheWrite = 0;
  if (prefixTokens >= minTokens) {
    const key = `${body.model}\n${JSON.stringify(prefix)}`;
    if (cache.has(key)) cacheRead = prefixTokens;
    else cacheWrite = prefixTokens;
    cache.add(key);
  }
  return {
    input_tokens: Math.max(1, total - cacheRead - cacheWrite),
    output_tokens: Math.max(1, Math.ceil(reply.length / 4)),
    cache_creation_input_tokens: cacheWrite,
    cache_read_input_tokens: cacheRead,
    cache_creation: { ephemeral_5m_input_tokens: cacheWrite, ephemeral_1h_input_tokens: 0 },
    service_tier: "standard",
  };
}
