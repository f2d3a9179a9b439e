/** Finding a posting slot: inside the platform's UTC windows, spaced, under the daily cap. */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export interface SlotRules {
  /**
   * "HH:MM-HH:MM" in UTC; "00:00-24:00" is all day. A window whose end is
   * before its start wraps midnight: "23:00-01:00" is 23:00-24:00 and 00:00-01:00.
   */
  windows: string[];
  spacingMinutes: number;
  dailyCap: number;
}

/**
 * The earliest time at or after `now` inside a window, at least `spacing` away
 * from every taken slot, on a UTC day with fewer than `dailyCap` posts; null
 * when none is free within `horizonDays`.
 */
export function nextSlot(
  now: number,
  taken: number[],
  rules: SlotRules,
  horizonDays = 2,
): number | null {
  if (rules.dailyCap <= 0) return null;
  const spacing = rules.spacingMinutes * MINUTE;
  // Earliest first, so the first free slot found is the earliest one.
  const windows = rules.windows.flatMap(parseWindow).sort((a, b) => a[0] - b[0]);
  const startDay = Math.floor(now / DAY) * DAY;
  for (let day = startDay; day < startDay + horizonDays * DAY; day += DAY) {
    if (taken.filter((t) => t >= day && t < day + DAY).length >= rules.dailyCap) continue;
    for (const [from, to] of windows) {
      let t = Math.max(now, day + from);
      // Step past each taken slot that is too close; ordered, so one pass suffices.
      for (const s of [...taken].sort((a, b) => a - b)) {
        if (Math.abs(s - t) < spacing) t = s + spacing;
      }
      if (t < day + to) return Math.ceil(t / MINUTE) * MINUTE;
    }
  }
  return null;
}

/** A window as spans of one UTC day: two when it wraps midnight. */
function parseWindow(w: string): [number, number][] {
  const m = /^(\d\d):(\d\d)-(\d\d):(\d\d)$/.exec(w);
  if (!m) throw new RangeError(`Cannot read posting window "${w}": expected "HH:MM-HH:MM" (UTC).`);
  const [h1, m1, h2, m2] = m.slice(1).map(Number);
  const [from, to] = [(h1 * 60 + m1) * MINUTE, (h2 * 60 + m2) * MINUTE];
  if (from === to || to > DAY) {
    throw new RangeError(`Cannot use posting window "${w}": it is empty or ends after 24:00.`);
  }
  return from < to ? [[from, to]] : [[0, to], [from, DAY]];
}
