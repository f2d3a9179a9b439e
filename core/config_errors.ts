import type { z } from "zod";
import { cleanLine } from "./clean_text.ts";
import { ConfigSchema } from "./config_schema.ts";
import { maskUrlsIn } from "./mask_url.ts";
import { closest } from "./closest.ts";

/** Problems listed at most; a file with thousands of bad items gets a count of the rest. */
const MAX_LINES = 20;

/** One line per problem: the key, the value, where it came from, what is wrong. */
export function formatIssues(
  issues: z.core.$ZodIssue[],
  raw: Record<string, unknown>,
  sources: Record<string, string>,
): string {
  const lines: string[] = [];
  let total = 0;
  for (const issue of issues) {
    const found = issueLines(issue, raw, sources, MAX_LINES - lines.length);
    total += found.count;
    lines.push(...found.lines);
  }
  if (total > lines.length) lines.push(`... and ${total - lines.length} more`);
  return `Invalid config:\n  ${lines.join("\n  ")}`;
}

/** The lines of one issue, at most `room` of them made, and how many it has in all. */
function issueLines(
  issue: z.core.$ZodIssue,
  raw: Record<string, unknown>,
  sources: Record<string, string>,
  room: number,
): { lines: string[]; count: number } {
  const path = issue.path.map(String);
  if (issue.code === "unrecognized_keys") {
    const lines = issue.keys.slice(0, Math.max(0, room)).map((key) => {
      const full = [...path, key].join(".");
      const near = closest(key, knownKeys(path));
      return `unknown key ${show(full)}${from(sources, full)}${
        near ? `; did you mean "${near}"?` : ""
      }`;
    });
    return { lines, count: issue.keys.length };
  }
  if (room <= 0) return { lines: [], count: 1 };
  const key = path.join(".");
  const value = path.reduce<unknown>(
    (v, k) => (v as Record<string, unknown> | undefined)?.[k],
    raw,
  );
  const shown = key.startsWith("secrets.") ? "(secret)" : show(value);
  const name = key ? cleanLine(key, SHOWN_MAX_CHARS) : "(top level)";
  return {
    lines: [`${name} = ${shown}${from(sources, key)}: ${cleanLine(issue.message, 200)}`],
    count: 1,
  };
}

/** Longest value echoed in an error; the rest is cut, whatever the value's size. */
const SHOWN_MAX_CHARS = 80;

/** A value as it reads in an error: JSON, credentials in URLs masked, cut to one short line. */
export function show(value: unknown): string {
  const head = typeof value === "string" && value.length > SHOWN_MAX_CHARS * 4
    ? value.slice(0, SHOWN_MAX_CHARS * 4)
    : value;
  return cleanLine(maskUrlsIn(JSON.stringify(head) ?? String(head)), SHOWN_MAX_CHARS);
}

function from(sources: Record<string, string>, key: string): string {
  const parts = key.split(".");
  for (let i = parts.length; i > 0; i--) {
    const src = sources[parts.slice(0, i).join(".")];
    if (src) return ` (from ${src})`;
  }
  return "";
}

/** The keys the schema knows at `path`, for "did you mean". */
function knownKeys(path: string[]): string[] {
  let node: unknown = ConfigSchema;
  for (const key of ["", ...path]) {
    if (key) node = shapeOf(node)?.[key];
    // Unwrap defaults and optionals down to the object itself.
    while ((node as { def?: { innerType?: unknown } })?.def?.innerType) {
      node = (node as { def: { innerType: unknown } }).def.innerType;
    }
  }
  return Object.keys(shapeOf(node) ?? {});
}

function shapeOf(node: unknown): Record<string, unknown> | undefined {
  return (node as { shape?: Record<string, unknown> })?.shape;
}
