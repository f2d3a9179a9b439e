/**
 * Reading `ab start --variants`: formats valid on the platform, UTC hours in
 * its windows, or the values of a style dimension (opening, emoji, length,
 * chart, link).
 */
import { FORMATS_BY_PLATFORM, windowsInBucket } from "../agents/learning/arms.ts";
import { findLinks } from "../agents/guard/mod.ts";
import { UsageError } from "../core/errors.ts";
import { OPENINGS } from "../core/vocabulary.ts";
import type { StartFlags } from "./ab.ts";

/** Each style dimension's values as typed, and what each sets. */
const STYLE_VALUES: Record<string, Record<string, Record<string, unknown>>> = {
  opening: Object.fromEntries(OPENINGS.map((o) => [o, { opening: o }])),
  emoji: { some: { emoji: true }, none: { emoji: false } },
  length: { short: { length: "short" }, long: { length: "long" } },
  chart: { with: { chart: true }, without: { chart: false } },
};

/** What a variant sets: a format, a UTC hour (0-23), a style value, or a link. */
export function variantConfig(
  name: string,
  flags: StartFlags,
  value: string,
): Record<string, unknown> {
  if (flags.variants.length < 2 || new Set(flags.variants).size !== flags.variants.length) {
    throw new UsageError(`Cannot start "${name}": --variants needs 2 or more different values.`);
  }
  const style = STYLE_VALUES[flags.dimension];
  if (style) {
    if (!(value in style)) {
      throw new UsageError(
        `Cannot start "${name}": ${flags.dimension} "${value}" is not one of ${
          Object.keys(style).join(", ")
        }.`,
      );
    }
    return style[value];
  }
  if (flags.dimension === "link") return linkConfig(name, value);
  if (flags.dimension === "format") {
    const formats = FORMATS_BY_PLATFORM[flags.platform ?? "x"];
    if (!formats.includes(value as never)) {
      throw new UsageError(
        `Cannot start "${name}": format "${value}" is not one of ${formats.join(", ")}.`,
      );
    }
    return { format: value };
  }
  if (!flags.platform) {
    throw new UsageError(`Cannot start "${name}": an hour test needs --platform (windows differ).`);
  }
  const hour = Number(value);
  if (!/^\d{1,2}$/.test(value) || hour > 23) {
    throw new UsageError(`Cannot start "${name}": hour "${value}" is not a UTC hour from 0 to 23.`);
  }
  return { hour };
}

export function checkHours(
  name: string,
  configs: Record<string, unknown>[],
  windows: string[],
): void {
  for (const c of configs) {
    if (windowsInBucket(windows, c.hour as number, 1).length === 0) {
      throw new UsageError(
        `Cannot start "${name}": ${c.hour}:00 UTC is outside the posting windows ` +
          `${windows.join(", ")} (planning.windows).`,
      );
    }
  }
}

/** "none", or an https link; whether its host is allowlisted is checked with the config. */
function linkConfig(name: string, value: string): Record<string, unknown> {
  if (value === "none") return { link: null };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`Cannot start "${name}": link "${value}" is neither "none" nor a URL.`);
  }
  if (url.protocol !== "https:") {
    throw new UsageError(`Cannot start "${name}": link "${value}" must start with https://.`);
  }
  return { link: url.href };
}

/** A link variant's URL must pass the draft guard, or every draft of it is rejected. */
export function checkLinks(
  name: string,
  configs: Record<string, unknown>[],
  allowlist: readonly string[],
): void {
  for (const { link } of configs) {
    if (typeof link !== "string") continue;
    const problem = findLinks(link, allowlist).find((f) => f.problem);
    if (problem) {
      throw new UsageError(
        `Cannot start "${name}": ${link} would be refused in posts (${problem.problem}); ` +
          "add its host to content.linkAllowlist first.",
      );
    }
  }
}
