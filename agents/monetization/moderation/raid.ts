/** Raid detection: N joins within T seconds switch raid mode on; a calm spell switches it off. */
import type { ModerationSettings } from "../../../core/config_moderation.ts";

export type RaidChange = "start" | "end" | null;

export interface RaidTracker {
  /** Records a join; "start" when it tips the count over the threshold. */
  join(at: number): RaidChange;
  /** "end" once raid mode has seen no join for `calmSeconds`. */
  tick(now: number): RaidChange;
  readonly active: boolean;
}

export function createRaidTracker(raid: ModerationSettings["raid"]): RaidTracker {
  const joins: number[] = [];
  let active = false;
  let lastJoin = 0;
  return {
    get active() {
      return active;
    },
    join(at) {
      lastJoin = at;
      joins.push(at);
      while (joins.length && joins[0] <= at - raid.seconds * 1000) joins.shift();
      if (active || joins.length < raid.joins) return null;
      active = true;
      return "start";
    },
    tick(now) {
      if (!active || now - lastJoin < raid.calmSeconds * 1000) return null;
      active = false;
      joins.length = 0;
      return "end";
    },
  };
}
