/**
 * .env read without dotenv when every line is plain. dotenv is CommonJS:
 * loading it loads Deno's Node layer, which costs a reading command (status,
 * logs) more than the rest of its start. Plain is: blank lines, `#` comment
 * lines and KEY=value, the value free of quotes, backslashes, `#` and spaces,
 * each key once. Anything else answers null and dotenv reads the file;
 * dotenv_quick_test.ts holds the two to the same result.
 */
export function quickDotEnv(text: string): Record<string, string> | null {
  if (text.includes("\r")) return null;
  const out: Record<string, string> = {};
  for (const line of text.split("\n")) {
    if (/^[ \t]*(#.*)?$/.test(line)) continue;
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=([^\s'"`#\\]*)$/.exec(line);
    if (!m || m[1] === "__proto__" || Object.hasOwn(out, m[1])) return null;
    out[m[1]] = m[2];
  }
  return out;
}
