import { terminalSafe, terminalSafeJson } from "../core/clean_text.ts";
import { maskUrlsIn } from "../core/mask_url.ts";
import type { Globals } from "./program.ts";

/** Writes the command's result: JSON on stdout with --json, else the human text. */
export function output(g: Globals, json: unknown, human: () => string): void {
  // Results quote outside data (titles, posts) and errors (URLs): escapes and
  // credentials in URLs never reach the output.
  if (g.json) console.log(terminalSafeJson(maskUrlsIn(JSON.stringify(json, null, 2))));
  else {
    const text = human();
    if (text) console.log(terminalSafe(maskUrlsIn(text)));
  }
}
