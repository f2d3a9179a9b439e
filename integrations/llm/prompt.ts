/**
 * The Messages API request for one draft, and the reading of its reply.
 *
 * Layout for prompt caching: the system blocks (persona, then the fixed
 * writing rules carrying the cache breakpoint) are byte-identical for every
 * insight, platform and format; everything that varies travels in the user
 * message after the breakpoint.
 */
import type Anthropic from "@anthropic-ai/sdk";
import { formatFact, isTimestampKey } from "./numbers.ts";
import type { DraftRequest } from "./mod.ts";
import { WRITING_RULES } from "./_writing_rules.ts";

export type MessageRequest = Anthropic.MessageCreateParamsNonStreaming;

export interface PromptOptions {
  /** Model id, e.g. "claude-sonnet-4-6". */
  model: string;
  /** The account's voice, in plain words. Part of the cached prefix. */
  persona: string;
  /** Default 1024: a thread of four long Telegram parts still fits. */
  maxTokens?: number;
}

export const DEFAULT_MAX_TOKENS = 1024;

/** Builds the request body for one draft; exported so benchmarks can measure it. */
export function buildMessageRequest(request: DraftRequest, options: PromptOptions): MessageRequest {
  const persona = options.persona.trim();
  const system: Anthropic.TextBlockParam[] = [
    // The API rejects empty text blocks, so a missing persona leaves only the rules.
    ...(persona ? [{ type: "text" as const, text: `# Voice\n\n${persona}` }] : []),
    { type: "text", text: WRITING_RULES, cache_control: { type: "ephemeral" } },
  ];
  return {
    model: options.model,
    max_tokens: options.maxTokens ?? DEFAULT_MAX_TOKENS,
    system,
    messages: [{ role: "user", content: userMessage(request) }],
  };
}

/**
 * The insight as JSON, facts shown both formatted (what to write) and raw (what
 * it means). Timestamps stay out: the model could only turn them into dates,
 * which the number guard rejects.
 */
function userMessage(request: DraftRequest): string {
  const facts = Object.fromEntries(
    Object.entries(request.facts)
      .filter(([key, value]) => typeof value === "string" || !isTimestampKey(key))
      .map(([key, value]) => [
        key,
        typeof value === "number" ? { display: formatFact(key, value), raw: value } : value,
      ]),
  );
  return JSON.stringify({
    insight: {
      type: request.insightType,
      symbol: request.symbol,
      headline: request.headline,
      facts,
    },
    platform: request.platform,
    format: request.format,
    max_length: request.maxLength,
    disclaimer: request.disclaimer,
    ...(request.style ? { style: request.style } : {}),
    ...(request.lessons?.length ? { lessons_from_past_performance: request.lessons } : {}),
    ...(request.previousRejection ? { previous_rejection: request.previousRejection } : {}),
  });
}

/** Sizes in bytes of the whole body and of the part before the last cache breakpoint. */
export function measureRequest(body: MessageRequest): {
  totalBytes: number;
  cachedPrefixBytes: number;
} {
  const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;
  const system = Array.isArray(body.system) ? body.system : [];
  const breakpoint = system.findLastIndex((block) => block.cache_control);
  return {
    totalBytes: bytes(body),
    cachedPrefixBytes: breakpoint < 0 ? 0 : bytes(system.slice(0, breakpoint + 1)),
  };
}

/**
 * Reads the parts out of the model's reply: `{"parts": [...]}`, tolerating code
 * fences or a sentence around it; a plain reply is split on lines of "---".
 * JSON that does not parse (say, cut off at max_tokens) yields no parts, so
 * the guard rejects it instead of publishing half an object.
 */
export function parseDraftReply(text: string): string[] {
  const trimmed = text.trim().replace(/^```(?:json)?\s*|\s*```$/g, "");
  const start = trimmed.indexOf("{");
  const end = trimmed.lastIndexOf("}");
  if (start >= 0 && end > start) {
    const parsed = tryParse(trimmed.slice(start, end + 1));
    if (parsed !== undefined) return partsOf(parsed);
  }
  if (/^[{\[]/.test(trimmed)) return [];
  return trimmed.split(/\n\s*-{3,}\s*\n/).map((part) => part.trim()).filter(Boolean);
}

function tryParse(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

function partsOf(value: unknown): string[] {
  const parts = (value as { parts?: unknown } | null)?.parts;
  if (!Array.isArray(parts)) return [];
  return parts.filter((part): part is string => typeof part === "string")
    .map((part) => part.trim())
    .filter(Boolean);
}
