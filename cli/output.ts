import type { Globals } from "./program.ts";

/** Writes the command's result: JSON on stdout with --json, else the human text. */
export function output(g: Globals, json: unknown, human: () => string): void {
  if (g.json) console.log(JSON.stringify(json, null, 2));
  else {
    const text = human();
    if (text) console.log(text);
  }
}
