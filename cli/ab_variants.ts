/** Reading `ab start --variants`: formats valid on the platform, or UTC hours in its windows. */
import { FORMATS_BY_PLATFORM, windowsInBucket } from "../agents/learning/arms.ts";
import { UsageError } from "../core/errors.ts";
import type { StartFlags } from "./ab.ts";

/** What a variant sets: a format valid on the platform, or a UTC hour (0-23). */
export function variantConfig(
  name: string,
  flags: StartFlags,
  value: string,
): Record<string, unknown> {
  if (flags.variants.length < 2 || new Set(flags.variants).size !== flags.variants.length) {
    throw new UsageError(`Cannot start "${name}": --variants needs 2 or more different values.`);
  }
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
