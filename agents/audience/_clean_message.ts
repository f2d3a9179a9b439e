/**
 * A stranger's message is data: terminal escapes, control characters and bidi
 * overrides go before it is stored, classified or shown, and names become one
 * short line. The text keeps its line breaks.
 */
import { cleanLine, stripControls } from "../../core/clean_text.ts";
import type { IncomingMessage } from "../../core/vocabulary.ts";

export function cleanMessage(m: IncomingMessage): IncomingMessage {
  const name = (s: string | null) => (s === null ? null : cleanLine(s, 100));
  return {
    ...m,
    text: stripControls(m.text),
    author: { ...m.author, handle: name(m.author.handle), displayName: name(m.author.displayName) },
  };
}
