/**
 * `moderation check`: JSON lines in, one verdict line out for each, nothing
 * sent. Reads and writes in large chunks and builds no object it does not
 * need, so the rules, not the plumbing, set the pace.
 */
import type { Engine } from "./engine.ts";
import type { ChatMessage, Verdict } from "./types.ts";

const ALLOW_LINE = '{"action":"allow"}\n';
const FLUSH_AT = 1 << 16;

/** Bad input on one line; the message names the line so a person can find it. */
export class InputLineError extends TypeError {
  override name = "InputLineError";
}

export async function checkStream(
  input: ReadableStream<Uint8Array>,
  write: (chunk: string) => Promise<void>,
  engine: Engine,
  now: number,
): Promise<{ lines: number; flagged: number }> {
  const decoder = new TextDecoder();
  let rest = "";
  let out = "";
  let lines = 0;
  let flagged = 0;
  const handle = (line: string) => {
    lines++;
    if (line.trim() === "") return void lines--;
    const verdict = engine.check(toMessage(line, lines), now);
    if (verdict.action === "allow") out += ALLOW_LINE;
    else {
      flagged++;
      out += verdictLine(verdict);
    }
  };
  for await (const chunk of input) {
    const text = rest + decoder.decode(chunk, { stream: true });
    let start = 0;
    for (let nl = text.indexOf("\n"); nl !== -1; nl = text.indexOf("\n", start)) {
      handle(text.slice(start, nl));
      start = nl + 1;
    }
    rest = text.slice(start);
    if (out.length >= FLUSH_AT) {
      await write(out);
      out = "";
    }
  }
  rest += decoder.decode();
  if (rest.trim()) handle(rest);
  if (out) await write(out);
  return { lines, flagged };
}

export function verdictLine(v: Exclude<Verdict, { action: "allow" }>): string {
  return `${
    JSON.stringify({ action: v.action, rule: v.rule, reason: v.reason, evidence: v.evidence })
  }\n`;
}

/** One input line as a ChatMessage; every field but `text` may be missing. */
export function toMessage(line: string, lineNo: number): ChatMessage {
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(line);
  } catch {
    throw new InputLineError(`line ${lineNo}: not JSON; expected {"text": "...", ...}`);
  }
  if (typeof data !== "object" || data === null || typeof data.text !== "string") {
    throw new InputLineError(`line ${lineNo}: expected an object with a "text" string`);
  }
  const a = data.author as Record<string, unknown> | undefined;
  return {
    text: data.text,
    id: typeof data.id === "string" ? data.id : undefined,
    channel: typeof data.channel === "string" ? data.channel : undefined,
    at: toTime(data.at ?? data.timestamp),
    author: a && typeof a === "object"
      ? {
        id: a.id == null ? undefined : String(a.id),
        name: typeof a.name === "string" ? a.name : undefined,
        createdAt: toTime(a.createdAt),
        roles: Array.isArray(a.roles) ? a.roles.map(String) : undefined,
        avatar: typeof a.avatar === "string" ? a.avatar : undefined,
      }
      : undefined,
  };
}

function toTime(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value !== "string") return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : t;
}
