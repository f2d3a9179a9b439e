/** Times as a person reads them: "27 Jan 2025 14:00 UTC", "in 3 h 20 min". */

const MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(" ");

export function utcTime(ms: number): string {
  const d = new Date(ms);
  const hh = String(d.getUTCHours()).padStart(2, "0");
  const mm = String(d.getUTCMinutes()).padStart(2, "0");
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${hh}:${mm} UTC`;
}

/** "in 3 h 20 min", "in 2 days 4 h", "5 min ago". */
export function relative(ms: number, now: number): string {
  const minutes = Math.round(Math.abs(ms - now) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const span = days > 0
    ? `${days} day${days === 1 ? "" : "s"}${hours ? ` ${hours} h` : ""}`
    : hours > 0
    ? `${hours} h${mins ? ` ${mins} min` : ""}`
    : `${mins} min`;
  return ms >= now ? `in ${span}` : `${span} ago`;
}

/** When a post goes out: "due now", or its time and how far off it is. */
export function dueText(scheduledAt: number, now: number): string {
  return scheduledAt <= now
    ? "due now"
    : `due ${utcTime(scheduledAt)} (${relative(scheduledAt, now)})`;
}
