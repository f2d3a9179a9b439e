/** Finding a posting slot: inside the platform's UTC windows, spaced, under the daily cap. */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export interface SlotRules {
  /** "HH:MM-HH:MM" in UTC; "00:00-24:00" is all day. */
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
  const windows = rules.windows.map(parseWindow);
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

function parseWindow(w: string): [number, number] {
  const m = /^(\d\d):(\d\d)-(\d\d):(\d\d)$/.exec(w);
  if (!m) throw new RangeError(`Cannot read posting window "${w}": expected "HH:MM-HH:MM" (UTC).`);
  const [h1, m1, h2, m2] = m.slice(1).map(Number);
  return [(h1 * 60 + m1) * MINUTE, (h2 * 60 + m2) * MINUTE];
}
