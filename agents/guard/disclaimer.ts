/** The disclaimer every post closes with, and how a draft gets it. */
import type { Platform } from "../../core/vocabulary.ts";
import { PLATFORM_LIMITS, weightedLength } from "../../integrations/publish/text_length.ts";

/**
 * Adds the disclaimer to the last part when it is missing and fits there.
 * Otherwise a multi-part draft (a thread) gets it as a new part, with "i/n"
 * numbering updated; a single post that cannot hold it is returned unchanged,
 * and checkDraft will reject it.
 */
export function ensureDisclaimer(
  parts: readonly string[],
  disclaimer: string,
  platform: Platform,
  options: { maxLength?: number } = {},
): string[] {
  const last = parts.at(-1);
  if (last === undefined || hasDisclaimer(last, disclaimer)) return [...parts];
  const limit = options.maxLength ?? PLATFORM_LIMITS[platform];
  const appended = `${last.trimEnd()}\n\n${disclaimer.trim()}`;
  if (weightedLength(appended, platform) <= limit) return [...parts.slice(0, -1), appended];
  if (parts.length < 2) return [...parts];
  return renumber([...parts, disclaimer.trim()]);
}

/** True when `part` holds `disclaimer`, whitespace aside. */
export function hasDisclaimer(part: string, disclaimer: string): boolean {
  const wanted = collapse(disclaimer);
  return wanted === "" || collapse(part).includes(wanted);
}

/** Rewrites leading "i/n" markers for the new part count; parts without one are left alone. */
function renumber(parts: string[]): string[] {
  const total = parts.length;
  const numbered = parts.slice(0, -1).every((part) => /^\d{1,2}\/\d{1,2}\s/.test(part));
  if (!numbered) return parts;
  return parts.map((part, i) => {
    const body = i === total - 1 ? part : part.replace(/^\d{1,2}\/\d{1,2}\s+/, "");
    return `${i + 1}/${total} ${body}`;
  });
}

const collapse = (text: string) => text.replace(/\s+/g, " ").trim();
