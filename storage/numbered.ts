/** Rewrites `?` placeholders to `$1..$n` for Postgres, leaving quoted text alone. */
export function numbered(text: string): string {
  let n = 0;
  return text.replace(/'(?:[^']|'')*'|"(?:[^"])*"|\?/g, (m) => m === "?" ? `$${++n}` : m);
}
