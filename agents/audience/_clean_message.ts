/**
 * A stranger's message is data: terminal escapes, control characters and bidi
 * overrides go before it is stored, classified or shown, and names become one
 * short line. The text keeps its line breaks, up to MESSAGE_MAX_CHARS.
 */
import { cleanLine, stripControls } from "../../core/clean_text.ts";
import type { IncomingMessage } from "../../core/vocabulary.ts";

/**
 * Longest message text kept. No platform sends more (X's long posts stop at
 * 25,000 characters, Telegram's at 4,096, Discord's at 4,000); the rest is padding.
 */
export const MESSAGE_MAX_CHARS = 32_768;

export function cleanMessage(m: IncomingMessage): IncomingMessage {
  const name = (s: string | null) => (s === null ? null : cleanLine(s, 100));
  const text = m.text.length > MESSAGE_MAX_CHARS ? m.text.slice(0, MESSAGE_MAX_CHARS) : m.text;
  return {
    ...m,
    text: stripControls(text),
    author: { ...m.author, handle: name(m.author.handle), displayName: name(m.author.displayName) },
  };
}
