/**
 * The Claude writer: one Messages API call per draft through the official SDK,
 * loaded on first use so commands that never write do not pay for it.
 */
import type Anthropic from "@anthropic-ai/sdk";
import { IntegrationError, NetworkError, parseRetryAfter } from "../../core/errors.ts";
import { networkReason } from "../../core/network_reason.ts";
import { type RetryOptions, withRetry } from "../../core/retry.ts";
import type { CallOptions, Draft, DraftRequest, Writer } from "./mod.ts";
import { buildMessageRequest, type MessageRequest, parseDraftReply } from "./prompt.ts";

const SERVICE = "anthropic";

export interface AnthropicWriterOptions {
  apiKey: string;
  /** Default: the SDK's, https://api.anthropic.com. Tests point it at a fake. */
  baseUrl?: string;
  /** Model id, e.g. "claude-sonnet-4-6". */
  model: string;
  /** The account's voice; part of the cached system prefix. */
  persona: string;
  /** Default 1024. */
  maxTokens?: number;
  /** Retries after the first attempt, for 429, 5xx and network failures. Default 2. */
  maxRetries?: number;
  /** Per attempt. Default 60 s. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Told before each retry wait, so the CLI can say why it pauses. */
  onRetry?: RetryOptions["onRetry"];
}

type Sdk = typeof import("@anthropic-ai/sdk");

/** Creates a Writer backed by Claude. The SDK is imported on the first write. */
export function createAnthropicWriter(options: AnthropicWriterOptions): Writer {
  if (!options.apiKey) {
    throw new TypeError(
      "Cannot create the Anthropic writer: apiKey is empty; set it or use the template writer",
    );
  }
  let connecting: Promise<{ sdk: Sdk; client: Anthropic }> | undefined;
  const connect = () => connecting ??= openClient(options);

  return {
    name: SERVICE,
    async write(request: DraftRequest, opts: CallOptions = {}): Promise<Draft> {
      const { sdk, client } = await connect();
      const body = buildMessageRequest(request, options);
      const message = await withRetry(() => send(sdk, client, body, options.apiKey, opts.signal), {
        attempts: (options.maxRetries ?? 2) + 1,
        signal: opts.signal,
        onRetry: options.onRetry,
      });
      return toDraft(message);
    },
  };
}

export async function openClient(options: AnthropicWriterOptions) {
  const sdk: Sdk = await import("@anthropic-ai/sdk");
  const client = new sdk.default({
    apiKey: options.apiKey,
    baseURL: options.baseUrl,
    fetch: options.fetch,
    // withRetry does the retrying, so Retry-After handling and the CLI's
    // onRetry notices work the same for every service; the SDK's own retries
    // would multiply with ours.
    maxRetries: 0,
    timeout: options.timeoutMs ?? 60_000,
  });
  return { sdk, client };
}

export async function send(
  sdk: Sdk,
  client: Anthropic,
  body: MessageRequest,
  apiKey: string,
  signal: AbortSignal | undefined,
): Promise<Anthropic.Message> {
  try {
    return await client.messages.create(body, { signal });
  } catch (error) {
    throw mapError(sdk, error, apiKey, signal);
  }
}

/** SDK errors to ours; the key is scrubbed in case a proxy echoes it back. */
function mapError(sdk: Sdk, error: unknown, apiKey: string, signal?: AbortSignal): unknown {
  const scrub = (text: string) => text.replaceAll(apiKey, "[redacted]");
  if (error instanceof sdk.APIUserAbortError) return signal?.reason ?? error;
  if (error instanceof sdk.APIConnectionError) {
    const reason = networkReason(error) ?? scrub(error.message);
    return new NetworkError(SERVICE, reason, { cause: error.cause });
  }
  if (error instanceof sdk.APIError && typeof error.status === "number") {
    const headers = error.headers;
    const retryAfterMs = Number(headers?.get("retry-after-ms")) ||
      parseRetryAfter(headers?.get("retry-after"));
    const detail = error.apiMessage ?? error.type ?? "request failed";
    return new IntegrationError(SERVICE, error.status, scrub(detail), retryAfterMs);
  }
  return error;
}

function toDraft(message: Anthropic.Message): Draft {
  const text = message.content
    .flatMap((block) => block.type === "text" ? [block.text] : [])
    .join("");
  const usage = message.usage;
  return {
    parts: parseDraftReply(text),
    writer: message.model,
    usage: {
      inputTokens: usage.input_tokens,
      outputTokens: usage.output_tokens,
      cacheReadTokens: usage.cache_read_input_tokens ?? 0,
      cacheWriteTokens: usage.cache_creation_input_tokens ?? 0,
    },
  };
}
