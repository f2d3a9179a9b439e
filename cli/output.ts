import { terminalSafe } from "../core/clean_text.ts";
import type { Globals } from "./program.ts";

/** Writes the command's result: JSON on stdout with --json, else the human text. */
export function output(g: Globals, json: unknown, human: () => string): void {
  if (g.json) console.log(JSON.stringify(json, null, 2));
  else {
    const text = human();
    // Results quote outside data (titles, posts): its escapes never reach the terminal.
    if (text) console.log(terminalSafe(text));
  }
}
